#include "agentsend.h"

#include "conversationaccess.h"
#include "draftcommands.h"
#include "outboundtext.h"
#include "protocol/types.h"
#include "store/outboxrepo.h"
#include "visibility.h"

namespace Serambi::Relay {

using Protocol::ErrorCode;

std::optional<Answer> answerableConversation(CommandContext &context, bool withDraft,
                                             CommandReply *refusal)
{
    auto conversation = visibleConversation(context, refusal);
    if (!conversation)
        return std::nullopt;
    Answer answer{*conversation, std::nullopt};
    if (withDraft) {
        auto draft = draftToApprove(context, *conversation, refusal);
        if (!draft)
            return std::nullopt;
        answer.draft = *draft;
    }
    if (!canAnswerConversation(context.user, conversation->assigneeId)) {
        *refusal = CommandReply::refusal(ErrorCode::Forbidden);
        return std::nullopt;
    }
    return answer;
}

bool windowOpen(const Conversation &conversation, qint64 nowMs, qint64 windowMs)
{
    return conversation.lastInboundAt != 0 && nowMs - conversation.lastInboundAt <= windowMs;
}

std::optional<QString> replyToArgument(const QJsonObject &args, CommandReply *refusal)
{
    const QLatin1String replyToArg("reply_to");
    if (isAbsent(args, replyToArg))
        return QString();
    const QString replyTo = args.value(replyToArg).toString();
    if (replyTo.isEmpty()) {
        *refusal = CommandReply::refusal(ErrorCode::InvalidArgument,
                                         QStringLiteral("reply_to must be a message wamid"));
        return std::nullopt;
    }
    return replyTo;
}

CommandReply queueOutbound(CommandContext &context, Answer &answer, const Outbound &outbound)
{
    Conversation &conversation = answer.conversation;
    // A human answering an unassigned chat takes it over; answering their own resolved chat
    // reopens it.
    if (conversation.assigneeId == 0)
        assignTo(conversation, context.user, Protocol::aiModeName(Protocol::AiMode::Draft));
    else if (conversation.assigneeId == context.user.id)
        conversation.state = Protocol::conversationStateName(Protocol::ConversationState::Assigned);

    Message message;
    message.conversationId = conversation.id;
    message.direction = QStringLiteral("out");
    message.type = outbound.type;
    message.text = outbound.text;
    message.payload = messageRequest(conversation.contact, outbound.content);
    message.status = Protocol::messageStatusName(Protocol::MessageStatus::Pending);
    message.replyTo = outbound.replyTo;
    message.senderKind = QStringLiteral("agent");
    message.senderId = context.user.id;
    message.senderName = context.user.displayName;
    message.timestamp = context.nowMs;
    if (!ConversationRepo::insertMessage(context.txn, message) ||
        OutboxRepo::enqueue(context.txn, message.id, message.payload) == 0 ||
        !approveDraft(context, conversation, answer.draft))
        return CommandReply::refusal(ErrorCode::Internal);
    if (answer.draft)
        conversation.draft.reset(); // approved: no longer pending

    conversation.lastMessageAt = message.timestamp;
    conversation.lastMessageId = message.id;
    conversation.lastMessage = message;
    conversation.unread = 0;
    if (!ConversationRepo::update(context.txn, conversation))
        return CommandReply::refusal(ErrorCode::Internal);
    ConversationRepo::publishMessage(context.txn, conversation, message,
                                     QLatin1String(EventKind::MessageCreated));
    ConversationRepo::publishConversation(context.txn, conversation);
    return CommandReply::success({{QLatin1String("message"), message.toJson()}});
}

} // namespace Serambi::Relay
