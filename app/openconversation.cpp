#include "openconversation.h"

#include "commandqueue.h"
#include "inbox.h"
#include "localstore.h"
#include "messagelistmodel.h"
#include "relayclient.h"
#include "session.h"

#include "protocol/keys.h"

#include <QDateTime>
#include <QJsonArray>

namespace Serambi::App {

namespace Key = Protocol::Key;

using Protocol::Command;

OpenConversation::OpenConversation(RelayClient *relay, Session *session, Inbox *inbox,
                                   CommandQueue *commands, MessageListModel *messages,
                                   Options options, QObject *parent)
    : QObject(parent)
    , m_relay(relay)
    , m_session(session)
    , m_inbox(inbox)
    , m_commands(commands)
    , m_messages(messages)
    , m_options(options)
{
    m_unsentTimer.setSingleShot(true);
    m_unsentTimer.setInterval(m_options.unsentTextDebounceMs);
    connect(&m_unsentTimer, &QTimer::timeout, this, &OpenConversation::flushUnsentTexts);

    connect(relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        const qint64 current = id();
        if (status.state == ConnectionState::Online && current != 0) {
            m_messages->setReachedStart(false);
            requestHistory(current, 0);
        }
    });
    connect(session, &Session::cacheLoaded, this, &OpenConversation::load);
    connect(session, &Session::cacheClosing, this, &OpenConversation::close);
    connect(inbox, &Inbox::messagesArrived, m_messages, &MessageListModel::mergeMessages);
    connect(inbox, &Inbox::draftChanged, this, [this](qint64 conversationId) {
        if (conversationId == id())
            Q_EMIT draftChanged();
    });
    connect(commands, &CommandQueue::refused, this,
            [this](const PendingCommand &command, const QString &) {
                // Nothing typed is lost: a refused message goes back to its composer.
                if (command.command == Command::SendText &&
                    unsentText(command.conversationId).isEmpty())
                    setUnsentText(command.conversationId, command.args.value(Key::Text).toString());
            });
    connect(m_messages, &MessageListModel::olderPageRequested, this,
            &OpenConversation::handleOlderPageRequested);
}

OpenConversation::~OpenConversation() = default;

void OpenConversation::load(const CachedState &state)
{
    m_unsent = state.unsentTexts;
    connect(m_session->store(), &LocalStore::messagesLoaded, this,
            &OpenConversation::handleMessagesLoaded);
}

void OpenConversation::close()
{
    flushUnsentTexts();
    m_messages->setConversation(0);
    m_unsent.clear();
    m_unsentDirty.clear();
}

// --- what is on screen -------------------------------------------------------------------

void OpenConversation::open(qint64 id)
{
    m_messages->setConversation(id);
    Q_EMIT opened(id);
    LocalStore *store = m_session->store();
    if (id == 0 || !store)
        return;
    // The cache's newest page shows at once; the relay's newest page follows when online.
    store->loadMessages(id, 0, MessageListModel::PageSize);
    m_commands->refreshPlaceholders();
}

qint64 OpenConversation::id() const
{
    return m_messages->conversationId();
}

const Conversation *OpenConversation::conversation() const
{
    return m_inbox->conversation(id());
}

std::optional<Draft> OpenConversation::draft() const
{
    return m_inbox->draft(id());
}

void OpenConversation::handleMessagesLoaded(qint64 conversationId, qint64 beforeId,
                                            const MessageList &messages)
{
    if (conversationId != id())
        return;
    if (beforeId == 0) {
        m_messages->mergeMessages(messages);
        if (m_relay->isOnline())
            requestHistory(conversationId, 0);
        else
            m_messages->setReachedStart(messages.isEmpty());
        return;
    }
    // Offline paging: whatever the cache holds.
    m_messages->addOlderPage(conversationId, messages, messages.isEmpty());
}

