#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

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

// Delivers webhook bodies to the relay like Meta: POST with Content-Type application/json and
// X-Hub-Signature-256 over the exact bytes, redelivered with growing backoff until a 200.
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    explicit WebhookSender(const WebhookSenderOptions &options, QObject *parent = nullptr);

    static QByteArray signatureHeader(const QByteArray &body, const QByteArray &appSecret);

    void setUrl(const QUrl &url) { m_options.url = url; }
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
    void attempt(const QByteArray &body, int attemptNumber);
    void handleFinished(QNetworkReply *reply, const QByteArray &body, int attemptNumber);

    WebhookSenderOptions m_options;
    QNetworkAccessManager *m_network;
    int m_pending = 0;
    int m_delivered = 0;
    int m_failedAttempts = 0;
};

} // namespace Serambi::Sim
