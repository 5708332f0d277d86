#pragma once

#include "conversation.h"
#include "draft.h"
#include "message.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>

#include <optional>

namespace Serambi::App {

class ConversationListModel;
class RelayClient;
class Session;
struct CachedState;

// The conversations the agent may see and their AI drafts, kept in step with the relay
// (snapshot, conversation/message/draft events) and written through to the session's cache.
// It applies the relay's visibility rule: an agent loses sight of a chat assigned to someone
// else (docs/protocol.md, Visibility).
class Inbox : public QObject
{
    Q_OBJECT

public:
    Inbox(RelayClient *relay, Session *session, QObject *parent = nullptr);

    ConversationListModel *list() const { return m_list; }
    const Conversation *conversation(qint64 id) const;

    // The draft shown for a conversation, if any.
    std::optional<Draft> draft(qint64 conversationId) const;
    // Takes the draft off the panel (and out of the cache): approved, sent as choices,
    // discarded or regenerated.
    void dropDraft(qint64 conversationId);
    // The draft moved into the composer: it leaves the panel, does not come back with its
    // next update, and editedDraftId() names it until the next send records it as used.
    void markDraftEdited(qint64 conversationId, qint64 draftId);
    qint64 editedDraftId(qint64 conversationId) const
    {
        return m_editedDraftIds.value(conversationId);
    }
    void forgetEditedDraft(qint64 conversationId) { m_editedDraftIds.remove(conversationId); }

    // A message the relay confirmed (an event, or the result of a send).
    void applyMessage(const Message &message);
    // The agent read the chat: the unread count goes to zero at once.
    void markRead(qint64 conversationId);

Q_SIGNALS:
    // The cache (or the first snapshot) filled the list.
    void conversationsLoaded();
    void draftChanged(qint64 conversationId);
    // Messages the relay confirmed or the snapshot brought: the open chat merges its own.
    void messagesArrived(const Serambi::App::MessageList &messages);
    void messageFailed(qint64 conversationId, qint64 messageId, int metaCode,
                       const QString &metaTitle);
    // A conversation changed while live (not during the replay of missed events); previous
    // is null for one new to the console.
    void conversationChanged(const Serambi::App::Conversation *previous,
                             const Serambi::App::Conversation &current);

private:
    void load(const CachedState &state);
    void clear();
    void handleSnapshot(qint64 seq, const QJsonArray &conversations);
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void applyConversation(const Conversation &incoming, const QJsonObject &json);
    // A chat's labels changed (conversation.labeled), or a label was deleted (label.deleted).
    void applyLabels(qint64 conversationId, const QList<qint64> &labelIds);
    void dropLabel(qint64 labelId);
    void applyDraft(qint64 conversationId, const QJsonValue &json);
    void showDraft(qint64 conversationId, const std::optional<Draft> &draft);

    Session *m_session;
    ConversationListModel *m_list;
    QHash<qint64, Draft> m_drafts;
    QHash<qint64, qint64> m_editedDraftIds; // conversation -> draft moved into the composer
    bool m_live = false;                    // past the replay: events are news worth a notification
};

} // namespace Serambi::App
