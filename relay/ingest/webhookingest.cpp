#include "webhookingest.h"

#include "csat/csatsurvey.h"
#include "logging/relaylogging.h"
#include "protocol/medialimits.h"
#include "protocol/types.h"
#include "store/conversationrepo.h"
#include "store/mediafiles.h"
#include "store/statementcache.h"
#include "store/writetxn.h"
#include "whatsapp/webhookparser.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

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

bool isChange(const QString &type)
{
    return type == QLatin1String("edit") || type == QLatin1String("revoke");
}

// The conversation an edit or revoke may change: the one of its sender on its business number.
bool sentBy(const Conversation &conversation, const Message &message, const QString &phoneNumberId,
            const QString &senderKey)
{
    return message.isInbound() && conversation.phoneNumberId == phoneNumberId &&
           conversation.contact.key() == senderKey;
}

// Applies the customer's edit (raw: the messages[] object of type "edit") to message: the new
// text or caption and, for media, the new media to download. An edit older than the one
// applied, or of a revoked message, changes nothing. Returns true when message changed.
bool applyEdit(WriteTxn &txn, Message &message, const QJsonObject &raw, qint64 editedAt)
{
    if (message.revokedAt > 0 || editedAt < message.editedAt)
        return false;
    const QJsonObject edited =
        raw.value(QLatin1String("edit")).toObject().value(QLatin1String("message")).toObject();
    QString type = edited.value(QLatin1String("type")).toString();
    if (type.isEmpty() || isChange(type) || !edited.value(type).isObject())
        return false;
    // The edit's object over the original's: a caption-only edit keeps the original media.
    QJsonObject object =
        type == message.type ? message.payload.value(type).toObject() : QJsonObject();
    const QJsonObject changed = edited.value(type).toObject();
    for (auto it = changed.constBegin(); it != changed.constEnd(); ++it)
        object.insert(it.key(), it.value());
    if (type != message.type)
        message.payload.remove(message.type);
    message.payload.insert(QLatin1String("type"), type);
    message.payload.insert(type, object);
    message.type = type;
    message.text = messageText(raw);
    message.editedAt = editedAt;
    if (!ConversationRepo::updateEditedMessage(txn, message))
        return false;
    auto media = inboundMedia(type, message.payload);
    if (media && (!message.media || message.media->metaMediaId != media->metaMediaId)) {
        if (!MediaRepo::saveMessageMedia(txn, message.id, *media))
            return false;
        message.media = media;
    }
    return true;
}

bool applyRevoke(WriteTxn &txn, Message &message, qint64 revokedAt)
{
    if (message.revokedAt > 0)
        return false;
    return ConversationRepo::revokeMessage(txn, message, revokedAt);
}

bool applyChange(WriteTxn &txn, Message &message, const QString &kind, const QJsonObject &raw,
                 qint64 at)
{
    return kind == QLatin1String("edit") ? applyEdit(txn, message, raw, at)
                                         : applyRevoke(txn, message, at);
}

bool markApplied(WriteTxn &txn, const QString &wamid)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE message_changes SET applied_at = ?, payload = NULL WHERE wamid = ?"));
    q.addBindValue(txn.now());
    q.addBindValue(wamid);
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

// A message's change reaches the chat list when it is the conversation's last message: through
// the batch's conversation.updated when the batch touched it, else one of its own.
void publishLastMessage(WriteTxn &txn, const Message &message, QHash<qint64, Conversation> &touched)
{
    if (auto it = touched.find(message.conversationId); it != touched.end()) {
        if (it->lastMessageId == message.id)
            it->lastMessage = message;
        return;
    }
    auto conversation = ConversationRepo::load(txn.db(), message.conversationId);
    if (conversation && conversation->lastMessageId == message.id)
        ConversationRepo::publishConversation(txn, *conversation);
}

enum class ChangeResult { Applied, Held, Duplicate, Ignored };

