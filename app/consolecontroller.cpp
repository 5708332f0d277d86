#include "consolecontroller.h"

#include "cannedresponses.h"
#include "conversationlistmodel.h"
#include "credentialstore.h"
#include "logging.h"
#include "mediacache.h"
#include "mediauploader.h"
#include "messagelistmodel.h"
#include "messagetemplates.h"
#include "relayclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Serambi::App {

namespace {
QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

const QString SendText = QStringLiteral("send_text");
const QString History = QStringLiteral("history");
const QString ListAgents = QStringLiteral("list_agents");
const QString Unreachable = QStringLiteral("unreachable");
} // namespace

ConsoleController::ConsoleController(RelayClient *relay, CredentialStore *credentials,
                                     ConsoleOptions options, QObject *parent)
    : QObject(parent)
    , m_relay(relay)
    , m_credentials(credentials)
    , m_options(std::move(options))
    , m_conversations(new ConversationListModel(this))
    , m_messages(new MessageListModel(this))
    , m_canned(new CannedResponses(relay, this))
    , m_templates(new MessageTemplates(relay, this))
    , m_uploader(new MediaUploader(relay, this))
    , m_media(new MediaCache(QDir(cacheDirectory()).filePath(QStringLiteral("media")), this))
{
    using Filter = ConversationFilterProxy::Filter;
    for (const Filter filter : {Filter::Mine, Filter::Queue, Filter::All, Filter::Resolved}) {
        auto *proxy = new ConversationFilterProxy(filter, this);
        proxy->setSourceModel(m_conversations);
        m_proxies.insert(int(filter), proxy);
    }
    m_unsentTimer.setSingleShot(true);
    m_unsentTimer.setInterval(m_options.unsentTextDebounceMs);
    connect(&m_unsentTimer, &QTimer::timeout, this, &ConsoleController::flushUnsentTexts);

    connect(m_relay, &RelayClient::statusChanged, this, &ConsoleController::handleStatusChanged);
    connect(m_relay, &RelayClient::welcomed, this, &ConsoleController::handleWelcomed);
    connect(m_relay, &RelayClient::authenticationFailed, this,
            &ConsoleController::handleAuthenticationFailed);
    connect(m_relay, &RelayClient::unreachable, this,
            [this] { Q_EMIT signInFailed(QStringLiteral("unreachable"), 0); });
    connect(m_relay, &RelayClient::snapshotReceived, this, &ConsoleController::handleSnapshot);
    connect(m_relay, &RelayClient::subscribed, this, &ConsoleController::handleSubscribed);
    connect(m_relay, &RelayClient::eventReceived, this, &ConsoleController::handleEvent);
    connect(m_relay, &RelayClient::resultReceived, this, &ConsoleController::handleResult);
    connect(m_credentials, &CredentialStore::availabilityChanged, this,
            &ConsoleController::keychainAvailabilityChanged);
    connect(m_conversations, &ConversationListModel::unreadTotalChanged, this,
            &ConsoleController::unreadTotalChanged);
    connect(m_messages, &MessageListModel::olderPageRequested, this,
            &ConsoleController::handleOlderPageRequested);
    loadLastSession();
}

ConsoleController::~ConsoleController()
{
    closeStore();
}

// --- session -----------------------------------------------------------------------------

QString ConsoleController::dataDirectory() const
{
    return m_options.dataDirectory.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
               : m_options.dataDirectory;
}

QString ConsoleController::cacheDirectory() const
{
    // Tests give a data directory of their own: keep their media beside it.
    return m_options.dataDirectory.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
               : QDir(m_options.dataDirectory).filePath(QStringLiteral("cache"));
}

void ConsoleController::signIn(const QUrl &relayUrl, const QString &username,
                               const QString &password)
{
    m_password = password;
    openStore(relayUrl, username);
}

bool ConsoleController::restoreSession()
{
    if (!m_lastRelayUrl.isValid() || m_lastUsername.isEmpty())
        return false;
    m_password.clear();
    openStore(m_lastRelayUrl, m_lastUsername);
    return true;
}

