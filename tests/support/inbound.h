#pragma once

#include <QJsonObject>
#include <QString>

namespace Serambi::Test {

// A customer's text message as Meta delivers it to the relay's /webhook.
struct InboundText
{
    QString phoneNumberId = QStringLiteral("100200300"); // the business number it reached
    QString displayPhoneNumber = QStringLiteral("15550001234");
    QString wabaId = QStringLiteral("102290129340398");
    QString waId;        // the customer
    QString profileName; // the customer's WhatsApp name
    QString wamid;
    QString text;
    qint64 timestampSecs = 0; // Unix seconds
};

// The webhook body (object, entry[].changes[].value with metadata, contacts and messages) that
// carries message (whatsapp-cloud-api.md, "Webhooks: messages").
QJsonObject inbound(const InboundText &message);

} // namespace Serambi::Test
