#pragma once

#include "contact.h"
#include "draftrepo.h"
#include "mediarepo.h"
#include "writetxn.h"

#include "protocol/payloads.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Serambi::Relay {

struct Message
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString wamid;
    Protocol::Direction direction = Protocol::Direction::In;
    QString type;        // WhatsApp message type
    QString text;        // body, caption or other readable text
    QJsonObject payload; // raw inbound object, or the Graph API request body for outbound
    QString status;      // Protocol::MessageStatus name
    int errorCode = 0;
    QString errorTitle;
    QString errorDetails;
    QString replyTo;    // wamid quoted or reacted to
    QString senderKind; // "customer" | "agent" | "ai"
    qint64 senderId = 0;
    QString senderName;
    qint64 timestamp = 0; // ms since epoch: Meta's time for inbound, creation for outbound
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 editedAt = 0;  // ms: Meta's time of the customer's latest edit; 0 if never edited
    qint64 revokedAt = 0; // ms: Meta's time of the customer's revoke; 0 if not revoked
    std::optional<MessageMedia> media; // media types; insertMessage stores it too

    bool isInbound() const { return direction == Protocol::Direction::In; }
    Protocol::MessagePayload toPayload() const;
    QJsonObject toJson() const { return toPayload().toJson(); }
};

struct Conversation
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString phoneNumberId;
    QString channel; // the channel it came through (relay.ini [channel.<name>], "main")
    Contact contact;
    Protocol::ConversationState state = Protocol::ConversationState::Bot;
    Protocol::AiMode aiMode = Protocol::AiMode::Draft;
    qint64 assigneeId = 0;
    QString assigneeName;
    QString handoffReason;
    qint64 teamId = 0; // the team whose queue it is in; 0 = none
    QString teamName;
    qint64 lastInboundAt = 0;
    qint64 lastMessageAt = 0;
    qint64 lastMessageId = 0;
    int unread = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<Message> lastMessage;
    std::optional<Draft> draft; // the pending AI draft, if any
    QList<qint64> labelIds;     // ascending
    int csatScore = 0;          // the customer's latest rating (1 to 5); 0: none
    qint64 csatRatedAt = 0;     // when they gave it, ms since epoch

    QString stateName() const { return Protocol::conversationStateName(state); }
    Protocol::ConversationPayload toPayload() const;
    QJsonObject toJson() const { return toPayload().toJson(); }
};

namespace ConversationRepo {

// Finds the conversation of (phoneNumberId, contact), creating contact and conversation (state
// bot, AI mode defaultAiMode, on channel) when new; refreshes the contact's profile fields.
// Each channel has its own business number, so a customer writing to two channels has two
// conversations.
std::optional<Conversation> findOrCreate(WriteTxn &txn, const QString &channel,
                                         const QString &phoneNumberId, const Contact &contact,
                                         Protocol::AiMode defaultAiMode, bool *created = nullptr);
// The channel of a conversation, and of the conversation a message belongs to; empty when
// there is no such row.
QString channelOf(QSqlDatabase &db, qint64 conversationId);
QString channelOfMessage(QSqlDatabase &db, qint64 messageId);

std::optional<Conversation> load(QSqlDatabase &db, qint64 id);
std::optional<Message> loadMessage(QSqlDatabase &db, qint64 id);
std::optional<Message> messageByWamid(QSqlDatabase &db, const QString &wamid);

// Inserts message (sets its id). Returns false when its wamid is already stored.
bool insertMessage(WriteTxn &txn, Message &message);
bool updateMessage(WriteTxn &txn, const Message &message);
// Writes what an edit changes: type, text, payload and editedAt.
bool updateEditedMessage(WriteTxn &txn, const Message &message);
// Revokes message: keeps its text and payload in retained_content (never served), leaves
// consoles a payload of only its identity, and drops its media link. Updates message.
bool revokeMessage(WriteTxn &txn, Message &message, qint64 revokedAt);
// Writes the conversation's mutable columns and stamps updatedAt.
bool update(WriteTxn &txn, Conversation &conversation);

// Appends conversation.updated / message.created / message.updated events.
Event publishConversation(WriteTxn &txn, const Conversation &conversation);
Event publishMessage(WriteTxn &txn, const Conversation &conversation, const Message &message,
                     EventKind kind);

// Messages of a conversation older than beforeId (0 = newest), newest last.
QList<Message> history(QSqlDatabase &db, qint64 conversationId, qint64 beforeId, int limit);
// The texts of the customer's messages among the `limit` messages before beforeId that were
// written at or after sinceMs, oldest first: what the handoff detector reads (one light query,
// no message objects).
QStringList recentCustomerTexts(QSqlDatabase &db, qint64 conversationId, qint64 beforeId, int limit,
                                qint64 sinceMs);

// Every conversation, most recently active first (for snapshots).
QList<Conversation> all(QSqlDatabase &db);

} // namespace ConversationRepo
} // namespace Serambi::Relay
