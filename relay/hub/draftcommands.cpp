#include "draftcommands.h"

#include "ai/kbsuggestions.h"
#include "conversationaccess.h"
#include "outbound/draftapproval.h"
#include "outboundsend.h"
#include "store/outbound.h"

#include "protocol/keys.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;

// The pending draft named by draft_id in conversation.
std::optional<Draft> pendingDraft(CommandContext &context, const Conversation &conversation,
                                  CommandReply *refusal)
{
    const auto id = requireId(context.args, Key::DraftId, refusal);
    if (!id)
        return std::nullopt;
    auto draft = DraftRepo::load(context.txn.db(), *id);
    if (!draft || draft->conversationId != conversation.id) {
        *refusal = CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such draft"));
        return std::nullopt;
    }
    if (draft->state != Protocol::DraftState::Pending) {
        *refusal = CommandReply::refusal(ErrorCode::Conflict,
                                         QStringLiteral("the draft is no longer pending"));
        return std::nullopt;
    }
    return draft;
}

} // namespace

std::optional<std::optional<Draft>>
draftToApprove(CommandContext &context, const Conversation &conversation, CommandReply *refusal)
{
    if (isAbsent(context.args, Key::DraftId))
        return std::optional<Draft>();
    auto draft = pendingDraft(context, conversation, refusal);
    if (!draft)
        return std::nullopt;
    return draft;
}

CommandReply queueAnswer(CommandContext &context, Conversation &conversation,
                         const std::optional<Draft> &draft, Message &message,
                         const QJsonObject &content)
{
    claimForAnswer(context, conversation);
    if (!queueOutbound(context.txn, conversation, message, content))
        return CommandReply::refusal(ErrorCode::Internal);
    // Where the AI could not answer, or its draft was rewritten, the answer becomes a
    // knowledge-base suggestion (docs/ai.md, "Suggestions").
    if (message.type == QLatin1String("text") && !message.text.isEmpty() &&
        !KbSuggestions::recordAnswer(context.txn, conversation.id, message.text,
                                     draft ? std::optional<QString>(draft->text) : std::nullopt))
        return CommandReply::refusal(ErrorCode::Internal);
    if (draft) {
        Draft approved = *draft;
        if (!approveDraft(context.txn, conversation, approved))
            return CommandReply::refusal(ErrorCode::Internal);
    }
    if (draft)
        conversation.draft.reset(); // approved: no longer pending
    return publishSent(context, conversation, message);
}

CommandReply discardDraft(CommandContext &context)
{
    CommandReply refusal;
    auto conversation = managedConversation(context, Manage::AnswerIfUnassigned, &refusal);
    if (!conversation)
        return refusal;
    auto draft = pendingDraft(context, *conversation, &refusal);
    if (!draft)
        return refusal;
    draft->state = Protocol::DraftState::Discarded;
    if (!DraftRepo::setState(context.txn, draft->id, draft->state))
        return CommandReply::refusal(ErrorCode::Internal);
    publishDraft(context.txn, *conversation, *draft);
    return CommandReply::success({{Key::Draft, draft->toJson()}});
}

CommandReply regenerateDraft(CommandContext &context)
{
    CommandReply refusal;
    auto conversation = managedConversation(context, Manage::AnswerIfUnassigned, &refusal);
    if (!conversation)
        return refusal;
    if (conversation->aiMode == Protocol::AiMode::Off)
        return CommandReply::refusal(ErrorCode::Conflict, QStringLiteral("the AI is off"));
    const qint64 messageId = DraftRepo::latestInboundMessage(context.txn.db(), conversation->id);
    if (messageId == 0)
        return CommandReply::refusal(ErrorCode::Conflict,
                                     QStringLiteral("no customer message to answer"));
    // The drafter watches for this event and writes a new pending draft.
    Draft request;
    request.conversationId = conversation->id;
    request.forMessageId = messageId;
    request.state = Protocol::DraftState::Requested;
    publishDraft(context.txn, *conversation, request);
    return CommandReply::success({{Key::Draft, request.toJson()}});
}

} // namespace Serambi::Relay
