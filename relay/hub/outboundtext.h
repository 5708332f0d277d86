#pragma once

#include "store/conversationrepo.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// Longest free-form text body WhatsApp accepts.
inline constexpr int MaxTextLength = 4096;

// The Graph API body of a text message to contact: "to" the phone number when known, else
// "recipient" the BSUID; a quoted reply when replyTo (a wamid) is set.
QJsonObject textMessageRequest(const Contact &contact, const QString &text, const QString &replyTo);

} // namespace Serambi::Relay
