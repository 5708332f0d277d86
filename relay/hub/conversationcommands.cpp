#include "conversationcommands.h"

#include "auth/visibility.h"
#include "cannedcommands.h"
#include "conversationaccess.h"
#include "csat/csatsurvey.h"
#include "draftcommands.h"
#include "kbcommands.h"
#include "labelcommands.h"
#include "mediacommands.h"
#include "notecommands.h"
#include "outbound/outboundtext.h"
#include "outboundsend.h"
#include "protocol/keys.h"
#include "protocol/types.h"
#include "richsendcommands.h"
#include "store/conversationrepo.h"
#include "transfercommand.h"

#include <array>
#include <utility>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::Command;
using Protocol::ErrorCode;

CommandReply sendText(CommandContext &context)
{
    const QJsonValue textValue = context.args.value(Key::Text);
    const QString text = textValue.toString();
    if (!textValue.isString() || text.trimmed().isEmpty() || text.size() > MaxTextLength) {
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("text must have 1 to %1 characters").arg(MaxTextLength));
    }
    CommandReply refusal;
    QString replyTo;
    if (!readReplyTo(context.args, &replyTo, &refusal))
        return refusal;
    auto conversation = sendableConversation(context, Window::MustBeOpen, &refusal);
    if (!conversation)
        return refusal;
    const auto draft = draftToApprove(context, *conversation, &refusal);
    if (!draft)
        return refusal;
    Message message = agentMessage(context, QStringLiteral("text"), text, replyTo);
    return queueAnswer(context, *conversation, *draft, message, textMessageContent(text, replyTo));
}

CommandReply markRead(CommandContext &context)
{
    CommandReply refusal;
    std::optional<qint64> messageId;
    if (!isAbsent(context.args, Key::MessageId)) {
        messageId = requireId(context.args, Key::MessageId, &refusal);
        if (!messageId)
            return refusal;
    }
    auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    if (messageId) {
        const auto message = ConversationRepo::loadMessage(context.txn.db(), *messageId);
        if (!message || message->conversationId != conversation->id)
            return CommandReply::refusal(ErrorCode::NotFound);
    }
    const bool changed = conversation->unread != 0;
    conversation->unread = 0;
    return commitConversation(context, *conversation, changed);
}

CommandReply takeOver(CommandContext &context)
{
    const QLatin1String aiModeArg("ai_mode");
    auto aiMode = Protocol::AiMode::Draft;
    if (!isAbsent(context.args, aiModeArg)) {
        if (!Protocol::aiModeFromName(context.args.value(aiModeArg).toString(), &aiMode) ||
            aiMode == Protocol::AiMode::Auto)
            return CommandReply::refusal(ErrorCode::InvalidArgument,
                                         QStringLiteral("ai_mode must be draft or off"));
    }
    CommandReply refusal;
    const auto id = requireId(context.args, Key::ConversationId, &refusal);
    if (!id)
        return refusal;
    auto conversation = ConversationRepo::load(context.txn.db(), *id);
    if (!conversation)
        return CommandReply::refusal(ErrorCode::NotFound);
    if (conversation->assigneeId != 0 && conversation->assigneeId != context.user.id &&
        !isSupervisor(context.user))
        return CommandReply::refusal(ErrorCode::Conflict,
                                     QStringLiteral("assigned to another agent"));
    const bool changed = assignTo(*conversation, context.user, aiMode);
    return commitConversation(context, *conversation, changed);
}

CommandReply handBack(CommandContext &context)
{
    CommandReply refusal;
    auto conversation = managedConversation(context, Manage::AssigneeOrSupervisor, &refusal);
    if (!conversation)
        return refusal;
    const auto bot = Protocol::ConversationState::Bot;
    const auto autoMode = Protocol::AiMode::Auto;
    const bool changed = conversation->state != bot || conversation->assigneeId != 0 ||
                         conversation->aiMode != autoMode || !conversation->handoffReason.isEmpty();
    conversation->state = bot;
    conversation->assigneeId = 0;
    conversation->aiMode = autoMode;
    conversation->handoffReason.clear();
    return commitConversation(context, *conversation, changed);
}

CommandReply resolve(CommandContext &context)
{
    CommandReply refusal;
    auto conversation = managedConversation(context, Manage::AssigneeOrSupervisor, &refusal);
    if (!conversation)
        return refusal;
    const auto resolved = Protocol::ConversationState::Resolved;
    const bool changed = conversation->state != resolved;
    conversation->state = resolved;
    // Resolving asks the customer to rate the chat, while a free-form message can reach them.
    if (changed && context.csat.enabled &&
        windowOpen(*conversation, context.nowMs, context.windowMs) &&
        !Csat::ask(context.txn, *conversation, context.user, context.nowMs, context.csat))
        return CommandReply::refusal(ErrorCode::Internal);
    return commitConversation(context, *conversation, changed);
}

CommandReply assign(CommandContext &context)
{
    if (!isSupervisor(context.user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    const QJsonValue username = context.args.value(Key::Username);
    if (!username.isString() || username.toString().isEmpty())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("username must be a user name"));
    CommandReply refusal;
    auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    const auto assignee = UserRepo::byName(context.txn.db(), username.toString());
    if (!assignee || assignee->disabled)
        return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such user"));
    const bool changed = assignTo(*conversation, *assignee, humanAiMode(*conversation));
    return commitConversation(context, *conversation, changed);
}

CommandReply setAiMode(CommandContext &context)
{
    const QString mode = context.args.value(Key::Mode).toString();
    Protocol::AiMode parsed = Protocol::AiMode::Auto;
    if (!Protocol::aiModeFromName(mode, &parsed))
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("mode must be auto, draft or off"));
    CommandReply refusal;
    auto conversation = managedConversation(context, Manage::AssigneeOrSupervisor, &refusal);
    if (!conversation)
        return refusal;
    const bool changed = conversation->aiMode != parsed;
    conversation->aiMode = parsed;
    return commitConversation(context, *conversation, changed);
}

constexpr std::array<std::pair<Command, WriteCommand>, 22> Commands{{
    {Command::SendText, sendText},
    {Command::MarkRead, markRead},
    {Command::TakeOver, takeOver},
    {Command::HandBack, handBack},
    {Command::Resolve, resolve},
    {Command::Assign, assign},
    {Command::SetAiMode, setAiMode},
    {Command::DiscardDraft, discardDraft},
    {Command::RegenerateDraft, regenerateDraft},
    {Command::SendMedia, sendMedia},
    {Command::RetryMedia, retryMedia},
    {Command::SendInteractive, sendInteractive},
    {Command::SendTemplate, sendTemplate},
    {Command::SendReaction, sendReaction},
    {Command::SaveCanned, saveCanned},
    {Command::DeleteCanned, deleteCanned},
    {Command::DismissKbSuggestions, dismissKbSuggestions},
    {Command::AddNote, addNote},
    {Command::Transfer, transfer},
    {Command::SaveLabel, saveLabel},
    {Command::DeleteLabel, deleteLabel},
    {Command::SetConversationLabels, setConversationLabels},
}};

} // namespace

WriteCommand findWriteCommand(Protocol::Command command)
{
    for (const auto &[name, run] : Commands) {
        if (name == command)
            return run;
    }
    return nullptr;
}

} // namespace Serambi::Relay
