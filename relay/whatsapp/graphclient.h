#pragma once

#include "channels/sendresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkRequest;
QT_END_NAMESPACE

namespace Serambi::Relay {

struct GraphOptions
{
    // Includes the API version, e.g. https://graph.facebook.com/v25.0
    QUrl baseUrl = QUrl(QStringLiteral("https://graph.facebook.com/v25.0"));
    QString phoneNumberId;
    QByteArray token;
    int timeoutMs = 20000;
    // Where download() may send the token (docs/configuration.md, media_download_hosts): a
    // host name (https only, e.g. lookaside.fbsbx.com), "*.domain" for its subdomains, or a
    // whole origin with scheme and port (http://127.0.0.1:8091, for the simulator).
    QStringList mediaDownloadHosts{QStringLiteral("lookaside.fbsbx.com")};
};

// Calls the WhatsApp Cloud API for one business phone number. The token is sent only as a
// bearer header to the configured base URL and never logged; redirects are not followed.
class GraphClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const GraphResult &)>;

    GraphClient(GraphOptions options, QNetworkAccessManager *nam, QObject *parent = nullptr);

    const GraphOptions &options() const { return m_options; }
    // {base}/{PNID}/messages
    QUrl messagesUrl() const;

    // POSTs body as a message send. done runs on context's thread unless context is destroyed
    // first; success means HTTP 2xx with a wamid.
    void sendMessage(const QJsonObject &body, QObject *context, Done done);
    // Marks an inbound message (and all earlier ones) as read (§8.4); success means
    // {"success": true}.
    void markRead(const QString &wamid, QObject *context, Done done);
    // markRead that also shows the customer a typing indicator (§8.4); it disappears when a
    // message arrives or after 25 seconds.
    void sendTyping(const QString &wamid, QObject *context, Done done);
    // GETs {base}/{path} with query; success means HTTP 2xx with a JSON object in result.body.
    void getJson(const QString &path, const QUrlQuery &query, QObject *context, Done done);

    // Media (§9.1, graphclientmedia.cpp). GET {base}/{mediaId}: success means a "url" in body (with
    // mime_type, sha256, file_size); the URL is valid for 5 minutes and is never logged.
    void mediaInfo(const QString &mediaId, QObject *context, Done done);
    // GET url with the bearer token, not following redirects. The caller reads the reply (it
    // may abort it) and deletes it. nullptr, and nothing sent, when url is not on
    // mediaDownloadHosts: Meta's answer decides the URL, the token must not follow it anywhere.
    QNetworkReply *download(const QUrl &url);
    static bool isAllowedDownloadUrl(const QUrl &url, const QStringList &hosts);
    // POST {base}/{PNID}/media, multipart (messaging_product, file with mimeType and filename,
    // type); success means an "id" in body.
    void uploadMedia(const QByteArray &bytes, const QString &mimeType, const QString &filename,
                     QObject *context, Done done);

private:
    enum class Expect { Wamid, SuccessFlag, MediaUrl, MediaId, Json };

    QNetworkRequest request(const QUrl &url) const;
    void finish(QNetworkReply *reply, Expect expect, QObject *context, Done done);
    void post(const QJsonObject &body, Expect expect, QObject *context, Done done);
    static GraphResult readResult(QNetworkReply *reply, Expect expect);

    GraphOptions m_options;
    QNetworkAccessManager *m_nam;
};

} // namespace Serambi::Relay
