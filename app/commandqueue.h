#pragma once

#include "localstore.h"
#include "message.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace Serambi::App {

class MessageListModel;
class RelayClient;
class Session;
struct RelayResult;

// The agent's commands on conversations until the relay answers them. A command is kept in the
// session's cache from the moment it is issued, sent at once when online, and otherwise (or
// when the connection drops before its result) sent again with the same id after reconnecting,
// also after a restart, so the relay runs it exactly once. A text being sent shows in the open
// chat as a placeholder bubble ("pending", or "queued-offline" while offline) until its result.
class CommandQueue : public QObject
{
    Q_OBJECT

public:
    CommandQueue(RelayClient *relay, Session *session, MessageListModel *messages,
                 QObject *parent = nullptr);

    // Queues command for conversationId; with a placeholder for a send_text. Nothing is
    // queued without an open cache (before signing in). The command's id, empty when not queued.
    // Arguments the relay would refuse (Protocol::checkCommandArguments) are not queued either:
    // `refused` with invalid_argument follows, as if the relay had answered, also offline.
    QString issue(Protocol::Command command, qint64 conversationId, const QJsonObject &args,
                  bool withPlaceholder = false);
    bool hasPendingFor(qint64 conversationId) const;
    const QList<PendingCommand> &pending() const { return m_commands; }
    // The placeholder bubbles of a conversation's unanswered texts, oldest first.
    MessageList placeholders(qint64 conversationId) const;
    // Shows the open chat's placeholders (after opening it or a change of connection).
    void refreshPlaceholders();

Q_SIGNALS:
    void succeeded(const Serambi::App::PendingCommand &command, const QJsonObject &data);
    void refused(const Serambi::App::PendingCommand &command, const QString &errorCode);

private:
    void load(const CachedState &state);
    void clear();
    void flush();
    void send(const PendingCommand &command);
    void handleResult(const QString &id, const RelayResult &result);
    Message placeholderFor(const PendingCommand &command) const;

    RelayClient *m_relay;
    Session *m_session;
    MessageListModel *m_messages;
    QList<PendingCommand> m_commands; // in issue order
    QSet<QString> m_inFlight;         // sent on this connection, awaiting a result
    qint64 m_nextLocalId = -1;        // placeholders have negative ids
};

} // namespace Serambi::App

Q_DECLARE_METATYPE(Serambi::App::PendingCommand)
