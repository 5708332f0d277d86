#include "inbox.h"

#include "conversationlistmodel.h"
#include "localstore.h"
#include "relayclient.h"
#include "session.h"

#include "protocol/events.h"
#include "protocol/keys.h"
#include "protocol/labelpayloads.h"

#include <QSet>

namespace Serambi::App {

namespace Key = Protocol::Key;

Inbox::Inbox(RelayClient *relay, Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_list(new ConversationListModel(this))
{
    connect(relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state != ConnectionState::Online)
            m_live = false;
    });
    connect(relay, &RelayClient::snapshotReceived, this, &Inbox::handleSnapshot);
    connect(relay, &RelayClient::subscribed, this, [this] { m_live = true; });
    connect(relay, &RelayClient::eventReceived, this, &Inbox::handleEvent);
    connect(session, &Session::cacheLoaded, this, &Inbox::load);
    connect(session, &Session::cacheClosing, this, &Inbox::clear);
    connect(session, &Session::currentUserChanged, this,
            [this] { m_list->setCurrentUsername(m_session->username()); });
}

const Conversation *Inbox::conversation(qint64 id) const
{
    return m_list->conversation(id);
}

std::optional<Draft> Inbox::draft(qint64 conversationId) const
{
    const auto found = m_drafts.constFind(conversationId);
    if (found == m_drafts.constEnd())
        return std::nullopt;
    return *found;
}

void Inbox::dropDraft(qint64 conversationId)
{
    showDraft(conversationId, std::nullopt);
}

void Inbox::markDraftEdited(qint64 conversationId, qint64 draftId)
{
    m_editedDraftIds.insert(conversationId, draftId);
    showDraft(conversationId, std::nullopt);
}

void Inbox::load(const CachedState &state)
{
    m_list->setCurrentUsername(m_session->username());
    m_list->resetConversations(state.conversations);
    m_drafts.clear();
    for (const Draft &draft : state.drafts) {
        m_drafts.insert(draft.conversationId, draft);
        m_list->setDraftReady(draft.conversationId, true);
    }
    Q_EMIT conversationsLoaded();
}

void Inbox::clear()
{
    m_list->resetConversations({});
    m_drafts.clear();
    m_editedDraftIds.clear();
}

void Inbox::handleSnapshot(qint64, const QJsonArray &conversations)
{
    ConversationList list;
    list.reserve(conversations.size());
    MessageList lastMessages;
    QSet<qint64> seen;
    for (const QJsonValue &value : conversations) {
        Conversation conversation = Conversation::fromJson(value.toObject());
        if (const Conversation *previous = m_list->conversation(conversation.id))
            conversation.carryLocalState(*previous);
        if (conversation.lastMessage.id != 0)
            lastMessages.append(conversation.lastMessage);
        seen.insert(conversation.id);
        list.append(conversation);
    }
    m_list->resetConversations(list);
    const QList<qint64> draftIds = m_drafts.keys();
    for (const qint64 id : draftIds) {
        if (!seen.contains(id))
            showDraft(id, std::nullopt);
    }
    for (const QJsonValue &value : conversations) {
        const QJsonObject json = value.toObject();
        if (json.contains(Key::Draft))
            applyDraft(json.value(Key::Id).toInteger(), json.value(Key::Draft));
    }
    if (LocalStore *store = m_session->store()) {
        store->replaceConversations(list);
        store->saveMessages(lastMessages);
    }
    Q_EMIT messagesArrived(lastMessages);
    m_live = true;
}

void Inbox::handleEvent(qint64, const QString &kind, qint64 conversationId, const QJsonObject &data)
{
    const std::optional<Protocol::EventKind> known = Protocol::eventKindFromName(kind);
    if (!known)
        return; // a newer relay's kind
    switch (*known) {
    case Protocol::EventKind::ConversationUpdated:
        applyConversation(Conversation::fromJson(data), data);
        return;
    case Protocol::EventKind::MessageCreated:
    case Protocol::EventKind::MessageUpdated:
        applyMessage(Message::fromJson(data));
        return;
    case Protocol::EventKind::DraftUpdated:
        applyDraft(conversationId, data);
        return;
    case Protocol::EventKind::TemplatesUpdated:
    case Protocol::EventKind::CannedUpdated:
    case Protocol::EventKind::CannedDeleted:
    case Protocol::EventKind::KbUpdated:
        return; // team-wide: MessageTemplates, CannedResponses, KnowledgeBaseEditor keep those
    case Protocol::EventKind::NoteCreated:
    case Protocol::EventKind::MentionCreated:
        return; // Notes keeps those
    case Protocol::EventKind::LabelUpdated:
        return; // Labels keeps the team's list
    case Protocol::EventKind::LabelDeleted:
        dropLabel(Protocol::LabelChangePayload::fromJson(data).label.id);
        return;
    case Protocol::EventKind::ConversationLabeled:
        applyLabels(conversationId, Protocol::ConversationLabelsPayload::fromJson(data).labels);
        return;
    case Protocol::EventKind::PresenceChanged:
        return; // Presence keeps those
    case Protocol::EventKind::OrderUpdated:
        return; // CustomerOrders keeps those
    }
}

