#pragma once

#include "commandrunner.h"
#include "store/conversationrepo.h"

#include <optional>

namespace Serambi::Relay {

// What every send command (send_text, send_media, …) shares: who may send, the window, the
// take-over, the message's sender and the events.

// Reads the optional reply_to argument (a wamid; empty when absent).
bool readReplyTo(const QJsonObject &args, QString *replyTo, CommandReply *refusal);

enum class Window { MustBeOpen, Any };

// The conversation named by the arguments when the caller may send to it: its assignee, a
// supervisor/admin, or anyone who sees it while it is unassigned (forbidden otherwise), and
// with Window::MustBeOpen only within 24 h of the customer's last message (window_closed).
std::optional<Conversation> sendableConversation(CommandContext &context, Window window,
                                                 CommandReply *refusal);

// A person answering an unassigned chat takes it over (AI mode draft); the assignee answering
// their own resolved chat reopens it.
void claimForAnswer(CommandContext &context, Conversation &conversation);

// A message from the caller of the given type and readable text, stamped with the hub's clock.
Message agentMessage(const CommandContext &context, const QString &type, const QString &text,
                     const QString &replyTo);

// After queueOutbound: stores the conversation (answering implies reading: unread 0), publishes
// message.created then conversation.updated and answers {"message"}.
CommandReply publishSent(CommandContext &context, Conversation &conversation,
                         const Message &message);

} // namespace Serambi::Relay
