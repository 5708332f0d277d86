#pragma once

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// Longest free-form text body WhatsApp accepts.
inline constexpr int MaxTextLength = 4096;

// The content of a text message (see outboundRequest): no link preview, a quoted reply when
// replyTo (a wamid) is set.
QJsonObject textMessageContent(const QString &text, const QString &replyTo);

} // namespace Serambi::Relay
