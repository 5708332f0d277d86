#include "message.h"

#include <QJsonValue>

namespace Serambi::App {

namespace {
QString stringOf(const QJsonObject &json, QLatin1String key)
{
    return json.value(key).toString();
}
} // namespace

MessageMedia MessageMedia::fromJson(const QJsonObject &json)
{
    MessageMedia media;
    media.state = stringOf(json, QLatin1String("state"));
    media.key = stringOf(json, QLatin1String("key"));
    media.mimeType = stringOf(json, QLatin1String("mime_type"));
    media.size = json.value(QLatin1String("size")).toInteger();
    media.filename = stringOf(json, QLatin1String("filename"));
    media.error = stringOf(json, QLatin1String("error"));
    return media;
}

QJsonObject MessageMedia::toJson() const
{
    QJsonObject json{{QLatin1String("state"), state}};
    const auto insertIfSet = [&json](QLatin1String name, const QString &value) {
        if (!value.isEmpty())
            json.insert(name, value);
    };
    insertIfSet(QLatin1String("key"), key);
    insertIfSet(QLatin1String("mime_type"), mimeType);
    if (size > 0)
        json.insert(QLatin1String("size"), size);
    insertIfSet(QLatin1String("filename"), filename);
    insertIfSet(QLatin1String("error"), error);
    return json;
}

Message Message::fromJson(const QJsonObject &json)
{
    Message m;
    m.id = json.value(QLatin1String("id")).toInteger();
    m.conversationId = json.value(QLatin1String("conversation_id")).toInteger();
    m.wamid = stringOf(json, QLatin1String("wamid"));
    m.direction = stringOf(json, QLatin1String("direction"));
    m.type = stringOf(json, QLatin1String("type"));
    m.text = stringOf(json, QLatin1String("text"));
    m.status = stringOf(json, QLatin1String("status"));
    m.sender = stringOf(json, QLatin1String("sender"));
    m.senderName = stringOf(json, QLatin1String("sender_name"));
    m.replyTo = stringOf(json, QLatin1String("reply_to"));
    m.timestamp = json.value(QLatin1String("timestamp")).toInteger();
    const QJsonObject error = json.value(QLatin1String("error")).toObject();
    m.errorCode = error.value(QLatin1String("code")).toInt();
    m.errorTitle = stringOf(error, QLatin1String("title"));
    m.errorDetails = stringOf(error, QLatin1String("details"));
    m.editedAt = json.value(QLatin1String("edited_at")).toInteger();
    m.revokedAt = json.value(QLatin1String("revoked_at")).toInteger();
    m.content = json.value(QLatin1String("content")).toObject();
    m.media = MessageMedia::fromJson(json.value(QLatin1String("media")).toObject());
    m.commandId = stringOf(json, QLatin1String("command_id"));
    return m;
}

QJsonObject Message::toJson() const
{
    QJsonObject json{{QLatin1String("id"), id},
                     {QLatin1String("conversation_id"), conversationId},
                     {QLatin1String("direction"), direction},
                     {QLatin1String("type"), type},
                     {QLatin1String("text"), text},
                     {QLatin1String("status"), status},
                     {QLatin1String("sender"), sender},
                     {QLatin1String("timestamp"), timestamp}};
    if (!wamid.isEmpty())
        json.insert(QLatin1String("wamid"), wamid);
    if (!senderName.isEmpty())
        json.insert(QLatin1String("sender_name"), senderName);
    if (!replyTo.isEmpty())
        json.insert(QLatin1String("reply_to"), replyTo);
    if (errorCode != 0 || !errorTitle.isEmpty())
        json.insert(QLatin1String("error"), QJsonObject{{QLatin1String("code"), errorCode},
                                                        {QLatin1String("title"), errorTitle},
                                                        {QLatin1String("details"), errorDetails}});
    if (editedAt > 0)
        json.insert(QLatin1String("edited_at"), editedAt);
    if (revokedAt > 0)
        json.insert(QLatin1String("revoked_at"), revokedAt);
    if (!content.isEmpty())
        json.insert(QLatin1String("content"), content);
    if (!media.isEmpty())
        json.insert(QLatin1String("media"), media.toJson());
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
