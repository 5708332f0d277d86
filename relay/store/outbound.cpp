#include "outbound.h"

#include "conversationrepo.h"
#include "outboxrepo.h"

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

bool queueOutbound(WriteTxn &txn, Conversation &conversation, Message &message,
                   const QJsonObject &content)
{
    message.conversationId = conversation.id;
    message.direction = QStringLiteral("out");
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