void ConsoleController::signOut()
{
    m_relay->signOut();
    if (!m_username.isEmpty())
        m_credentials->remove(tokenKey());
    closeStore();
    m_user = {};
    m_signedIn = false;
    m_conversations->setCurrentUsername({});
    Q_EMIT currentUserChanged();
    Q_EMIT connectionChanged();
    Q_EMIT signedOut();
}

bool ConsoleController::keychainAvailable() const
{
    return m_credentials->isAvailable();
}

ConnectionStatus ConsoleController::connectionStatus() const
{
    ConnectionStatus status = m_relay->status();
    if (m_connectPending)
        status.state = ConnectionState::Connecting;
    return status;
}

QString ConsoleController::tokenKey() const
{
    return m_relayUrl.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('|') +
           m_username.toLower();
}

void ConsoleController::loadLastSession()
{
    QFile file(QDir(dataDirectory()).filePath(QStringLiteral("session.json")));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    m_lastRelayUrl = QUrl(json.value(key("relay_url")).toString());
    m_lastUsername = json.value(key("username")).toString();
}

void ConsoleController::rememberSession()
{
    m_lastRelayUrl = m_relayUrl;
    m_lastUsername = m_username;
    QDir().mkpath(dataDirectory());
    QSaveFile file(QDir(dataDirectory()).filePath(QStringLiteral("session.json")));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QJsonDocument(QJsonObject{{key("relay_url"), m_relayUrl.toString()},
                                         {key("username"), m_username}})
                   .toJson());
    file.commit();
}

void ConsoleController::openStore(const QUrl &relayUrl, const QString &username)
{
    const QString path = LocalStore::pathFor(dataDirectory(), relayUrl, username);
    m_relay->signOut();
    m_relayUrl = relayUrl;
    m_username = username;
    m_connectPending = true;
    Q_EMIT connectionChanged();
    if (m_store && m_storePath == path) {
        connectToRelay();
        return;
    }
    closeStore();
    m_storePath = path;
    m_store = std::make_unique<LocalStore>();
    connect(m_store.get(), &LocalStore::opened, this, &ConsoleController::handleStoreOpened);
    connect(m_store.get(), &LocalStore::messagesLoaded, this,
            &ConsoleController::handleMessagesLoaded);
    m_store->open(path);
}

void ConsoleController::closeStore()
{
    if (!m_store)
        return;
    flushUnsentTexts();
    m_store->close();
    m_store.reset();
    m_storePath.clear();
    m_messages->setConversation(0);
    m_conversations->resetConversations({});
    m_drafts.clear();
    m_editedDraftIds.clear();
    m_commands.clear();
    m_inFlight.clear();
    m_historyRequests.clear();
    m_agentRequests.clear();
    m_unsent.clear();
    m_unsentDirty.clear();
}

void ConsoleController::handleStoreOpened(bool ok, const CachedState &state)
{
    if (!ok)
        qCWarning(lcConsole) << "working without a local cache";
    if (state.user.username.compare(m_username, Qt::CaseInsensitive) == 0) {
        m_user = state.user;
        Q_EMIT currentUserChanged();
    }
    m_conversations->setCurrentUsername(m_username);
    m_conversations->resetConversations(state.conversations);
    m_drafts.clear();
    for (const Draft &draft : state.drafts) {
        m_drafts.insert(draft.conversationId, draft);
        m_conversations->setDraftReady(draft.conversationId, true);
    }
    m_commands = state.commands;
    for (const PendingCommand &command : std::as_const(m_commands))
        m_nextLocalId = qMin(m_nextLocalId, command.localMessageId - 1);
    m_unsent = state.unsentTexts;
    m_relay->setLastSeq(state.lastSeq);
    Q_EMIT conversationsLoaded();
    connectToRelay();
}

void ConsoleController::connectToRelay()
{
    if (!m_password.isEmpty()) {
        m_connectPending = false;
        m_relay->signInWithPassword(m_relayUrl, m_username, std::exchange(m_password, {}));
        return;
    }
    m_credentials->read(tokenKey(), this, [this](const std::optional<QString> &token) {
        m_connectPending = false;
        if (!token || token->isEmpty()) {
            Q_EMIT connectionChanged();
            Q_EMIT passwordRequired();
            return;
        }
        m_relay->signInWithToken(m_relayUrl, *token);
    });
}

