#pragma once

#include "commandrunner.h"
#include "store/conversationrepo.h"

#include <optional>

namespace Serambi::Relay {

// The conversation named by the arguments, if it exists (not_found) and the caller may see it
// (forbidden).
std::optional<Conversation> visibleConversation(CommandContext &context, CommandReply *refusal);

// Who may manage a conversation.
enum class Manage {
    AssigneeOrSupervisor, // its assignee or a supervisor/admin
    AnswerIfUnassigned,   // as above, and anyone who sees it while it is unassigned
};

// visibleConversation, then refuses (forbidden) a caller who may not manage it.
std::optional<Conversation> managedConversation(CommandContext &context, Manage who,
                                                CommandReply *refusal);

// Makes user the conversation's owner (state assigned) with aiMode and clears the handoff
// reason; false when nothing changed.
bool assignTo(Conversation &conversation, const User &user, Protocol::AiMode aiMode);

// The AI mode a chat gets when a person takes it: auto becomes draft, draft and off stay.
Protocol::AiMode humanAiMode(const Conversation &conversation);

// Stores the conversation and tells the consoles, unless nothing changed; answers with it.
CommandReply commitConversation(CommandContext &context, Conversation &conversation, bool changed);

} // namespace Serambi::Relay
