#include "mediacommands.h"

#include "auth/visibility.h"
#include "conversationaccess.h"
#include "outboundsend.h"
#include "protocol/keys.h"
#include "protocol/medialimits.h"
#include "store/conversationrepo.h"
#include "store/mediarepo.h"
#include "store/outbound.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;

CommandReply invalid(const QString &message)
{
    return CommandReply::refusal(ErrorCode::InvalidArgument, message);
}

// Reads an optional string argument; false (with *refusal) when it is there but not a string.
bool optionalString(const QJsonObject &args, QLatin1String key, QString *value,
                    CommandReply *refusal)
{
    if (isAbsent(args, key))
        return true;
    if (!args.value(key).isString()) {
        *refusal = invalid(QStringLiteral("%1 must be a string").arg(key));
        return false;
    }
    *value = args.value(key).toString();
    return true;
}

} // namespace

CommandReply sendMedia(CommandContext &context)
{
    const QString key = context.args.value(Key::Media).toString();
    if (key.isEmpty())
        return invalid(QStringLiteral("media must be a key from POST /media"));
    CommandReply refusal;
    QString caption;
    QString filename;
    QString replyTo;
    if (!optionalString(context.args, Key::Caption, &caption, &refusal) ||
        !optionalString(context.args, Key::Filename, &filename, &refusal) ||
        !readReplyTo(context.args, &replyTo, &refusal))
        return refusal;
    if (!isAbsent(context.args, Key::Voice) && !context.args.value(Key::Voice).isBool())
        return invalid(QStringLiteral("voice must be true or false"));
    const bool voice = context.args.value(Key::Voice).toBool();

    auto conversation = sendableConversation(context, Window::MustBeOpen, &refusal);
    if (!conversation)
        return refusal;
    const auto file = MediaRepo::findFile(context.txn.db(), key);
    if (!file || !canSeeMedia(context.txn.db(), context.user, key))
        return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such media"));
    const auto kind = Protocol::mediaKindOfMimeType(file->mimeType);
    if (!kind)
        return CommandReply::refusal(ErrorCode::UnsupportedMediaType);
    const QString kindName = Protocol::mediaKindName(*kind);
    if (!caption.isEmpty() && !Protocol::mediaKindTakesCaption(*kind))
        return invalid(QStringLiteral("caption: not for %1").arg(kindName));
    if (caption.toUcs4().size() > Protocol::MaxCaptionLength)
        return invalid(
            QStringLiteral("caption: at most %1 characters").arg(Protocol::MaxCaptionLength));
    if (!filename.isEmpty() && !Protocol::mediaKindTakesFilename(*kind))
        return invalid(QStringLiteral("filename: only for documents"));
    if (voice && !Protocol::mayBeVoice(file->mimeType))
        return invalid(QStringLiteral("voice: only for OGG/Opus audio"));
    if (filename.isEmpty() && Protocol::mediaKindTakesFilename(*kind))
        filename = file->filename;

    QJsonObject object{{QLatin1String("key"), key}};
    if (!caption.isEmpty())
        object.insert(QLatin1String("caption"), caption);
    if (!filename.isEmpty())
        object.insert(QLatin1String("filename"), filename);
    if (voice)
        object.insert(QLatin1String("voice"), true);
    const QJsonObject content =
        withReplyContext({{QLatin1String("type"), kindName}, {kindName, object}}, replyTo);

    claimForAnswer(context, *conversation);
    Message message = agentMessage(context, kindName, caption, replyTo);
    MessageMedia media;
    media.state = QStringLiteral("ready");
    media.key = key;
    media.size = file->size;
    media.mimeType = file->mimeType;
    media.filename = filename.isEmpty() ? file->filename : filename;
    message.media = media;
    if (!queueOutbound(context.txn, *conversation, message, content))
        return CommandReply::refusal(ErrorCode::Internal);
    return publishSent(context, *conversation, message);
}

CommandReply retryMedia(CommandContext &context)
{
    CommandReply refusal;
    const auto messageId = requireId(context.args, Key::MessageId, &refusal);
    if (!messageId)
        return refusal;
    const auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    auto message = ConversationRepo::loadMessage(context.txn.db(), *messageId);
    if (!message || message->conversationId != conversation->id || !message->isInbound() ||
        !message->media)
        return CommandReply::refusal(ErrorCode::NotFound);
    if (message->media->state != QLatin1String("failed"))
        return CommandReply::refusal(ErrorCode::Conflict,
                                     QStringLiteral("the media is not failed"));
    message->media->state = QStringLiteral("pending");
    message->media->error.clear();
    if (!MediaRepo::saveMessageMedia(context.txn, message->id, *message->media))
        return CommandReply::refusal(ErrorCode::Internal);
    ConversationRepo::publishMessage(context.txn, *conversation, *message,
                                     EventKind::MessageUpdated);
    return CommandReply::success({{Key::Message, message->toJson()}});
}

} // namespace Serambi::Relay