void ConsoleController::handleWelcomed(const CurrentUser &user, const QString &newToken)
{
    if (!newToken.isEmpty()) {
        // Without a keychain the store keeps it in memory: this run only.
        m_credentials->write(tokenKey(), newToken, this, [](bool) {});
    }
    m_user = user;
    m_username = user.username;
    m_media->setSession(m_relayUrl, m_relay->sessionToken());
    m_conversations->setCurrentUsername(user.username);
    if (m_store)
        m_store->saveUser(user);
    rememberSession();
    Q_EMIT currentUserChanged();
    if (!m_signedIn) {
        m_signedIn = true;
        Q_EMIT signedIn();
    }
}

void ConsoleController::handleAuthenticationFailed(const QString &errorCode, int retryAfterSeconds,
                                                   bool withToken)
{
    m_signedIn = false;
    if (withToken) {
        m_credentials->remove(tokenKey());
        Q_EMIT passwordRequired();
        // The relay ended a live session (revoked, expired, disabled): say why.
        if (errorCode != QLatin1String("auth_failed") &&
            errorCode != QLatin1String("auth_throttled"))
            Q_EMIT signInFailed(errorCode, retryAfterSeconds);
        return;
    }
    Q_EMIT signInFailed(errorCode, retryAfterSeconds);
}

void ConsoleController::handleStatusChanged(const ConnectionStatus &status)
{
    if (status.state != ConnectionState::Online) {
        m_live = false;
        m_inFlight.clear();
        if (!m_historyRequests.isEmpty()) {
            m_historyRequests.clear();
            m_messages->cancelOlderPage(m_messages->conversationId());
        }
        if (!m_agentRequests.isEmpty()) {
            m_agentRequests.clear();
            Q_EMIT agentsListFailed(Unreachable);
        }
    } else {
        flushCommands();
        const qint64 current = m_messages->conversationId();
        if (current != 0) {
            m_messages->setReachedStart(false);
            requestHistory(current, 0);
        }
    }
    refreshPlaceholders();
    Q_EMIT connectionChanged();
}

// --- incoming state -------------------------------------------------------------------------

void ConsoleController::handleSnapshot(qint64 seq, const QJsonArray &conversations)
{
    ConversationList list;
    list.reserve(conversations.size());
    MessageList lastMessages;
    QSet<qint64> seen;
    for (const QJsonValue &value : conversations) {
        const QJsonObject json = value.toObject();
        Conversation conversation = Conversation::fromJson(json);
        if (const Conversation *previous = m_conversations->conversation(conversation.id))
            conversation.carryLocalState(*previous);
        if (conversation.lastMessage.id != 0)
            lastMessages.append(conversation.lastMessage);
        seen.insert(conversation.id);
        list.append(conversation);
    }
    m_conversations->resetConversations(list);
    const QList<qint64> draftIds = m_drafts.keys();
    for (const qint64 id : draftIds) {
        if (!seen.contains(id))
            showDraft(id, std::nullopt);
    }
    for (const QJsonValue &value : conversations) {
        const QJsonObject json = value.toObject();
        if (json.contains(key("draft")))
            applyDraft(json.value(key("id")).toInteger(), json.value(key("draft")));
    }
    if (m_store) {
        m_store->replaceConversations(list);
        m_store->saveMessages(lastMessages);
        m_store->saveLastSeq(seq);
    }
    const qint64 current = m_messages->conversationId();
    if (current != 0)
        m_messages->mergeMessages(lastMessages);
    m_live = true;
}

void ConsoleController::handleSubscribed(qint64 seq)
{
    if (m_store)
        m_store->saveLastSeq(seq);
    m_live = true;
}

