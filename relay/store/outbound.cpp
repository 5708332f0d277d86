#include "outbound.h"

#include "conversationrepo.h"
#include "outboxrepo.h"

#include <QJsonArray>

#include <array>

namespace Serambi::Relay {

QJsonObject outboundRequest(const Contact &contact, const QJsonObject &content)
{
    QJsonObject request = content;
    request.insert(QLatin1String("messaging_product"), QLatin1String("whatsapp"));
    request.insert(QLatin1String("recipient_type"), QLatin1String("individual"));
    if (!contact.waId.isEmpty())
        request.insert(QLatin1String("to"), QString(QLatin1Char('+') + contact.waId));
    else
        request.insert(QLatin1String("recipient"), contact.userId);
    return request;
}

QJsonObject outboundContent(const QJsonObject &request)
{
    static constexpr std::array<const char *, 5> Envelope{
        "messaging_product", "recipient_type", "to", "recipient", "biz_opaque_callback_data"};
    QJsonObject content = request;
    for (const char *key : Envelope)
        content.remove(QLatin1String(key));
    return content;
}

QJsonObject withReplyContext(QJsonObject content, const QString &replyTo)
{
    if (!replyTo.isEmpty())
        content.insert(QLatin1String("context"),
                       QJsonObject{{QLatin1String("message_id"), replyTo}});
    return content;
}

namespace {

const QLatin1String KeyField("key");
const QLatin1String TypeField("type");
const QLatin1String ParametersField("parameters");

// The message types whose object may name a relay media key; any other object's "key" (an
// interactive's, a reaction's) is not a media reference and is never uploaded.
bool isMediaMessageType(const QString &type)
{
    for (const char *media : {"image", "video", "audio", "document", "sticker"}) {
        if (type == QLatin1String(media))
            return true;
    }
    return false;
}

// Index of the template's header component when its first parameter's media object names a
// key, or -1. Only a header carries media.
qsizetype templateMediaComponent(const QJsonArray &components)
{
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QJsonObject component = components.at(i).toObject();
        if (component.value(TypeField).toString() != QLatin1String("header"))
            continue;
        const QJsonObject parameter = component.value(ParametersField).toArray().at(0).toObject();
        const QString kind = parameter.value(TypeField).toString();
        if (!kind.isEmpty() && parameter.value(kind).toObject().contains(KeyField))
            return i;
    }
    return -1;
}

} // namespace

QString outboundMediaKey(const QJsonObject &request)
{
    const QString type = request.value(TypeField).toString();
    const QJsonObject object = request.value(type).toObject();
    if (type != QLatin1String("template"))
        return isMediaMessageType(type) ? object.value(KeyField).toString() : QString();
    const QJsonArray components = object.value(QLatin1String("components")).toArray();
    const qsizetype index = templateMediaComponent(components);
    if (index < 0)
        return {};
    const QJsonObject parameter =
        components.at(index).toObject().value(ParametersField).toArray().at(0).toObject();
    return parameter.value(parameter.value(TypeField).toString())
        .toObject()
        .value(KeyField)
        .toString();
}

QJsonObject withMetaMediaId(QJsonObject request, const QString &metaMediaId)
{
    const auto replaceKey = [&metaMediaId](QJsonObject media) {
        media.remove(KeyField);
        media.insert(QLatin1String("id"), metaMediaId);
        return media;
    };
    const QString type = request.value(TypeField).toString();
    QJsonObject object = request.value(type).toObject();
    if (type != QLatin1String("template")) {
        if (isMediaMessageType(type))
            request.insert(type, replaceKey(object));
        return request;
    }
    QJsonArray components = object.value(QLatin1String("components")).toArray();
    const qsizetype index = templateMediaComponent(components);
    if (index < 0)
        return request;
    QJsonObject component = components.at(index).toObject();
    QJsonArray parameters = component.value(ParametersField).toArray();
    QJsonObject parameter = parameters.at(0).toObject();
    const QString kind = parameter.value(TypeField).toString();
    parameter.insert(kind, replaceKey(parameter.value(kind).toObject()));
    parameters.replace(0, parameter);
    component.insert(ParametersField, parameters);
    components.replace(index, component);
    object.insert(QLatin1String("components"), components);
    request.insert(type, object);
    return request;
}

bool queueOutbound(WriteTxn &txn, Conversation &conversation, Message &message,
                   const QJsonObject &content)
{
    message.conversationId = conversation.id;
    message.direction = Protocol::Direction::Out;
    message.status = QStringLiteral("pending");
    message.payload = outboundRequest(conversation.contact, content);
    if (!ConversationRepo::insertMessage(txn, message) ||
        OutboxRepo::enqueue(txn, message.id, message.payload) == 0)
        return false;
    conversation.lastMessageAt = message.timestamp;
    conversation.lastMessageId = message.id;
    conversation.lastMessage = message;
    return true;
}

} // namespace Serambi::Relay
