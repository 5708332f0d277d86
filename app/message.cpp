#include "message.h"

#include <QJsonValue>

namespace Serambi::App {

MessageMedia MessageMedia::fromPayload(const Protocol::MediaPayload &payload)
{
    return {payload.state, payload.key,      payload.mimeType,
            payload.size,  payload.filename, payload.error};
}

Protocol::MediaPayload MessageMedia::toPayload() const
{
    return {state, key, mimeType, size, filename, error};
}

Message Message::fromPayload(const Protocol::MessagePayload &payload)
{
    Message m;
    m.id = payload.id;
    m.conversationId = payload.conversationId;
    m.wamid = payload.wamid;
    m.direction = payload.direction;
    m.type = payload.type;
    m.text = payload.text;
    m.status = payload.status;
    m.sender = payload.sender;
    m.senderName = payload.senderName;
    m.replyTo = payload.replyTo;
    m.timestamp = payload.timestamp;
    m.errorCode = payload.errorCode;
    m.errorTitle = payload.errorTitle;
    m.errorDetails = payload.errorDetails;
    m.editedAt = payload.editedAt;
    m.revokedAt = payload.revokedAt;
    m.content = payload.content;
    if (payload.media)
        m.media = MessageMedia::fromPayload(*payload.media);
    return m;
}

Protocol::MessagePayload Message::toPayload() const
{
    Protocol::MessagePayload payload;
    payload.id = id;
    payload.conversationId = conversationId;
    payload.wamid = wamid;
    payload.direction = direction;
    payload.type = type;
    payload.text = text;
    payload.status = status;
    payload.sender = sender;
    payload.senderName = senderName;
    payload.replyTo = replyTo;
    payload.timestamp = timestamp;
    payload.errorCode = errorCode;
    payload.errorTitle = errorTitle;
    payload.errorDetails = errorDetails;
    payload.editedAt = editedAt;
    payload.revokedAt = revokedAt;
    payload.content = content;
    if (!media.isEmpty())
        payload.media = media.toPayload();
    return payload;
}

Message Message::fromJson(const QJsonObject &json)
{
    Message m = fromPayload(Protocol::MessagePayload::fromJson(json));
    m.commandId = json.value(QLatin1String("command_id")).toString();
    return m;
}

QJsonObject Message::toJson() const
{
    QJsonObject json = toPayload().toJson();
    if (!commandId.isEmpty())
        json.insert(QLatin1String("command_id"), commandId);
    return json;
}

bool Message::isReaction() const
{
    return type == QLatin1String("reaction");
}

QString Message::reactionTarget() const
{
    return content.value(QLatin1String("reaction"))
        .toObject()
        .value(QLatin1String("message_id"))
        .toString();
}

QString Message::reactionEmoji() const
{
    return content.value(QLatin1String("reaction"))
        .toObject()
        .value(QLatin1String("emoji"))
        .toString();
}

QString Message::contextId() const
{
    const QJsonObject context = content.value(QLatin1String("context")).toObject();
    const QString inbound = context.value(QLatin1String("id")).toString();
    return inbound.isEmpty() ? context.value(QLatin1String("message_id")).toString() : inbound;
}

} // namespace Serambi::App
