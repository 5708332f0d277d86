#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <map>

class QTimer;
class QWebSocket;

namespace Serambi::Bench {

// One agent console for the chaos run: logs in (password once, then its session token),
// subscribes from the last seq it applied, keeps the conversations it may see and the
// status of its own messages from events, and sends one send_text at a time to its customer's
// conversation. A command whose result was lost with the connection is sent again with the
// same id after the reconnect, as the console does; the relay must apply it once.
class ChaosConsole : public QObject
{
    Q_OBJECT

public:
    struct Stats
    {
        quint64 connects = 0;
        quint64 frames = 0;
        quint64 seqGoingBack = 0; // an event whose seq is not above the last one applied
        quint64 commandsSent = 0; // frames, resends included
        quint64 resends = 0;
        quint64 applied = 0; // ok results
        quint64 refused = 0; // results with an error other than internal
        quint64 snapshots = 0;
        QString error;
    };

    ChaosConsole(const QUrl &url, const QString &username, const QString &password,
                 const QString &customerWaId, int index, QObject *parent = nullptr);

    void start();
    // Stops sending new commands; one in flight is still resent until answered.
    void stopCommands();
    bool idle() const; // no command waiting for its result
    bool subscribed() const { return m_subscribed; }
    qint64 lastSeq() const { return m_lastSeq; }
    const Stats &stats() const { return m_stats; }
    // Conversation id -> the fields the console shows, as applied from snapshot and events.
    QHash<qint64, QJsonObject> conversations() const;
    // Relay message id -> status, for the messages this console sent.
    std::map<qint64, QString> ownMessages() const { return m_ownMessages; }
    // Command id -> the text it sent, for every command answered ok.
    QHash<QString, QString> appliedTexts() const { return m_appliedTexts; }

    // The fields compared with a fresh snapshot (statuses inside last_message change by
    // message.updated, which a console applies to the message list, not to the conversation).
    static QJsonObject comparable(const QJsonObject &conversation);

private:
    void connectSocket();
    void handleConnected();
    void handleDisconnected();
    void handleText(const QString &text);
    void handleEvent(const QJsonObject &frame);
    void applyConversation(const QJsonObject &conversation);
    void handleResult(const QJsonObject &frame);
    void sendNextCommand();
    void sendFrame(const QJsonObject &frame);

    QWebSocket *m_socket;
    QTimer *m_reconnect;
    QTimer *m_commandTimer;
    QUrl m_url;
    QString m_username;
    QString m_password;
    QString m_customerWaId;
    int m_index;
    QString m_token;
    bool m_subscribed = false;
    bool m_sendCommands = true;
    qint64 m_lastSeq = 0;
    qint64 m_conversationId = 0;
    QHash<qint64, QJsonObject> m_conversations;
    std::map<qint64, QString> m_ownMessages;
    QHash<QString, QString> m_appliedTexts;
    QJsonObject m_pending; // the command frame awaiting its result, or empty
    int m_nextCommand = 1;
    Stats m_stats;
};

} // namespace Serambi::Bench