// An edit or a revoke: recorded once by its own wamid, then applied to the original if it is
// stored, else held for it.
ChangeResult storeChange(WriteTxn &txn, const InboundMessage &in,
                         QHash<qint64, Conversation> &touched)
{
    const QString senderKey = in.from.key();
    if (in.wamid.isEmpty() || in.contextId.isEmpty() || senderKey.isEmpty()) {
        qCDebug(lcIngest) << "an" << in.type << "without its original message or sender ignored";
        return ChangeResult::Ignored;
    }
    const qint64 at = in.timestamp > 0 ? in.timestamp * 1000 : txn.now();
    PreparedQuery record = txn.prepare(QStringLiteral(
        "INSERT INTO message_changes (wamid, target_wamid, kind, phone_number_id, sender_key, "
        "payload, timestamp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (wamid) DO NOTHING"));
    record.addBindValue(in.wamid);
    record.addBindValue(in.contextId);
    record.addBindValue(in.type);
    record.addBindValue(in.phoneNumberId);
    record.addBindValue(senderKey);
    record.addBindValue(QString::fromUtf8(QJsonDocument(in.raw).toJson(QJsonDocument::Compact)));
    record.addBindValue(at);
    record.addBindValue(txn.now());
    if (!execQuery(record)) {
        txn.markFailed();
        return ChangeResult::Ignored;
    }
    if (record.numRowsAffected() == 0)
        return ChangeResult::Duplicate;

    auto original = ConversationRepo::messageByWamid(txn.db(), in.contextId);
    if (!original) {
        qCDebug(lcIngest) << "holding an" << in.type << "until its original message arrives";
        return ChangeResult::Held;
    }
    if (!markApplied(txn, in.wamid))
        return ChangeResult::Ignored;
    auto conversation = ConversationRepo::load(txn.db(), original->conversationId);
    if (!conversation || !sentBy(*conversation, *original, in.phoneNumberId, senderKey)) {
        qCWarning(lcIngest) << "an" << in.type
                            << "names a message its sender did not send; ignored";
        return ChangeResult::Ignored;
    }
    if (!applyChange(txn, *original, in.type, in.raw, at))
        return ChangeResult::Ignored;
    ConversationRepo::publishMessage(txn, *conversation, *original, EventKind::MessageUpdated);
    publishLastMessage(txn, *original, touched);
    return ChangeResult::Applied;
}

// Applies the edits and revokes that arrived before message, oldest first. Returns how many.
int applyHeldChanges(WriteTxn &txn, Message &message, const Conversation &conversation)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("SELECT wamid, kind, phone_number_id, sender_key, payload, timestamp "
                       "FROM message_changes WHERE target_wamid = ? AND applied_at IS NULL "
                       "ORDER BY timestamp, created_at"));
    q.addBindValue(message.wamid);
    if (!execQuery(q)) {
        txn.markFailed();
        return 0;
    }
    struct Held
    {
        QString wamid, kind, phoneNumberId, senderKey;
        QJsonObject raw;
        qint64 at = 0;
    };
    QList<Held> held;
    while (q.next()) {
        held.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(),
                     QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(),
                     q.value(5).toLongLong()});
    }
    q.finish();
    int applied = 0;
    for (const Held &change : std::as_const(held)) {
        if (!markApplied(txn, change.wamid))
            return applied;
        if (!sentBy(conversation, message, change.phoneNumberId, change.senderKey)) {
            qCWarning(lcIngest) << "a held" << change.kind
                                << "names a message its sender did not send; ignored";
            continue;
        }
        if (applyChange(txn, message, change.kind, change.raw, change.at))
            ++applied;
    }
    return applied;
}