void ConsoleController::handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                                    const QJsonObject &data)
{
    if (kind == QLatin1String("conversation.updated")) {
        applyConversation(Conversation::fromJson(data), data, m_live);
    } else if (kind == QLatin1String("message.created") ||
               kind == QLatin1String("message.updated")) {
        applyMessage(Message::fromJson(data));
    } else if (kind == QLatin1String("draft.updated")) {
        applyDraft(conversationId, data);
    }
    if (m_store && seq > 0)
        m_store->saveLastSeq(seq);
}

void ConsoleController::applyConversation(const Conversation &incoming, const QJsonObject &json,
                                          bool live)
{
    Conversation conversation = incoming;
    const Conversation *previous = m_conversations->conversation(conversation.id);
    const QString previousState = previous ? previous->state : QString();
    const QString previousAssignee = previous ? previous->assignee : QString();
    if (previous)
        conversation.carryLocalState(*previous);

    // An agent loses sight of a chat assigned to someone else (docs/protocol.md, Visibility).
    if (!conversation.assignee.isEmpty() &&
        conversation.assignee.compare(m_username, Qt::CaseInsensitive) != 0 &&
        !m_user.isSupervisor() && !m_user.role.isEmpty()) {
        m_conversations->removeConversation(conversation.id);
        showDraft(conversation.id, std::nullopt);
        if (m_store)
            m_store->removeConversation(conversation.id);
        return;
    }
    m_conversations->upsertConversation(conversation);
    if (m_store)
        m_store->saveConversation(conversation);
    if (json.contains(key("draft")))
        applyDraft(conversation.id, json.value(key("draft")));
    if (!live)
        return;
    const bool mineNow = conversation.assignee.compare(m_username, Qt::CaseInsensitive) == 0;
    const bool mineBefore = previousAssignee.compare(m_username, Qt::CaseInsensitive) == 0;
    const bool ownCommand =
        std::any_of(m_commands.cbegin(), m_commands.cend(),
                    [&](const PendingCommand &c) { return c.conversationId == conversation.id; });
    if (mineNow && !mineBefore && !ownCommand)
        Q_EMIT attentionRequested(conversation.id, AttentionReason::AssignedToMe);
    else if (conversation.state == QLatin1String("queued") &&
             previousState != QLatin1String("queued"))
        Q_EMIT attentionRequested(conversation.id, AttentionReason::HumanRequested);
}

void ConsoleController::applyMessage(const Message &message)
{
    if (m_store)
        m_store->saveMessage(message);
    if (const Conversation *existing = m_conversations->conversation(message.conversationId)) {
        Conversation conversation = *existing;
        conversation.applyMessage(message);
        m_conversations->upsertConversation(conversation);
        if (m_store)
            m_store->saveConversation(conversation);
    }
    m_messages->mergeMessages({message});
    if (message.status == QLatin1String("failed") && message.direction == QLatin1String("out"))
        Q_EMIT messageFailed(message.conversationId, message.id, message.errorCode,
                             message.errorTitle);
}

void ConsoleController::applyDraft(qint64 conversationId, const QJsonValue &json)
{
    std::optional<Draft> draft = draftFromJson(conversationId, json);
    if (draft && m_editedDraftIds.value(conversationId) == draft->id)
        return; // already moved into the composer
    if (!draft) {
        // A closed draft only hides the one shown if it is that draft (or says nothing).
        const qint64 closedId = json.toObject().value(key("id")).toInteger();
        const auto shown = m_drafts.constFind(conversationId);
        if (shown == m_drafts.constEnd() || (closedId != 0 && shown->id != closedId))
            return;
    }
    showDraft(conversationId, draft);
}

void ConsoleController::showDraft(qint64 conversationId, const std::optional<Draft> &draft)
{
    if (draft) {
        m_drafts.insert(conversationId, *draft);
        if (m_store)
            m_store->saveDraft(*draft);
    } else {
        if (!m_drafts.remove(conversationId))
            return;
        if (m_store)
            m_store->removeDraft(conversationId);
    }
    m_conversations->setDraftReady(conversationId, draft.has_value());
    Q_EMIT draftChanged(conversationId);
}

// --- commands -------------------------------------------------------------------------------

