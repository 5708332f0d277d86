#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <array>
#include <atomic>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Serambi::Relay {

class StoreWriter;
class MetricsRegistry;

struct WebhookOptions
{
    QByteArray appSecret;
    QByteArray verifyToken;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    QString defaultAiMode = QStringLiteral("draft");
};

// Meta's side of the relay: the GET verification handshake and the signed POSTs. A POST is
// answered 200 only after everything it carried is committed, so Meta's retries cover every
// failure before that point.
class WebhookEndpoint : public QObject
{
    Q_OBJECT

public:
    enum Result {
        Stored,
        BadSignature,
        MissingSignature,
        BadJson,
        TooLarge,
        StoreFailed,
        ResultCount
    };

    WebhookEndpoint(WebhookOptions options, StoreWriter *writer, QObject *parent = nullptr);

    void handleVerification(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    quint64 count(Result result) const { return m_results[result].load(); }
    quint64 messagesStored() const { return m_messagesStored.load(); }
    quint64 duplicates() const { return m_duplicates.load(); }
    void registerMetrics(MetricsRegistry &metrics) const;

private:
    WebhookOptions m_options;
    StoreWriter *m_writer;
    std::array<std::atomic<quint64>, ResultCount> m_results{};
    std::atomic<quint64> m_messagesStored{0};
    std::atomic<quint64> m_duplicates{0};
};

} // namespace Serambi::Relay