bool storeInbound(WriteTxn &txn, const QString &channel, const InboundMessage &in,
                  Protocol::AiMode defaultAiMode, const CsatSettings &csat,
                  QHash<qint64, Conversation> &touched, IngestOutcome &outcome)
{
    auto conversation =
        ConversationRepo::findOrCreate(txn, channel, in.phoneNumberId, in.from, defaultAiMode);
    if (!conversation)
        return false;
    if (auto it = touched.find(conversation->id); it != touched.end())
        conversation = *it;

    Message message;
    message.conversationId = conversation->id;
    message.wamid = in.wamid;
    message.direction = Protocol::Direction::In;
    message.type = in.type.isEmpty() ? QStringLiteral("unknown") : in.type;
    message.text = in.text;
    message.payload = in.raw;
    if (!in.supported)
        message.payload.insert(QLatin1String("serambi_unsupported"), true);
    message.status = Protocol::messageStatusName(MessageStatus::Received);
    message.errorCode = in.errorCode;
    message.errorTitle = in.errorTitle;
    message.errorDetails = in.errorDetails;
    message.replyTo = in.contextId;
    message.senderKind = QStringLiteral("customer");
    message.timestamp = in.timestamp > 0 ? in.timestamp * 1000 : txn.now();
    message.media = inboundMedia(message.type, in.raw);
    switch (Csat::takeAnswer(txn, *conversation, message, csat)) {
    case Csat::Answer::Taken:
        if (!ConversationRepo::update(txn, *conversation))
            return false;
        touched.insert(conversation->id, *conversation);
        return true;
    case Csat::Answer::Duplicate:
        return false;
    case Csat::Answer::NotTaken:
        break;
    }
    if (!ConversationRepo::insertMessage(txn, message))
        return false;
    // Consoles first see the message as its held edits and revoke left it.
    if (!message.wamid.isEmpty())
        outcome.changesApplied += applyHeldChanges(txn, message, *conversation);

    conversation->lastInboundAt = qMax(conversation->lastInboundAt, message.timestamp);
    if (message.timestamp >= conversation->lastMessageAt) {
        conversation->lastMessageAt = message.timestamp;
        conversation->lastMessageId = message.id;
        conversation->lastMessage = message;
    }
    ++conversation->unread;
    if (conversation->state == Protocol::ConversationState::Resolved)
        conversation->state = conversation->assigneeId ? Protocol::ConversationState::Assigned
                                                       : Protocol::ConversationState::Bot;
    if (!ConversationRepo::update(txn, *conversation))
        return false;
    ConversationRepo::publishMessage(txn, *conversation, message, EventKind::MessageCreated);
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

enum class StatusResult { Applied, Ignored, UnknownMessage };

// Meta prices a message once but reports it on sent and again on delivered or read, whichever
// status arrives (or is applied) first: every report of it is kept, the last one wins.
bool storePricing(WriteTxn &txn, qint64 messageId, const StatusUpdate &status)
{
    if (status.pricingCategory.isEmpty())
        return true;
    PreparedQuery q = txn.prepare(
        QStringLiteral("UPDATE messages SET pricing_category = ?, pricing_type = ? WHERE id = ?"));
    q.addBindValue(status.pricingCategory);
    q.addBindValue(status.pricingType);
    q.addBindValue(messageId);
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

StatusResult applyStatus(WriteTxn &txn, const StatusUpdate &status)
{
    auto message = findStatusTarget(txn, status);
    if (!message || message->isInbound()) {
        qCDebug(lcIngest) << "status" << status.status
                          << "for a message the relay did not send:" << status.wamid;
        return StatusResult::UnknownMessage;
    }
    if (!storePricing(txn, message->id, status))
        return StatusResult::Ignored;
    MessageStatus next;
    if (!Protocol::messageStatusFromName(status.status, &next) || next == MessageStatus::Received ||
        next == MessageStatus::Pending || next == MessageStatus::Accepted)
        return StatusResult::Ignored;
    MessageStatus current = MessageStatus::Pending;
    Protocol::messageStatusFromName(message->status, &current);
    if (!advances(current, next))
        return StatusResult::Ignored;
    message->status = status.status;
    if (message->wamid.isEmpty())
        message->wamid = status.wamid;
    if (next == MessageStatus::Failed) {
        message->errorCode = status.errorCode;
        message->errorTitle = status.errorTitle;
        message->errorDetails = status.errorDetails;
    }
    if (!ConversationRepo::updateMessage(txn, *message))
        return StatusResult::Ignored;
    auto conversation = ConversationRepo::load(txn.db(), message->conversationId);
    if (!conversation)
        return StatusResult::Ignored;
    ConversationRepo::publishMessage(txn, *conversation, *message, EventKind::MessageUpdated);
    return StatusResult::Applied;
}

} // namespace

IngestOutcome ingestWebhook(WriteTxn &txn, const WebhookBatch &batch, const QString &defaultAiMode,
                            const CsatSettings &csat)
{
    IngestOutcome outcome;
    auto aiMode = Protocol::AiMode::Draft;
    Protocol::aiModeFromName(defaultAiMode, &aiMode);
    QHash<qint64, Conversation> touched;
    for (const InboundMessage &message : batch.messages) {
        if (!isChange(message.type)) {
            if (storeInbound(txn, batch.channel, message, aiMode, csat, touched, outcome))
                ++outcome.messagesStored;
            else
                ++outcome.duplicates;
            continue;
        }
        switch (storeChange(txn, message, touched)) {
        case ChangeResult::Applied:
            ++outcome.changesApplied;
            break;
        case ChangeResult::Held:
            ++outcome.changesHeld;
            break;
        case ChangeResult::Duplicate:
            ++outcome.duplicates;
            break;
        case ChangeResult::Ignored:
            break;
        }
    }
    for (const Conversation &conversation : std::as_const(touched))
        ConversationRepo::publishConversation(txn, conversation);
    for (const StatusUpdate &status : batch.statuses) {
        switch (applyStatus(txn, status)) {
        case StatusResult::Applied:
            ++outcome.statusesApplied;
            break;
        case StatusResult::Ignored:
            ++outcome.statusesIgnored;
            break;
        case StatusResult::UnknownMessage:
            ++outcome.statusesOfUnknownMessages[status.status];
            break;
        }
    }
    for (const AsyncError &error : batch.errors) {
        ++outcome.asyncErrors;
        qCWarning(lcIngest) << "Meta reported error" << error.code << error.title
                            << "for phone number" << error.phoneNumberId;
    }
    return outcome;
}

} // namespace Serambi::Relay