QString ConsoleController::issueCommand(const QString &name, qint64 conversationId,
                                        const QJsonObject &args, qint64 localMessageId)
{
    PendingCommand command;
    command.id = RelayClient::newCommandId();
    command.name = name;
    command.args = args;
    command.conversationId = conversationId;
    command.localMessageId = localMessageId;
    command.createdAt = QDateTime::currentMSecsSinceEpoch();
    m_commands.append(command);
    if (m_store)
        m_store->saveCommand(command);
    if (m_relay->sendCommand(command.id, name, args))
        m_inFlight.insert(command.id);
    return command.id;
}

void ConsoleController::flushCommands()
{
    for (const PendingCommand &command : std::as_const(m_commands)) {
        if (m_inFlight.contains(command.id))
            continue;
        if (!m_relay->sendCommand(command.id, command.name, command.args))
            return;
        m_inFlight.insert(command.id);
    }
}

void ConsoleController::handleResult(const QString &commandId, bool ok, const QJsonObject &data,
                                     const QString &errorCode)
{
    const auto history = m_historyRequests.constFind(commandId);
    if (history != m_historyRequests.constEnd()) {
        const HistoryRequest request = *history;
        m_historyRequests.erase(history);
        handleHistory(request, ok, data);
        return;
    }
    if (m_agentRequests.remove(commandId)) {
        handleAgents(ok, data, errorCode);
        return;
    }
    const auto it = std::find_if(m_commands.begin(), m_commands.end(),
                                 [&](const PendingCommand &c) { return c.id == commandId; });
    if (it == m_commands.end())
        return;
    const PendingCommand command = *it;
    m_commands.erase(it);
    m_inFlight.remove(commandId);
    if (m_store)
        m_store->removeCommand(commandId);
    if (command.localMessageId != 0)
        m_messages->removeMessage(command.localMessageId);
    if (ok) {
        // A result's "conversation" is the state when the command ran; a later command of the
        // same commit may have changed it since (e.g. approved the draft it still shows), and
        // every change arrives as an event anyway, in order. So only the message is taken.
        if (data.value(key("message")).isObject())
            applyMessage(Message::fromJson(data.value(key("message")).toObject()));
        return;
    }
    qCInfo(lcConsole) << "command" << command.name << "refused:" << errorCode;
    if (command.name == SendText && unsentText(command.conversationId).isEmpty()) {
        // Nothing typed is lost: a refused message goes back to its composer.
        setUnsentText(command.conversationId, command.args.value(key("text")).toString());
    }
    Q_EMIT commandFailed(command.conversationId, errorCode, {});
}

bool ConsoleController::commandOnCurrent(const QString &name, QJsonObject args)
{
    const qint64 current = currentConversationId();
    if (current == 0 || !m_store)
        return false;
    args.insert(key("conversation_id"), current);
    issueCommand(name, current, args);
    return true;
}

bool ConsoleController::queueSend(qint64 conversationId, const QString &text,
                                  const QString &replyTo, qint64 draftId)
{
    if (conversationId == 0 || !m_store || text.trimmed().isEmpty())
        return false;
    QJsonObject args{{key("conversation_id"), conversationId}, {key("text"), text}};
    if (!replyTo.isEmpty())
        args.insert(key("reply_to"), replyTo);
    if (draftId != 0)
        args.insert(key("draft_id"), draftId);
    const qint64 localId = m_nextLocalId--;
    issueCommand(SendText, conversationId, args, localId);
    if (conversationId == m_messages->conversationId())
        m_messages->mergeMessages({placeholderFor(m_commands.constLast())});
    return true;
}

Message ConsoleController::placeholderFor(const PendingCommand &command) const
{
    Message message;
    message.id = command.localMessageId;
    message.conversationId = command.conversationId;
    message.direction = QStringLiteral("out");
    message.type = QStringLiteral("text");
    message.text = command.args.value(key("text")).toString();
    message.replyTo = command.args.value(key("reply_to")).toString();
    message.sender = QStringLiteral("agent");
    message.senderName = m_user.displayName;
    message.timestamp = command.createdAt;
    message.commandId = command.id;
    message.status =
        m_relay->isOnline() ? QStringLiteral("pending") : QStringLiteral("queued-offline");
    return message;
}