void OpenConversation::handleOlderPageRequested(qint64 conversationId, qint64 beforeId)
{
    // Online, pages come from the relay (and fill the cache), so gaps left in the cache by a
    // snapshot never hide history; offline, from the cache.
    LocalStore *store = m_session->store();
    if (m_relay->isOnline())
        requestHistory(conversationId, beforeId);
    else if (store && beforeId != 0)
        store->loadMessages(conversationId, beforeId, MessageListModel::PageSize);
    else
        m_messages->addOlderPage(conversationId, {}, true);
}

void OpenConversation::requestHistory(qint64 conversationId, qint64 beforeId)
{
    QJsonObject args{{Key::ConversationId, conversationId},
                     {Key::Limit, MessageListModel::PageSize}};
    if (beforeId > 0)
        args.insert(Key::BeforeId, beforeId);
    const bool sent = m_relay->request(Command::History, args, this,
                                       [this, conversationId, beforeId](const RelayResult &result) {
                                           if (!result.ok)
                                               m_messages->cancelOlderPage(conversationId);
                                           else
                                               handleHistory(conversationId, beforeId, result.data);
                                       });
    if (!sent)
        m_messages->cancelOlderPage(conversationId);
}

void OpenConversation::handleHistory(qint64 conversationId, qint64 beforeId,
                                     const QJsonObject &data)
{
    MessageList messages;
    const QJsonArray array = data.value(Key::Messages).toArray();
    for (const QJsonValue &value : array)
        messages.append(Message::fromJson(value.toObject()));
    if (LocalStore *store = m_session->store())
        store->saveMessages(messages);
    if (conversationId != id())
        return;
    const bool reachedStart = messages.size() < MessageListModel::PageSize;
    if (beforeId == 0) {
        // A full newest page that does not reach the cached rows means the cache has a gap.
        if (!reachedStart)
            m_messages->removeOlderThan(messages.constFirst().id);
        m_messages->mergeMessages(messages);
        m_messages->setReachedStart(reachedStart);
        return;
    }
    m_messages->addOlderPage(conversationId, messages, reachedStart);
}

// --- the rules ------------------------------------------------------------------------------

bool OpenConversation::windowOpenAt(const Conversation *conversation, qint64 nowMs)
{
    return conversation && nowMs < conversation->windowClosesAt();
}

bool OpenConversation::mayApprove(const std::optional<Draft> &draft, bool windowOpen)
{
    return draft && windowOpen && !draft->streaming && !draft->text.trimmed().isEmpty();
}

bool OpenConversation::windowOpen() const
{
    return windowOpenAt(conversation(), QDateTime::currentMSecsSinceEpoch());
}

bool OpenConversation::canApprove() const
{
    return mayApprove(draft(), windowOpen());
}

bool OpenConversation::canEditDraft() const
{
    const std::optional<Draft> shown = draft();
    return shown && windowOpen() && !shown->text.trimmed().isEmpty();
}

// --- unsent text ----------------------------------------------------------------------------

QString OpenConversation::unsentText(qint64 conversationId) const
{
    return m_unsent.value(conversationId);
}

void OpenConversation::setUnsentText(qint64 conversationId, const QString &text)
{
    if (conversationId == 0 || m_unsent.value(conversationId) == text)
        return;
    if (text.isEmpty())
        m_unsent.remove(conversationId);
    else
        m_unsent.insert(conversationId, text);
    m_unsentDirty.insert(conversationId);
    m_unsentTimer.start();
}

void OpenConversation::flushUnsentTexts()
{
    m_unsentTimer.stop();
    LocalStore *store = m_session->store();
    if (!store)
        return;
    for (const qint64 dirty : std::as_const(m_unsentDirty))
        store->saveUnsentText(dirty, m_unsent.value(dirty));
    m_unsentDirty.clear();
}

// --- actions --------------------------------------------------------------------------------

