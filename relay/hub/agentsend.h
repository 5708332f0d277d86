#pragma once

#include "commandrunner.h"
#include "store/conversationrepo.h"

#include <optional>

namespace Serambi::Relay {

// What an agent's send command queues.
struct Outbound
{
    QString type;        // the WhatsApp message type
    QString text;        // what a chat list shows
    QJsonObject content; // the Graph body without messaging_product, recipient_type, to/recipient
    QString replyTo;     // the wamid quoted or reacted to
};

// The conversation an agent may answer, with the pending draft the send approves (when the
// command takes a draft_id).
struct Answer
{
    Conversation conversation;
    std::optional<Draft> draft;
};

// The conversation of conversation_id if the caller may see it (not_found, forbidden), the
// draft named by draft_id when withDraft (not_found, conflict), and whether the caller may
// answer it: its assignee, a supervisor/admin, or anyone while it is unassigned (forbidden).
std::optional<Answer> answerableConversation(CommandContext &context, bool withDraft,
                                             CommandReply *refusal);

// True while the customer-service window is open (the last inbound message is younger than
// the window).
bool windowOpen(const Conversation &conversation, qint64 nowMs, qint64 windowMs);

// The optional reply_to argument: a wamid, or empty when absent; nullopt with *refusal when
// malformed.
std::optional<QString> replyToArgument(const QJsonObject &args, CommandReply *refusal);

// Stores the outbound message (pending, sender the agent), queues its Graph request, approves
// the draft, takes an unassigned conversation over (or reopens the caller's resolved one),
// zeroes unread and publishes message.created and conversation.updated. {"message": ...}.
CommandReply queueOutbound(CommandContext &context, Answer &answer, const Outbound &outbound);

} // namespace Serambi::Relay
