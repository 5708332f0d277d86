#include "outboundtext.h"

namespace Serambi::Relay {

QJsonObject textMessageRequest(const Contact &contact, const QString &text, const QString &replyTo)
{
    QJsonObject request{
        {QLatin1String("messaging_product"), QLatin1String("whatsapp")},
        {QLatin1String("recipient_type"), QLatin1String("individual")},
        {QLatin1String("type"), QLatin1String("text")},
        {QLatin1String("text"),
         QJsonObject{{QLatin1String("body"), text}, {QLatin1String("preview_url"), false}}},
    };
    if (!contact.waId.isEmpty())
        request.insert(QLatin1String("to"), QString(QLatin1Char('+') + contact.waId));
    else
        request.insert(QLatin1String("recipient"), contact.userId);
    if (!replyTo.isEmpty())
        request.insert(QLatin1String("context"),
                       QJsonObject{{QLatin1String("message_id"), replyTo}});
    return request;
}

} // namespace Serambi::Relay