bool OpenConversation::command(Command name, QJsonObject args)
{
    const qint64 current = id();
    if (current == 0 || !m_session->store())
        return false;
    args.insert(Key::ConversationId, current);
    m_commands->issue(name, current, args);
    return true;
}

bool OpenConversation::sendText(const QString &text, const QString &replyToWamid)
{
    const qint64 current = id();
    if (current == 0 || !m_session->store() || text.trimmed().isEmpty())
        return false;
    QJsonObject args{{Key::ConversationId, current}, {Key::Text, text}};
    if (!replyToWamid.isEmpty())
        args.insert(Key::ReplyTo, replyToWamid);
    if (const qint64 draftId = m_inbox->editedDraftId(current))
        args.insert(Key::DraftId, draftId);
    m_commands->issue(Command::SendText, current, args, true);
    m_inbox->forgetEditedDraft(current);
    setUnsentText(current, {});
    return true;
}

bool OpenConversation::approveDraft()
{
    if (!canApprove() || !m_session->store())
        return false;
    const qint64 current = id();
    const Draft approved = *draft();
    m_commands->issue(
        Command::SendText, current,
        {{Key::ConversationId, current}, {Key::Text, approved.text}, {Key::DraftId, approved.id}},
        true);
    m_inbox->dropDraft(current);
    return true;
}

QString OpenConversation::editDraft()
{
    if (!canEditDraft())
        return {};
    const qint64 current = id();
    const Draft edited = *draft();
    m_inbox->markDraftEdited(current, edited.id);
    setUnsentText(current, edited.text);
    return edited.text;
}

bool OpenConversation::discardDraft()
{
    const std::optional<Draft> shown = draft();
    if (!shown)
        return false;
    m_inbox->dropDraft(id());
    return command(Command::DiscardDraft, {{Key::DraftId, shown->id}});
}

bool OpenConversation::regenerateDraft()
{
    const qint64 current = id();
    if (!command(Command::RegenerateDraft))
        return false;
    m_inbox->forgetEditedDraft(current);
    m_inbox->dropDraft(current);
    return true;
}

bool OpenConversation::takeOver(Protocol::AiMode aiMode)
{
    return command(Command::TakeOver, {{Key::AiMode, Protocol::aiModeName(aiMode)}});
}

bool OpenConversation::handBack()
{
    return command(Command::HandBack);
}

bool OpenConversation::resolve()
{
    return command(Command::Resolve);
}

bool OpenConversation::setAiMode(Protocol::AiMode mode)
{
    return command(Command::SetAiMode, {{Key::Mode, Protocol::aiModeName(mode)}});
}

bool OpenConversation::assign(const QString &username)
{
    if (username.isEmpty())
        return false;
    return command(Command::Assign, {{Key::Username, username}});
}

void OpenConversation::listAgents()
{
    const bool sent =
        m_relay->request(Command::ListAgents, {}, this, [this](const RelayResult &result) {
            if (!result.ok) {
                Q_EMIT agentsListFailed(result.errorCode);
                return;
            }
            AgentList agents;
            const QJsonArray array = result.data.value(Key::Agents).toArray();
            for (const QJsonValue &value : array)
                agents.append(AgentInfo::fromJson(value.toObject()));
            Q_EMIT agentsListed(agents);
        });
    if (!sent)
        Q_EMIT agentsListFailed(QStringLiteral("unreachable"));
}

bool OpenConversation::transfer(const QString &username, const QString &team, const QString &note)
{
    if (username.isEmpty() == team.isEmpty())
        return false;
    QJsonObject args;
    if (!username.isEmpty())
        args.insert(Key::Username, username);
    else
        args.insert(Key::Team, team);
    if (!note.trimmed().isEmpty())
        args.insert(Key::Note, note.trimmed());
    return command(Command::Transfer, args);
}

