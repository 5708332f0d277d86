#include "conversationaccess.h"

#include "auth/visibility.h"
#include "protocol/keys.h"
#include "protocol/types.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

std::optional<Conversation> visibleConversation(CommandContext &context, CommandReply *refusal)
{
    const auto id = requireId(context.args, Key::ConversationId, refusal);
    if (!id)
        return std::nullopt;
    auto conversation = ConversationRepo::load(context.txn.db(), *id);
    if (!conversation) {
        *refusal = CommandReply::refusal(ErrorCode::NotFound);
        return std::nullopt;
    }
    if (!canSeeConversation(context.user, conversation->assigneeId)) {
        *refusal = CommandReply::refusal(ErrorCode::Forbidden);
        return std::nullopt;
    }
    return conversation;
}

std::optional<Conversation> managedConversation(CommandContext &context, Manage who,
                                                CommandReply *refusal)
{
    auto conversation = visibleConversation(context, refusal);
    if (!conversation)
        return std::nullopt;
    const bool openToAll = who == Manage::AnswerIfUnassigned && conversation->assigneeId == 0;
    if (!openToAll && !canManageConversation(context.user, conversation->assigneeId)) {
        *refusal = CommandReply::refusal(ErrorCode::Forbidden);
        return std::nullopt;
    }
    return conversation;
}

bool assignTo(Conversation &conversation, const User &user, Protocol::AiMode aiMode)
{
    const Conversation before = conversation;
    conversation.assigneeId = user.id;
    conversation.state = Protocol::ConversationState::Assigned;
    conversation.aiMode = aiMode;
    // A person owns the chat now: why it waited for one no longer applies.
    conversation.handoffReason.clear();
    return before.assigneeId != conversation.assigneeId || before.state != conversation.state ||
           before.aiMode != conversation.aiMode || !before.handoffReason.isEmpty();
}

Protocol::AiMode humanAiMode(const Conversation &conversation)
{
    return conversation.aiMode == Protocol::AiMode::Auto ? Protocol::AiMode::Draft
                                                         : conversation.aiMode;
}

CommandReply commitConversation(CommandContext &context, Conversation &conversation, bool changed)
{
    if (changed) {
        if (!ConversationRepo::update(context.txn, conversation))
            return CommandReply::refusal(ErrorCode::Internal);
        ConversationRepo::publishConversation(context.txn, conversation);
    }
    return CommandReply::success({{Key::Conversation, conversation.toJson()}});
}

} // namespace Serambi::Relay
