#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Serambi::Sim {

struct WebhookSenderOptions
{
    QUrl url;
    QByteArray appSecret;
    int maxAttempts = 8;
    int retryBaseMs = 1000; // the n-th retry waits retryBaseMs * 2^(n-1)
    int timeoutMs = 10000;
};

// One POST of a webhook as the provider makes it.
struct WebhookDelivery
{
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // the signature, the User-Agent
};

// Turns a webhook body in the Cloud API's shape into the POSTs another provider makes for it,
// signed for url (Twilio: twiliowebhooks.h).
using WebhookDialect =
    std::function<QList<WebhookDelivery>(const QByteArray &body, const QUrl &url)>;

// Delivers webhook bodies to the relay like Meta: POST with Content-Type application/json and
// X-Hub-Signature-256 over the exact bytes, redelivered with growing backoff until a 200. With
// a dialect, each body becomes that provider's POSTs, each redelivered the same way; the
// signals then carry the translated bodies.
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    explicit WebhookSender(const WebhookSenderOptions &options, QObject *parent = nullptr);

    static QByteArray signatureHeader(const QByteArray &body, const QByteArray &appSecret);

    void setUrl(const QUrl &url) { m_options.url = url; }
    // Speaks another provider's dialect from now on; every body posted is translated first.
    void setDialect(WebhookDialect dialect) { m_dialect = std::move(dialect); }
    QUrl url() const { return m_options.url; }
    void post(const QByteArray &body);
    int pendingCount() const { return m_pending; }
    int deliveredCount() const { return m_delivered; }
    int failedAttemptCount() const { return m_failedAttempts; }

Q_SIGNALS:
    void delivered(const QByteArray &body, int attempt);
    void attemptFailed(const QByteArray &body, int attempt, int httpStatus);
    void abandoned(const QByteArray &body);

private:
    WebhookDelivery metaDelivery(const QByteArray &body) const;
    void attempt(const WebhookDelivery &delivery, int attemptNumber);
    void handleFinished(QNetworkReply *reply, const WebhookDelivery &delivery, int attemptNumber);

    WebhookSenderOptions m_options;
    WebhookDialect m_dialect;
    QNetworkAccessManager *m_network;
    int m_pending = 0;
    int m_delivered = 0;
    int m_failedAttempts = 0;
};

} // namespace Serambi::Sim
