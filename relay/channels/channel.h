#pragma once

#include "capabilities.h"
#include "sendresult.h"
#include "webhookpayload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkReply;
class QObject;
QT_END_NAMESPACE

namespace Serambi::Relay {

// One POST a provider made to the channel's webhook path.
struct InboundRequest
{
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QUrl publicUrl; // the URL the provider called, as it appears from outside the proxy

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// What the channel made of an inbound request: the relay's messages and statuses, or why it
// was refused (nothing of a refused request is stored).
struct InboundResult
{
    enum class Verdict { Accepted, MissingSignature, BadSignature, Malformed };
    Verdict verdict = Verdict::Malformed;
    QString problem; // why it was refused, for the log (never the body)
    WebhookBatch batch;
    // Changes addressed to another business number, dropped (Cloud API only), and their ids.
    int foreignChanges = 0;
    QStringList foreignNumbers;
};

// What the webhook answers a provider once its request is stored.
struct WebhookAnswer
{
    QByteArray contentType;
    QByteArray body;
};

// One WhatsApp number reached through one provider (docs/architecture.md, "Channels"). The
// relay speaks to every provider through this: inbound requests are verified and parsed into
// the relay's inbound messages and statuses; outbound messages are written in the Cloud API's
// shape (store/outbound.h) and each provider carries them in its own dialect; results come
// back as GraphResult, each provider mapping its refusals onto it.
class Channel
{
public:
    using Done = std::function<void(const GraphResult &)>;

    explicit Channel(QString name) : m_name(std::move(name)) {}
    virtual ~Channel() = default;
    Channel(const Channel &) = delete;
    Channel &operator=(const Channel &) = delete;

    // The channel's name in the configuration ([channel.<name>]) and on its conversations.
    const QString &name() const { return m_name; }
    virtual QString provider() const = 0; // "cloud", ...
    virtual const ChannelCapabilities &capabilities() const = 0;
    // The key of the business number in the store (contacts.phone_number_id): unique per
    // channel.
    virtual QString businessNumber() const = 0;

    // The provider's GET handshake on the webhook path: the body to answer 200 with, or
    // nothing (403).
    virtual std::optional<QByteArray> verificationAnswer(const QUrlQuery &query) const = 0;
    // Verifies that the provider sent request, then parses it.
    virtual InboundResult receive(const InboundRequest &request) const = 0;
    // The answer to a stored request: "ok" as plain text unless the provider reads answers.
    virtual WebhookAnswer acknowledgement() const;

    // Sends one outbound message (Cloud API shape). done runs on context's thread unless
    // context is destroyed first; success carries the provider's message id in wamid.
    virtual void sendMessage(const QJsonObject &message, QObject *context, Done done) = 0;
    // Hands bytes to the provider for a media send; success carries its media id in body "id".
    virtual void uploadMedia(const QByteArray &bytes, const QString &mimeType,
                             const QString &filename, QObject *context, Done done) = 0;
    // Where the bytes of an inbound media id are: success carries "url" (and mime_type,
    // sha256, file_size) in body.
    virtual void mediaInfo(const QString &mediaId, QObject *context, Done done) = 0;
    // Starts downloading url with the provider's credentials, or nullptr when url is not the
    // provider's. The caller owns the reply.
    virtual QNetworkReply *download(const QUrl &url) = 0;
    // Marks an inbound message (and all earlier ones) read; with typing, also shows the
    // customer the typing indicator. Only called when the capability table allows it.
    virtual void markRead(const QString &messageId, bool typing, QObject *context, Done done) = 0;

private:
    QString m_name;
};

} // namespace Serambi::Relay
