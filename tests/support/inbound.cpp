#include "inbound.h"

#include <QJsonArray>

namespace Serambi::Test {

QJsonObject inbound(const InboundText &message)
{
    const QJsonObject text{
        {QStringLiteral("from"), message.waId},
        {QStringLiteral("id"), message.wamid},
        {QStringLiteral("timestamp"), QString::number(message.timestampSecs)},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), message.text}}}};
    const QJsonObject value{
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("display_phone_number"), message.displayPhoneNumber},
                     {QStringLiteral("phone_number_id"), message.phoneNumberId}}},
        {QStringLiteral("contacts"),
         QJsonArray{QJsonObject{{QStringLiteral("profile"),
                                 QJsonObject{{QStringLiteral("name"), message.profileName}}},
                                {QStringLiteral("wa_id"), message.waId}}}},
        {QStringLiteral("messages"), QJsonArray{text}}};
    return {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
            {QStringLiteral("entry"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("id"), message.wabaId},
                 {QStringLiteral("changes"),
                  QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("messages")},
                                         {QStringLiteral("value"), value}}}}}}}};
}

} // namespace Serambi::Test