void ConsoleController::refreshPlaceholders()
{
    const qint64 current = m_messages->conversationId();
    MessageList placeholders;
    for (const PendingCommand &command : std::as_const(m_commands)) {
        if (command.conversationId == current && command.localMessageId != 0)
            placeholders.append(placeholderFor(command));
    }
    m_messages->mergeMessages(placeholders);
}

bool ConsoleController::sendText(const QString &text, const QString &replyToWamid)
{
    const qint64 current = currentConversationId();
    const qint64 draftId = m_editedDraftIds.value(current);
    if (!queueSend(current, text, replyToWamid, draftId))
        return false;
    m_editedDraftIds.remove(current);
    setUnsentText(current, {});
    return true;
}

bool ConsoleController::approveDraft()
{
    const qint64 current = currentConversationId();
    const auto found = m_drafts.constFind(current);
    if (found == m_drafts.constEnd() || found->streaming)
        return false;
    const Draft approved = *found;
    if (!queueSend(current, approved.text, {}, approved.id))
        return false;
    showDraft(current, std::nullopt);
    return true;
}

QString ConsoleController::editDraft()
{
    const qint64 current = currentConversationId();
    const auto found = m_drafts.constFind(current);
    if (found == m_drafts.constEnd())
        return {};
    const Draft edited = *found;
    m_editedDraftIds.insert(current, edited.id);
    showDraft(current, std::nullopt);
    return edited.text;
}

bool ConsoleController::discardDraft()
{
    const qint64 current = currentConversationId();
    const auto found = m_drafts.constFind(current);
    if (found == m_drafts.constEnd())
        return false;
    const qint64 draftId = found->id;
    showDraft(current, std::nullopt);
    return commandOnCurrent(QStringLiteral("discard_draft"), {{key("draft_id"), draftId}});
}

bool ConsoleController::regenerateDraft()
{
    const qint64 current = currentConversationId();
    if (!commandOnCurrent(QStringLiteral("regenerate_draft")))
        return false;
    m_editedDraftIds.remove(current);
    showDraft(current, std::nullopt);
    return true;
}

bool ConsoleController::takeOver(Protocol::AiMode aiMode)
{
    return commandOnCurrent(QStringLiteral("take_over"),
                            {{key("ai_mode"), Protocol::aiModeName(aiMode)}});
}

bool ConsoleController::handBack()
{
    return commandOnCurrent(QStringLiteral("hand_back"));
}

bool ConsoleController::resolve()
{
    return commandOnCurrent(QStringLiteral("resolve"));
}

bool ConsoleController::setAiMode(Protocol::AiMode mode)
{
    return commandOnCurrent(QStringLiteral("set_ai_mode"),
                            {{key("mode"), Protocol::aiModeName(mode)}});
}

bool ConsoleController::assign(const QString &username)
{
    if (username.isEmpty())
        return false;
    return commandOnCurrent(QStringLiteral("assign"), {{key("username"), username}});
}

void ConsoleController::listAgents()
{
    const QString id = RelayClient::newCommandId();
    if (!m_relay->sendCommand(id, ListAgents, {})) {
        Q_EMIT agentsListFailed(Unreachable);
        return;
    }
    m_agentRequests.insert(id);
}

void ConsoleController::handleAgents(bool ok, const QJsonObject &data, const QString &errorCode)
{
    if (!ok) {
        Q_EMIT agentsListFailed(errorCode);
        return;
    }
    AgentList agents;
    const QJsonArray array = data.value(key("agents")).toArray();
    for (const QJsonValue &value : array)
        agents.append(AgentInfo::fromJson(value.toObject()));
    Q_EMIT agentsListed(agents);
}

bool ConsoleController::markRead()
{
    const qint64 current = currentConversationId();
    const Conversation *conversation = m_conversations->conversation(current);
    if (!conversation || conversation->unread == 0)
        return false;
    Conversation read = *conversation;
    read.unread = 0;
    m_conversations->upsertConversation(read);
    return commandOnCurrent(QStringLiteral("mark_read"));
}

