#pragma once

#include "conversation.h"
#include "labels.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace Serambi::App {

// Every conversation the signed-in user may see, one row each, in no particular order (the
// filter proxies sort). Rows hold data only; the delegate decides how they look.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // qint64
        NameRole,                  // profile name, else the number
        PhoneRole,                 // "+62…", else username or BSUID
        PreviewRole,               // last message text
        PreviewTypeRole,           // WhatsApp type of the last message
        PreviewDirectionRole,      // "in" / "out"
        PreviewMessageRole,        // App::Message: the last message, for a summary of its kind
        LastMessageAtRole,         // QDateTime
        UnreadRole,                // int
        StateRole,                 // "bot" / "queued" / "assigned" / "resolved"
        AssigneeRole,              // username or empty
        IsMineRole,                // bool: assigned to the signed-in user
        AiModeRole,                // "auto" / "draft" / "off"
        HandoffReasonRole,         // the relay's reason code, may be empty
        DraftReadyRole,            // bool: an AI draft waits for approval
        WaitingSinceRole,          // QDateTime of the oldest unanswered customer message
        WindowClosesAtRole,        // QDateTime: last inbound + 24 h; invalid without inbound
        NeedsAttentionRole,        // bool: the user should act on it
        UrgencyRole,               // qint64, larger is more urgent
        SearchTextRole,            // lowercased name + number + recent text
        LabelIdsRole,              // QList<qint64>: the chat's label ids
        LabelsRole,                // QVariantList of {"name", "color"}: its labels, by name
        TeamRole,                  // the team whose queue it is in; empty for none
        ChannelRole,               // the relay channel it came through
    };
    Q_ENUM(Roles)

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The signed-in user, for IsMineRole and NeedsAttentionRole.
    void setCurrentUsername(const QString &username);
    // Replaces every row (a snapshot, or the cache at start-up).
    void resetConversations(const ConversationList &conversations);
    // Adds or updates one conversation.
    void upsertConversation(const Conversation &conversation);
    void removeConversation(qint64 id);
    void setDraftReady(qint64 id, bool ready);
    // The team's labels, for LabelsRole.
    void setLabels(const LabelList &labels);
    // Sets a chat's label ids; false when it is not in the list.
    bool setConversationLabels(qint64 id, const QList<qint64> &labelIds);
    // Takes a deleted label off every chat; the chats that had it, as they are now.
    ConversationList dropLabel(qint64 labelId);

    // nullptr when the conversation is not in the list.
    const Conversation *conversation(qint64 id) const;
    int rowOf(qint64 id) const;
    // The conversation with the customer whose WhatsApp number is waId; 0 when none.
    qint64 idOfCustomer(const QString &waId) const;
    int unreadTotal() const;
    bool needsAttention(qint64 id) const;

Q_SIGNALS:
    void unreadTotalChanged(int total);

private:
    bool needsAttention(const Conversation &conversation) const;
    qint64 urgency(const Conversation &conversation) const;
    void rebuildIndex();
    void setUnreadTotal(int total);

    QList<Conversation> m_rows;
    QHash<qint64, int> m_rowById;
    QSet<qint64> m_draftReady;
    LabelList m_labels;
    QString m_username;
    int m_unreadTotal = 0;
};

} // namespace Serambi::App
