#pragma once

#include "message.h"
#include "protocol/payloads.h"
#include "protocol/whatsapp.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Serambi::App {

// A conversation as in a snapshot or a conversation.updated event, plus what the console
// derives locally: since when the customer waits for an answer and some recent text to search.
struct Conversation
{
    qint64 id = 0;
    QString phoneNumberId;
    QString waId;     // phone number without "+", may be empty (BSUID-only contacts)
    QString userId;   // business-scoped user id
    QString name;     // profile name
    QString username; // WhatsApp username
    Protocol::ConversationState state = Protocol::ConversationState::Bot;
    Protocol::AiMode aiMode = Protocol::AiMode::Draft;
    QString assignee; // username or empty
    QString handoffReason;
    qint64 lastInboundAt = 0; // ms since epoch, 0 for none
    qint64 lastMessageAt = 0;
    int unread = 0;
    Message lastMessage;     // id 0 when there is none
    qint64 waitingSince = 0; // oldest unanswered inbound message, ms; 0 when answered
    QString recentText;      // lowercased texts of the latest messages, for search
    QList<qint64> labelIds;  // the relay's label ids, ascending
    QString team;            // the team whose queue it is in; empty for none
    QString channel;         // the relay channel it came through ("main": the first number)
    int csatScore = 0;       // the customer's latest rating of the chat, 1 to 5; 0: none

    // The relay's conversation object; the local fields start from its last message.
    static Conversation fromPayload(const Protocol::ConversationPayload &payload);
    static Conversation fromJson(const QJsonObject &json)
    {
        return fromPayload(Protocol::ConversationPayload::fromJson(json));
    }

    // Keeps the local fields of previous (same id) and updates them for the relay's new state.
    void carryLocalState(const Conversation &previous);
    // Updates last message, waiting time and search text for a message of this conversation.
    void applyMessage(const Message &message);

    bool isResolved() const { return state == Protocol::ConversationState::Resolved; }
    bool isQueued() const { return state == Protocol::ConversationState::Queued; }
    QString stateName() const { return Protocol::conversationStateName(state); }
    QString aiModeName() const { return Protocol::aiModeName(aiMode); }
    QString displayName() const; // profile name, else the number
    // When the 24-hour customer-service window closes (ms since epoch); 0 when the customer
    // never wrote. Free-form messages are allowed only before it.
    qint64 windowClosesAt() const
    {
        return lastInboundAt > 0 ? lastInboundAt + Protocol::WhatsApp::ServiceWindowMs : 0;
    }
    QString displayHandle() const; // "+62…", else username, else BSUID
};

using ConversationList = QList<Conversation>;

} // namespace Serambi::App