bool ConsoleController::retryMedia(qint64 messageId)
{
    const Message *message = m_messages->message(messageId);
    if (!message || message->media.state != QLatin1String("failed"))
        return false;
    return commandOnCurrent(QStringLiteral("retry_media"), {{key("message_id"), messageId}});
}

// --- rich messages ----------------------------------------------------------------------------

bool ConsoleController::sendMedia(const QString &mediaKey, const QString &caption,
                                  const QString &filename, const QString &replyToWamid)
{
    if (mediaKey.isEmpty())
        return false;
    QJsonObject args{{key("media"), mediaKey}};
    if (!caption.trimmed().isEmpty())
        args.insert(key("caption"), caption.trimmed());
    if (!filename.isEmpty())
        args.insert(key("filename"), filename);
    if (!replyToWamid.isEmpty())
        args.insert(key("reply_to"), replyToWamid);
    return commandOnCurrent(QStringLiteral("send_media"), args);
}

bool ConsoleController::sendInteractive(const QJsonObject &interactive, const QString &replyToWamid,
                                        qint64 draftId)
{
    if (interactive.isEmpty())
        return false;
    QJsonObject args{{key("interactive"), interactive}};
    if (!replyToWamid.isEmpty())
        args.insert(key("reply_to"), replyToWamid);
    if (draftId != 0)
        args.insert(key("draft_id"), draftId);
    if (!commandOnCurrent(QStringLiteral("send_interactive"), args))
        return false;
    const qint64 current = currentConversationId();
    if (draftId != 0 && m_drafts.value(current).id == draftId)
        showDraft(current, std::nullopt);
    return true;
}

bool ConsoleController::sendTemplate(const QString &name, const QString &language,
                                     const QJsonObject &parameters)
{
    if (name.isEmpty() || language.isEmpty())
        return false;
    QJsonObject args{{key("name"), name}, {key("language"), language}};
    if (!parameters.isEmpty())
        args.insert(key("parameters"), parameters);
    return commandOnCurrent(QStringLiteral("send_template"), args);
}

bool ConsoleController::sendReaction(qint64 messageId, const QString &emoji)
{
    if (messageId <= 0)
        return false;
    return commandOnCurrent(QStringLiteral("send_reaction"),
                            {{key("message_id"), messageId}, {key("emoji"), emoji}});
}

bool ConsoleController::sendTyping()
{
    const qint64 current = currentConversationId();
    if (current == 0 || !windowOpen(current))
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto last = m_typingSentAt.constFind(current);
    if (last != m_typingSentAt.constEnd() && now - *last < m_options.typingIntervalMs)
        return false;
    if (!m_relay->sendCommand(RelayClient::newCommandId(), QStringLiteral("typing"),
                              {{key("conversation_id"), current}}))
        return false;
    m_typingSentAt.insert(current, now);
    return true;
}

bool ConsoleController::windowOpen(qint64 conversationId) const
{
    const Conversation *conversation = m_conversations->conversation(conversationId);
    return conversation && QDateTime::currentMSecsSinceEpoch() < conversation->windowClosesAt();
}

// --- the open conversation ------------------------------------------------------------------

ConversationFilterProxy *
ConsoleController::conversations(ConversationFilterProxy::Filter filter) const
{
    return m_proxies.value(int(filter));
}

qint64 ConsoleController::currentConversationId() const
{
    return m_messages->conversationId();
}

std::optional<Draft> ConsoleController::draft(qint64 conversationId) const
{
    const auto found = m_drafts.constFind(conversationId);
    if (found == m_drafts.constEnd())
        return std::nullopt;
    return *found;
}

void ConsoleController::openConversation(qint64 id)
{
    m_messages->setConversation(id);
    Q_EMIT conversationOpened(id);
    if (id == 0 || !m_store)
        return;
    // The cache's newest page shows at once; the relay's newest page follows when online.
    m_store->loadMessages(id, 0, MessageListModel::PageSize);
    refreshPlaceholders();
}

