#include "commandqueue.h"

#include "logging.h"
#include "messagelistmodel.h"
#include "relayclient.h"
#include "session.h"

#include "protocol/commandargs.h"
#include "protocol/errorcode.h"
#include "protocol/keys.h"

#include <QDateTime>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;

CommandQueue::CommandQueue(RelayClient *relay, Session *session, MessageListModel *messages,
                           QObject *parent)
    : QObject(parent), m_relay(relay), m_session(session), m_messages(messages)
{
    connect(relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state == ConnectionState::Online)
            flush();
        refreshPlaceholders();
    });
    connect(session, &Session::cacheLoaded, this, &CommandQueue::load);
    connect(session, &Session::cacheClosing, this, &CommandQueue::clear);
}

void CommandQueue::load(const CachedState &state)
{
    m_commands = state.commands;
    for (const PendingCommand &command : std::as_const(m_commands))
        m_nextLocalId = qMin(m_nextLocalId, command.localMessageId - 1);
}

void CommandQueue::clear()
{
    m_commands.clear();
    m_inFlight.clear();
}

QString CommandQueue::issue(Protocol::Command command, qint64 conversationId,
                            const QJsonObject &args, bool withPlaceholder)
{
    LocalStore *store = m_session->store();
    if (!store)
        return {};
    PendingCommand pending;
    pending.id = RelayClient::newCommandId();
    pending.command = command;
    pending.args = args;
    pending.conversationId = conversationId;
    pending.localMessageId = withPlaceholder ? m_nextLocalId-- : 0;
    pending.createdAt = QDateTime::currentMSecsSinceEpoch();
    // The relay would refuse it anyway: say so at once, also offline, and keep nothing.
    if (const auto problem = Protocol::checkCommandArguments(command, args)) {
        qCWarning(lcConsole) << "command" << Protocol::commandName(command)
                             << "not sent, its arguments are malformed:" << *problem;
        QMetaObject::invokeMethod(
            this,
            [this, pending] {
                Q_EMIT refused(pending,
                               Protocol::errorCodeName(Protocol::ErrorCode::InvalidArgument));
            },
            Qt::QueuedConnection);
        return pending.id;
    }
    m_commands.append(pending);
    store->saveCommand(pending);
    send(pending);
    if (withPlaceholder)
        m_messages->mergeMessages({placeholderFor(pending)});
    return pending.id;
}

bool CommandQueue::hasPendingFor(qint64 conversationId) const
{
    return std::any_of(m_commands.cbegin(), m_commands.cend(),
                       [&](const PendingCommand &c) { return c.conversationId == conversationId; });
}

void CommandQueue::send(const PendingCommand &command)
{
    const QString id = command.id;
    if (m_relay->requestWithId(id, command.command, command.args, this,
                               [this, id](const RelayResult &result) { handleResult(id, result); }))
        m_inFlight.insert(id);
}

void CommandQueue::flush()
{
    const QList<PendingCommand> commands = m_commands;
    for (const PendingCommand &command : commands) {
        if (!m_inFlight.contains(command.id))
            send(command);
        if (!m_relay->isOnline())
            return;
    }
}

void CommandQueue::handleResult(const QString &id, const RelayResult &result)
{
    m_inFlight.remove(id);
    if (result.lost)
        return; // sent again after reconnecting
    const auto it = std::find_if(m_commands.begin(), m_commands.end(),
                                 [&](const PendingCommand &c) { return c.id == id; });
    if (it == m_commands.end())
        return;
    const PendingCommand command = *it;
    m_commands.erase(it);
    if (LocalStore *store = m_session->store())
        store->removeCommand(id);
    if (command.localMessageId != 0)
        m_messages->removeMessage(command.localMessageId);
    if (result.ok) {
        Q_EMIT succeeded(command, result.data);
        return;
    }
    qCInfo(lcConsole) << "command" << Protocol::commandName(command.command)
                      << "refused:" << result.errorCode;
    Q_EMIT refused(command, result.errorCode);
}

MessageList CommandQueue::placeholders(qint64 conversationId) const
{
    MessageList result;
    for (const PendingCommand &command : m_commands) {
        if (command.conversationId == conversationId && command.localMessageId != 0)
            result.append(placeholderFor(command));
    }
    return result;
}

void CommandQueue::refreshPlaceholders()
{
    m_messages->mergeMessages(placeholders(m_messages->conversationId()));
}

Message CommandQueue::placeholderFor(const PendingCommand &command) const
{
    Message message;
    message.id = command.localMessageId;
    message.conversationId = command.conversationId;
    message.direction = Protocol::Direction::Out;
    message.type = QStringLiteral("text");
    message.text = command.args.value(Key::Text).toString();
    message.replyTo = command.args.value(Key::ReplyTo).toString();
    message.sender = QStringLiteral("agent");
    message.senderName = m_session->currentUser().displayName;
    message.timestamp = command.createdAt;
    message.commandId = command.id;
    message.status =
        m_relay->isOnline() ? QStringLiteral("pending") : QStringLiteral("queued-offline");
    return message;
}

} // namespace Serambi::App
