#pragma once

#include "store/conversationrepo.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// Longest free-form text body WhatsApp accepts.
inline constexpr int MaxTextLength = 4096;

// The Graph API body of a message to contact: content ({"type", "<type>": {...},
// "context"?}) with messaging_product and recipient_type, "to" the phone number when known,
// else "recipient" the BSUID.
QJsonObject messageRequest(const Contact &contact, QJsonObject content);

// The content of a text message; a quoted reply when replyTo (a wamid) is set.
QJsonObject textContent(const QString &text, const QString &replyTo);

// messageRequest of textContent.
QJsonObject textMessageRequest(const Contact &contact, const QString &text, const QString &replyTo);

} // namespace Serambi::Relay