void ConsoleController::handleMessagesLoaded(qint64 conversationId, qint64 beforeId,
                                             const MessageList &messages)
{
    if (conversationId != m_messages->conversationId())
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

void ConsoleController::handleOlderPageRequested(qint64 conversationId, qint64 beforeId)
{
    // Online, pages come from the relay (and fill the cache), so gaps left in the cache by a
    // snapshot never hide history; offline, from the cache.
    if (m_relay->isOnline())
        requestHistory(conversationId, beforeId);
    else if (m_store && beforeId != 0)
        m_store->loadMessages(conversationId, beforeId, MessageListModel::PageSize);
    else
        m_messages->addOlderPage(conversationId, {}, true);
}

void ConsoleController::requestHistory(qint64 conversationId, qint64 beforeId)
{
    QJsonObject args{{key("conversation_id"), conversationId},
                     {key("limit"), MessageListModel::PageSize}};
    if (beforeId > 0)
        args.insert(key("before_id"), beforeId);
    const QString id = RelayClient::newCommandId();
    if (!m_relay->sendCommand(id, History, args)) {
        m_messages->cancelOlderPage(conversationId);
        return;
    }
    m_historyRequests.insert(id, {conversationId, beforeId});
}

void ConsoleController::handleHistory(const HistoryRequest &request, bool ok,
                                      const QJsonObject &data)
{
    if (!ok) {
        m_messages->cancelOlderPage(request.conversationId);
        return;
    }
    MessageList messages;
    const QJsonArray array = data.value(key("messages")).toArray();
    for (const QJsonValue &value : array)
        messages.append(Message::fromJson(value.toObject()));
    if (m_store)
        m_store->saveMessages(messages);
    if (request.conversationId != m_messages->conversationId())
        return;
    const bool reachedStart = messages.size() < MessageListModel::PageSize;
    if (request.beforeId == 0) {
        // A full newest page that does not reach the cached rows means the cache has a gap.
        if (!reachedStart)
            m_messages->removeOlderThan(messages.constFirst().id);
        m_messages->mergeMessages(messages);
        m_messages->setReachedStart(reachedStart);
        return;
    }
    m_messages->addOlderPage(request.conversationId, messages, reachedStart);
}

// --- composer text and navigation ------------------------------------------------------------

QString ConsoleController::unsentText(qint64 conversationId) const
{
    return m_unsent.value(conversationId);
}

void ConsoleController::setUnsentText(qint64 conversationId, const QString &text)
{
    if (m_unsent.value(conversationId) == text)
        return;
    if (text.isEmpty())
        m_unsent.remove(conversationId);
    else
        m_unsent.insert(conversationId, text);
    m_unsentDirty.insert(conversationId);
    m_unsentTimer.start();
}

void ConsoleController::flushUnsentTexts()
{
    m_unsentTimer.stop();
    if (!m_store)
        return;
    for (const qint64 id : std::as_const(m_unsentDirty))
        m_store->saveUnsentText(id, m_unsent.value(id));
    m_unsentDirty.clear();
}

qint64 ConsoleController::nextNeedingAttention(qint64 fromId, bool backwards) const
{
    QList<QPair<qint64, qint64>> candidates; // urgency, id
    for (int row = 0; row < m_conversations->rowCount(); ++row) {
        const QModelIndex index = m_conversations->index(row);
        if (!index.data(ConversationListModel::NeedsAttentionRole).toBool())
            continue;
        candidates.append({index.data(ConversationListModel::UrgencyRole).toLongLong(),
                           index.data(ConversationListModel::IdRole).toLongLong()});
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    const auto from = std::find_if(candidates.cbegin(), candidates.cend(),
                                   [fromId](const auto &c) { return c.second == fromId; });
    if (from == candidates.cend())
        return candidates.isEmpty()
                   ? 0
                   : (backwards ? candidates.constLast() : candidates.constFirst()).second;
    if (candidates.size() == 1)
        return 0;
    const int at = int(from - candidates.cbegin());
    const int n = int(candidates.size());
    return candidates.at((at + (backwards ? n - 1 : 1)) % n).second;
}

int ConsoleController::unreadTotal() const
{
    return m_conversations->unreadTotal();
}

} // namespace Serambi::App