void Inbox::applyLabels(qint64 conversationId, const QList<qint64> &labelIds)
{
    if (!m_list->setConversationLabels(conversationId, labelIds))
        return;
    if (LocalStore *store = m_session->store())
        store->saveConversation(*m_list->conversation(conversationId));
}

void Inbox::dropLabel(qint64 labelId)
{
    const ConversationList changed = m_list->dropLabel(labelId);
    if (LocalStore *store = m_session->store()) {
        for (const Conversation &conversation : changed)
            store->saveConversation(conversation);
    }
}

void Inbox::applyConversation(const Conversation &incoming, const QJsonObject &json)
{
    Conversation conversation = incoming;
    const Conversation *found = m_list->conversation(conversation.id);
    const std::optional<Conversation> previous =
        found ? std::optional<Conversation>(*found) : std::nullopt;
    if (previous)
        conversation.carryLocalState(*previous);

    const CurrentUser user = m_session->currentUser();
    LocalStore *store = m_session->store();
    if (!conversation.assignee.isEmpty() &&
        conversation.assignee.compare(m_session->username(), Qt::CaseInsensitive) != 0 &&
        !user.isSupervisor() && !user.role.isEmpty()) {
        m_list->removeConversation(conversation.id);
        showDraft(conversation.id, std::nullopt);
        if (store)
            store->removeConversation(conversation.id);
        return;
    }
    m_list->upsertConversation(conversation);
    if (store)
        store->saveConversation(conversation);
    if (json.contains(Key::Draft))
        applyDraft(conversation.id, json.value(Key::Draft));
    if (m_live)
        Q_EMIT conversationChanged(previous ? &*previous : nullptr, conversation);
}

void Inbox::applyMessage(const Message &message)
{
    LocalStore *store = m_session->store();
    if (store)
        store->saveMessage(message);
    if (const Conversation *existing = m_list->conversation(message.conversationId)) {
        Conversation conversation = *existing;
        conversation.applyMessage(message);
        m_list->upsertConversation(conversation);
        if (store)
            store->saveConversation(conversation);
    }
    Q_EMIT messagesArrived({message});
    if (message.status == QLatin1String("failed") && !message.isInbound())
        Q_EMIT messageFailed(message.conversationId, message.id, message.errorCode,
                             message.errorTitle);
}

void Inbox::markRead(qint64 conversationId)
{
    const Conversation *conversation = m_list->conversation(conversationId);
    if (!conversation)
        return;
    Conversation read = *conversation;
    read.unread = 0;
    m_list->upsertConversation(read);
}

void Inbox::applyDraft(qint64 conversationId, const QJsonValue &json)
{
    std::optional<Draft> draft = draftFromJson(conversationId, json);
    if (draft && m_editedDraftIds.value(conversationId) == draft->id)
        return; // already moved into the composer
    if (!draft) {
        // A closed draft only hides the one shown if it is that draft (or says nothing).
        const qint64 closedId = json.toObject().value(Key::Id).toInteger();
        const auto shown = m_drafts.constFind(conversationId);
        if (shown == m_drafts.constEnd() || (closedId != 0 && shown->id != closedId))
            return;
    }
    showDraft(conversationId, draft);
}

void Inbox::showDraft(qint64 conversationId, const std::optional<Draft> &draft)
{
    LocalStore *store = m_session->store();
    if (draft) {
        m_drafts.insert(conversationId, *draft);
        if (store)
            store->saveDraft(*draft);
    } else {
        if (!m_drafts.remove(conversationId))
            return;
        if (store)
            store->removeDraft(conversationId);
    }
    m_list->setDraftReady(conversationId, draft.has_value());
    Q_EMIT draftChanged(conversationId);
}

} // namespace Serambi::App
