#include "outboundtext.h"

namespace Serambi::Relay {

QJsonObject messageRequest(const Contact &contact, QJsonObject content)
{
    content.insert(QLatin1String("messaging_product"), QLatin1String("whatsapp"));
    content.insert(QLatin1String("recipient_type"), QLatin1String("individual"));
    if (!contact.waId.isEmpty())
        content.insert(QLatin1String("to"), QString(QLatin1Char('+') + contact.waId));
    else
        content.insert(QLatin1String("recipient"), contact.userId);
    return content;
}

QJsonObject textContent(const QString &text, const QString &replyTo)
{
    QJsonObject content{
        {QLatin1String("type"), QLatin1String("text")},
        {QLatin1String("text"),
         QJsonObject{{QLatin1String("body"), text}, {QLatin1String("preview_url"), false}}},
    };
    if (!replyTo.isEmpty())
        content.insert(QLatin1String("context"),
                       QJsonObject{{QLatin1String("message_id"), replyTo}});
    return content;
}

QJsonObject textMessageRequest(const Contact &contact, const QString &text, const QString &replyTo)
{
    return messageRequest(contact, textContent(text, replyTo));
}

} // namespace Serambi::Relay
