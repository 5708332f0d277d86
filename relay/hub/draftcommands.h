#pragma once

#include "commandrunner.h"
#include "store/conversationrepo.h"

#include <optional>

namespace Serambi::Relay {

// send_text's optional "draft_id": the pending draft of this conversation the agent approves.
// Returns an empty optional<Draft> inside (no draft_id) or the draft; nullopt with *refusal
// (invalid_argument, not_found, conflict when no longer pending) otherwise.
std::optional<std::optional<Draft>>
draftToApprove(CommandContext &context, const Conversation &conversation, CommandReply *refusal);

// Sends message with content as the caller's answer to conversation: claims the conversation
// (claimForAnswer), queues the message, approves draft when there is one (approveDraft, shared
// with the AI's auto send) and publishes the events; answers {"message"}. Shared by every send
// command.
CommandReply queueAnswer(CommandContext &context, Conversation &conversation,
                         const std::optional<Draft> &draft, Message &message,
                         const QJsonObject &content);

// discard_draft {conversation_id, draft_id}: the agent throws the pending draft away.
CommandReply discardDraft(CommandContext &context);
// regenerate_draft {conversation_id}: asks the drafter again for the latest customer message.
CommandReply regenerateDraft(CommandContext &context);

} // namespace Serambi::Relay
