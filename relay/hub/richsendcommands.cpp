#include "richsendcommands.h"

#include "auth/visibility.h"
#include "draftcommands.h"
#include "outbound/templatemessage.h"
#include "outboundsend.h"
#include "protocol/interactivelimits.h"
#include "protocol/keys.h"
#include "protocol/medialimits.h"
#include "store/mediarepo.h"
#include "store/outbound.h"
#include "store/templaterepo.h"

#include <QTextBoundaryFinder>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;

const QLatin1String TypeKey("type");

// Longest emoji sequence WhatsApp takes as one reaction (a family or flag ZWJ sequence).
constexpr int MaxEmojiCodePoints = 10;

// The readable text of an interactive message: its body.
QString interactiveText(const QJsonObject &interactive)
{
    return interactive.value(QLatin1String("body"))
        .toObject()
        .value(QLatin1String("text"))
        .toString();
}

// One user-perceived character that is not a letter, digit, punctuation or blank.
bool isOneEmoji(const QString &emoji)
{
    if (emoji.isEmpty() || Protocol::characterCount(emoji) > MaxEmojiCodePoints)
        return false;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, emoji);
    if (graphemes.toNextBoundary() != emoji.size())
        return false;
    const QList<uint> codePoints = emoji.toUcs4();
    const uint first = codePoints.first();
    // Digits and # * start keycap emoji (1️⃣), which need the keycap mark.
    if (first < 0x80 && !codePoints.contains(0x20E3))
        return false;
    const QChar::Category category = QChar::category(char32_t(first));
    return category == QChar::Symbol_Other || category == QChar::Symbol_Math ||
           codePoints.contains(0x20E3) || (first >= 0x1F1E6 && first <= 0x1F1FF);
}

} // namespace

CommandReply sendInteractive(CommandContext &context)
{
    const QJsonValue value = context.args.value(Key::Interactive);
    if (!value.isObject())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("interactive must be an object"));
    const QJsonObject interactive = value.toObject();
    const QList<Protocol::LimitProblem> problems = Protocol::checkInteractive(interactive);
    if (!problems.isEmpty())
        return CommandReply::refusal(ErrorCode::InvalidArgument, problems.first().describe());
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
    Message message =
        agentMessage(context, QStringLiteral("interactive"), interactiveText(interactive), replyTo);
    const QJsonObject content{{TypeKey, QLatin1String("interactive")},
                              {QLatin1String("interactive"), interactive}};
    return queueAnswer(context, *conversation, *draft, message, withReplyContext(content, replyTo));
}

CommandReply sendTemplate(CommandContext &context)
{
    const QString name = context.args.value(Key::Name).toString();
    const QString language = context.args.value(Key::Language).toString();
    if (name.isEmpty() || language.isEmpty())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("name and language must name a template"));
    const QJsonValue parameters = context.args.value(Key::Parameters);
    if (!parameters.isUndefined() && !parameters.isNull() && !parameters.isObject())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("parameters must be an object"));
    const auto stored = TemplateRepo::find(context.txn.db(), name, language);
    if (!stored)
        return CommandReply::refusal(
            ErrorCode::NotFound,
            QStringLiteral("no template %1 in language %2").arg(name, language));
    if (stored->status != QLatin1String("APPROVED"))
        return CommandReply::refusal(
            ErrorCode::Conflict,
            QStringLiteral("the template is %1, not APPROVED").arg(stored->status));
    QString problem;
    const auto built = buildTemplateMessage(*stored, parameters.toObject(), &problem);
    if (!built)
        return CommandReply::refusal(ErrorCode::InvalidArgument, problem);
    CommandReply refusal;
    // A template is the one message Meta takes outside the customer-service window.
    auto conversation = sendableConversation(context, Window::Any, &refusal);
    if (!conversation)
        return refusal;
    Message message = agentMessage(context, QStringLiteral("template"), built->text, QString());
    if (!built->mediaKey.isEmpty()) {
        const auto file = MediaRepo::findFile(context.txn.db(), built->mediaKey);
        if (!file || !canSeeMedia(context.txn.db(), context.user, built->mediaKey))
            return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such media"));
        const QString format = stored->component(QStringLiteral("HEADER"))
                                   .value(QLatin1String("format"))
                                   .toString()
                                   .toLower();
        const auto kind = Protocol::mediaKindOfMimeType(file->mimeType);
        if (!kind || Protocol::mediaKindName(*kind) != format)
            return CommandReply::refusal(
                ErrorCode::InvalidArgument,
                QStringLiteral("header: the media is not a %1").arg(format));
        MessageMedia media;
        media.state = QStringLiteral("ready");
        media.key = file->key;
        media.size = file->size;
        media.mimeType = file->mimeType;
        media.filename = file->filename;
        message.media = media;
    }
    const QJsonObject content{{TypeKey, QLatin1String("template")},
                              {QLatin1String("template"), built->templateObject}};
    return queueAnswer(context, *conversation, std::nullopt, message, content);
}

CommandReply sendReaction(CommandContext &context)
{
    const QJsonValue emojiValue = context.args.value(Key::Emoji);
    const QString emoji = emojiValue.toString();
    if (!emojiValue.isString() || (!emoji.isEmpty() && !isOneEmoji(emoji)))
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("emoji must be one emoji, or empty to remove "
                                                    "the reaction"));
    CommandReply refusal;
    const auto targetId = requireId(context.args, Key::MessageId, &refusal);
    if (!targetId)
        return refusal;
    auto conversation = sendableConversation(context, Window::MustBeOpen, &refusal);
    if (!conversation)
        return refusal;
    const auto target = ConversationRepo::loadMessage(context.txn.db(), *targetId);
    if (!target || target->conversationId != conversation->id)
        return CommandReply::refusal(ErrorCode::NotFound,
                                     QStringLiteral("no such message in the conversation"));
    if (!target->isInbound() || target->type == QLatin1String("reaction") ||
        target->wamid.isEmpty())
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("only a customer's message (not a reaction) can be reacted to"));
    // A reaction names its target inside the reaction object, never in a context.
    Message message = agentMessage(context, QStringLiteral("reaction"), emoji, target->wamid);
    const QJsonObject content{
        {TypeKey, QLatin1String("reaction")},
        {QLatin1String("reaction"), QJsonObject{{QLatin1String("message_id"), target->wamid},
                                                {QLatin1String("emoji"), emoji}}}};
    return queueAnswer(context, *conversation, std::nullopt, message, content);
}

} // namespace Serambi::Relay
