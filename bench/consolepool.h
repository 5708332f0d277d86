#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <vector>

class QWebSocket;

namespace Serambi::Bench {

// What one console saw of this run's webhooks.
struct ConsoleSamples
{
    std::vector<quint64> seqs;     // from the wamid of each message.created event
    std::vector<qint64> latencyNs; // send time (in the wamid) to the frame's arrival
    quint64 frames = 0;            // every text frame, of any kind
    QString error;                 // set when the relay refused or closed the console
};

// M agent consoles on /agents: each says hello with a password, subscribes from 0 and then
// counts message.created events by wamid. Frames are only scanned, not parsed, so the
// consoles cost the bench little next to the relay that encodes and sends them.
class ConsolePool : public QObject
{
    Q_OBJECT

public:
    ConsolePool(const QUrl &url, const QString &username, const QString &password, int count,
                quint32 runId, QObject *parent = nullptr);

    void open();
    int subscribedCount() const;
    // Bench messages seen so far by each console.
    std::vector<quint64> messageCounts() const;
    std::vector<ConsoleSamples> takeSamples();
    QString firstError() const;

Q_SIGNALS:
    void opened();
    void failed(const QString &error);

private:
    enum class Stage { Connecting, AwaitingWelcome, AwaitingSnapshot, Subscribed, Failed };

    struct Console
    {
        QWebSocket *socket = nullptr;
        Stage stage = Stage::Connecting;
        bool retrying = false; // refused with auth_throttled: opens again after retry_after
        ConsoleSamples samples;
    };

    void handleText(std::size_t index, const QString &text);
    void fail(std::size_t index, const QString &error);

    QUrl m_url;
    QString m_username;
    QString m_password;
    quint32 m_runId;
    std::vector<Console> m_consoles;
    int m_subscribed = 0;
};

} // namespace Serambi::Bench
