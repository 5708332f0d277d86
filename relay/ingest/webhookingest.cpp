#include "webhookingest.h"

#include "protocol/medialimits.h"
#include "protocol/types.h"
#include "store/conversationrepo.h"
#include "store/mediafiles.h"
#include "store/statementcache.h"
#include "store/writetxn.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>

Q_LOGGING_CATEGORY(lcIngest, "serambi.relay.webhook")

namespace Serambi::Relay {

using Protocol::MessageStatus;

namespace {

// The media an inbound image, video, audio, document or sticker names, to be downloaded.
std::optional<MessageMedia> inboundMedia(const QString &type, const QJsonObject &raw)
{
    if (!Protocol::mediaKindFromName(type))
        return std::nullopt;
    const QJsonObject object = raw.value(type).toObject();
    MessageMedia media;
    media.state = QStringLiteral("pending");
    media.metaMediaId = object.value(QLatin1String("id")).toString();
    media.mimeType = Protocol::baseMimeType(object.value(QLatin1String("mime_type")).toString());
    media.sha256 = MediaFiles::normalizedSha256(object.value(QLatin1String("sha256")).toString());
    media.filename = object.value(QLatin1String("filename")).toString();
    if (media.metaMediaId.isEmpty()) { // e.g. over 100 MB: Meta sends an error instead
        media.state = QStringLiteral("failed");
        media.error = QStringLiteral("download_failed");
    }
    return media;
}

bool storeInbound(WriteTxn &txn, const InboundMessage &in, const QString &defaultAiMode,
                  QHash<qint64, Conversation> &touched)
{
    auto conversation =
        ConversationRepo::findOrCreate(txn, in.phoneNumberId, in.from, defaultAiMode);
    if (!conversation)
        return false;
    if (auto it = touched.find(conversation->id); it != touched.end())
        conversation = *it;

    Message message;
    message.conversationId = conversation->id;
    message.wamid = in.wamid;
    message.direction = QStringLiteral("in");
    message.type = in.type.isEmpty() ? QStringLiteral("unknown") : in.type;
    message.text = in.text;
    message.payload = in.raw;
    if (!in.supported)
        message.payload.insert(QLatin1String("serambi_unsupported"), true);
    message.status = Protocol::messageStatusName(MessageStatus::Received);
    message.errorCode = in.errorCode;
    message.errorTitle = in.errorTitle;
    message.replyTo = in.contextId;
    message.senderKind = QStringLiteral("customer");
    message.timestamp = in.timestamp > 0 ? in.timestamp * 1000 : txn.now();
    message.media = inboundMedia(message.type, in.raw);
    if (!ConversationRepo::insertMessage(txn, message))
        return false;

    conversation->lastInboundAt = qMax(conversation->lastInboundAt, message.timestamp);
    if (message.timestamp >= conversation->lastMessageAt) {
        conversation->lastMessageAt = message.timestamp;
        conversation->lastMessageId = message.id;
        conversation->lastMessage = message;
    }
    ++conversation->unread;
    if (conversation->state == QLatin1String("resolved"))
        conversation->state =
            conversation->assigneeId ? QStringLiteral("assigned") : QStringLiteral("bot");
    if (!ConversationRepo::update(txn, *conversation))
        return false;
    ConversationRepo::publishMessage(txn, *conversation, message,
                                     EventKind::MessageCreated);
    touched.insert(conversation->id, *conversation);
    return true;
}

std::optional<Message> findStatusTarget(WriteTxn &txn, const StatusUpdate &status)
{
    if (!status.wamid.isEmpty()) {
        if (auto message = ConversationRepo::messageByWamid(txn.db(), status.wamid))
            return message;
    }
    bool isNumber = false;
    const qint64 outboxId = status.callbackData.toLongLong(&isNumber);
    if (!isNumber)
        return std::nullopt;
    PreparedQuery q = txn.prepare(QStringLiteral("SELECT message_id FROM outbox WHERE id = ?"));
    q.addBindValue(outboxId);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return ConversationRepo::loadMessage(txn.db(), q.value(0).toLongLong());
}

// True when next may replace current: statuses only move forward, a failure replaces a
// status up to "sent", and a late delivery still beats a failure.
bool advances(MessageStatus current, MessageStatus next)
{
    if (current == next)
        return false;
    if (next == MessageStatus::Failed)
        return Protocol::messageStatusRank(current) <=
               Protocol::messageStatusRank(MessageStatus::Sent);
    return Protocol::messageStatusRank(next) > Protocol::messageStatusRank(current);
}

bool applyStatus(WriteTxn &txn, const StatusUpdate &status)
{
    MessageStatus next;
    if (!Protocol::messageStatusFromName(status.status, &next) || next == MessageStatus::Received ||
        next == MessageStatus::Pending || next == MessageStatus::Accepted)
        return false;
    auto message = findStatusTarget(txn, status);
    if (!message || message->direction != QLatin1String("out"))
        return false;
    MessageStatus current = MessageStatus::Pending;
    Protocol::messageStatusFromName(message->status, &current);
    if (!advances(current, next))
        return false;
    message->status = status.status;
    if (message->wamid.isEmpty())
        message->wamid = status.wamid;
    if (next == MessageStatus::Failed) {
        message->errorCode = status.errorCode;
        message->errorTitle = status.errorTitle;
        message->errorDetails = status.errorDetails;
    }
    if (!ConversationRepo::updateMessage(txn, *message))
        return false;
    auto conversation = ConversationRepo::load(txn.db(), message->conversationId);
    if (!conversation)
        return false;
    ConversationRepo::publishMessage(txn, *conversation, *message,
                                     EventKind::MessageUpdated);
    return true;
}

} // namespace

IngestOutcome ingestWebhook(WriteTxn &txn, const WebhookBatch &batch, const QString &defaultAiMode)
{
    IngestOutcome outcome;
    QHash<qint64, Conversation> touched;
    for (const InboundMessage &message : batch.messages) {
        if (storeInbound(txn, message, defaultAiMode, touched))
            ++outcome.messagesStored;
        else
            ++outcome.duplicates;
    }
    for (const Conversation &conversation : std::as_const(touched))
        ConversationRepo::publishConversation(txn, conversation);
    for (const StatusUpdate &status : batch.statuses) {
        if (applyStatus(txn, status))
            ++outcome.statusesApplied;
        else
            ++outcome.statusesIgnored;
    }
    for (const AsyncError &error : batch.errors) {
        ++outcome.asyncErrors;
        qCWarning(lcIngest) << "Meta reported error" << error.code << error.title
                            << "for phone number" << error.phoneNumberId;
    }
    return outcome;
}

} // namespace Serambi::Relay