void OpenConversation::listTransferTargets()
{
    const bool supervisor = m_session->currentUser().isSupervisor();
    const bool sent = m_relay->request(
        Command::ListTeams, {}, this, [this, supervisor](const RelayResult &result) {
            if (!result.ok) {
                Q_EMIT transferTargetsFailed(result.errorCode);
                return;
            }
            QList<Protocol::TeamPayload> teams;
            for (const QJsonValue &value : result.data.value(Key::Teams).toArray())
                teams.append(Protocol::TeamPayload::fromJson(value.toObject()));
            if (!supervisor) {
                Q_EMIT transferTargetsListed(teams, {});
                return;
            }
            const bool listed = m_relay->request(
                Command::ListAgents, {}, this, [this, teams](const RelayResult &agentsResult) {
                    AgentList agents;
                    for (const QJsonValue &value : agentsResult.data.value(Key::Agents).toArray())
                        agents.append(AgentInfo::fromJson(value.toObject()));
                    Q_EMIT transferTargetsListed(teams, agents);
                });
            if (!listed)
                Q_EMIT transferTargetsFailed(QStringLiteral("unreachable"));
        });
    if (!sent)
        Q_EMIT transferTargetsFailed(QStringLiteral("unreachable"));
}

bool OpenConversation::markRead()
{
    const Conversation *open = conversation();
    if (!open || open->unread == 0)
        return false;
    m_inbox->markRead(open->id);
    return command(Command::MarkRead);
}

bool OpenConversation::retryMedia(qint64 messageId)
{
    const Message *message = m_messages->message(messageId);
    if (!message || message->media.state != QLatin1String("failed"))
        return false;
    return command(Command::RetryMedia, {{Key::MessageId, messageId}});
}

bool OpenConversation::sendMedia(const QString &mediaKey, const QString &caption,
                                 const QString &filename, const QString &replyToWamid)
{
    if (mediaKey.isEmpty())
        return false;
    QJsonObject args{{Key::Media, mediaKey}};
    if (!caption.trimmed().isEmpty())
        args.insert(Key::Caption, caption.trimmed());
    if (!filename.isEmpty())
        args.insert(Key::Filename, filename);
    if (!replyToWamid.isEmpty())
        args.insert(Key::ReplyTo, replyToWamid);
    return command(Command::SendMedia, args);
}

bool OpenConversation::sendInteractive(const QJsonObject &interactive, const QString &replyToWamid,
                                       qint64 draftId)
{
    if (interactive.isEmpty())
        return false;
    QJsonObject args{{Key::Interactive, interactive}};
    if (!replyToWamid.isEmpty())
        args.insert(Key::ReplyTo, replyToWamid);
    if (draftId != 0)
        args.insert(Key::DraftId, draftId);
    if (!command(Command::SendInteractive, args))
        return false;
    const std::optional<Draft> shown = draft();
    if (draftId != 0 && shown && shown->id == draftId)
        m_inbox->dropDraft(id());
    return true;
}

bool OpenConversation::sendTemplate(const QString &name, const QString &language,
                                    const QJsonObject &parameters)
{
    if (name.isEmpty() || language.isEmpty())
        return false;
    QJsonObject args{{Key::Name, name}, {Key::Language, language}};
    if (!parameters.isEmpty())
        args.insert(Key::Parameters, parameters);
    return command(Command::SendTemplate, args);
}

bool OpenConversation::sendReaction(qint64 messageId, const QString &emoji)
{
    if (messageId <= 0)
        return false;
    return command(Command::SendReaction, {{Key::MessageId, messageId}, {Key::Emoji, emoji}});
}

bool OpenConversation::sendTyping()
{
    const qint64 current = id();
    if (current == 0 || !windowOpen())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto last = m_typingSentAt.constFind(current);
    if (last != m_typingSentAt.constEnd() && now - *last < m_options.typingIntervalMs)
        return false;
    if (!m_relay->request(Command::Typing, {{Key::ConversationId, current}}))
        return false;
    m_typingSentAt.insert(current, now);
    return true;
}

} // namespace Serambi::App
