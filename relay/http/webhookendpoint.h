#pragma once

#include "config/csatconfig.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Serambi::Relay {

class Channel;
class StoreWriter;
class MetricsRegistry;

struct WebhookOptions
{
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    QString defaultAiMode = QStringLiteral("draft");
    CsatSettings csat; // how ratings are taken and thanked
};

// A provider's side of the relay: the GET verification handshake and the signed POSTs, which
// the channel verifies and parses. A POST is answered 200 only after everything it carried is
// committed, so the provider's retries cover every failure before that point. Changes for
// another business number are answered 200 with the rest and never stored.
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

    WebhookEndpoint(Channel *channel, WebhookOptions options, StoreWriter *writer,
                    QObject *parent = nullptr);

    void handleVerification(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    quint64 count(Result result) const { return m_results[result].load(); }
    quint64 messagesStored() const { return m_messagesStored.load(); }
    quint64 duplicates() const { return m_duplicates.load(); }
    quint64 foreignChanges() const { return m_foreignChanges.load(); }
    // channelLabel (e.g. channel="shop") is added to every metric's labels; empty: none.
    void registerMetrics(MetricsRegistry &metrics, const QString &channelLabel) const;
    Channel *channel() const { return m_channel; }

    // Statuses Meta reported for messages the relay does not have, by status.
    enum UnknownStatus {
        UnknownSent,
        UnknownDelivered,
        UnknownRead,
        UnknownPlayed,
        UnknownFailed,
        UnknownOther,
        UnknownStatusCount
    };

private:
    void noteForeignNumbers(const QStringList &numbers);

    Channel *m_channel;
    WebhookOptions m_options;
    StoreWriter *m_writer;
    std::array<std::atomic<quint64>, ResultCount> m_results{};
    std::atomic<quint64> m_messagesStored{0};
    std::atomic<quint64> m_duplicates{0};
    std::atomic<quint64> m_foreignChanges{0};
    std::atomic<quint64> m_editsAndRevokes{0};
    std::array<std::atomic<quint64>, UnknownStatusCount> m_unknownStatuses{};
    QSet<QString> m_loggedNumbers; // foreign phone_number_ids already logged
};

} // namespace Serambi::Relay
