#include "outboundsend.h"

#include "conversationaccess.h"
#include "protocol/keys.h"
#include "protocol/types.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

bool readReplyTo(const QJsonObject &args, QString *replyTo, CommandReply *refusal)
{
    const QLatin1String replyToArg("reply_to");
    replyTo->clear();
    if (isAbsent(args, replyToArg))
        return true;
    *replyTo = args.value(replyToArg).toString();
    if (replyTo->isEmpty()) {
        *refusal = CommandReply::refusal(ErrorCode::InvalidArgument,
                                         QStringLiteral("reply_to must be a message wamid"));
        return false;
    }
    return true;
}

bool windowOpen(const Conversation &conversation, qint64 nowMs, qint64 windowMs)
{
    return conversation.lastInboundAt != 0 && nowMs - conversation.lastInboundAt <= windowMs;
}

std::optional<Conversation> sendableConversation(CommandContext &context, Window window,
                                                 CommandReply *refusal)
{
    auto conversation = managedConversation(context, Manage::AnswerIfUnassigned, refusal);
    if (!conversation)
        return std::nullopt;
    if (window == Window::MustBeOpen &&
        !windowOpen(*conversation, context.nowMs, context.windowMs)) {
        *refusal = CommandReply::refusal(ErrorCode::WindowClosed);
        return std::nullopt;
    }
    return conversation;
}

void claimForAnswer(CommandContext &context, Conversation &conversation)
{
    if (conversation.assigneeId == 0)
        assignTo(conversation, context.user, Protocol::AiMode::Draft);
    else if (conversation.assigneeId == context.user.id)
        conversation.state = Protocol::ConversationState::Assigned;
}

Message agentMessage(const CommandContext &context, const QString &type, const QString &text,
                     const QString &replyTo)
{
    Message message;
    message.type = type;
    message.text = text;
    message.replyTo = replyTo;
    message.senderKind = QStringLiteral("agent");
    message.senderId = context.user.id;
    message.senderName = context.user.displayName;
    message.timestamp = context.nowMs;
    return message;
}

CommandReply publishSent(CommandContext &context, Conversation &conversation,
                         const Message &message)
{
    conversation.unread = 0;
    if (!ConversationRepo::update(context.txn, conversation))
        return CommandReply::refusal(ErrorCode::Internal);
    ConversationRepo::publishMessage(context.txn, conversation, message, EventKind::MessageCreated);
    ConversationRepo::publishConversation(context.txn, conversation);
    return CommandReply::success({{Key::Message, message.toJson()}});
}

} // namespace Serambi::Relay
