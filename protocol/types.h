#pragma once

#include <QString>

namespace Serambi::Protocol {

// Who may do what; checked by the relay on every command.
enum class Role { Agent, Supervisor, Admin };

// A conversation's place in the handoff flow (design.md, "Conversations").
enum class ConversationState { Bot, Queued, Assigned, Resolved };

// How the AI takes part in a conversation.
enum class AiMode { Auto, Draft, Off };

// Delivery state of a message. Outbound messages move pending -> accepted -> sent ->
// delivered -> read -> played and never move back; failed carries Meta's error.
// Inbound messages are "received".
enum class MessageStatus { Received, Pending, Accepted, Sent, Delivered, Read, Played, Failed };

QString roleName(Role role);
bool roleFromName(const QString &name, Role *role);

QString conversationStateName(ConversationState state);
bool conversationStateFromName(const QString &name, ConversationState *state);

QString aiModeName(AiMode mode);
bool aiModeFromName(const QString &name, AiMode *mode);

QString messageStatusName(MessageStatus status);
bool messageStatusFromName(const QString &name, MessageStatus *status);

// Ordering rank used to refuse regressions (failed ranks with sent).
int messageStatusRank(MessageStatus status);

} // namespace Serambi::Protocol
