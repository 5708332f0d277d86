#pragma once

#include "webhookpayload.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// Parses a verified webhook body leniently (unknown keys ignored, ids and timestamps accepted
// as strings or numbers). Returns nullopt with *error set when the body is not JSON, not an
// object, its "object" is not "whatsapp_business_account", or "entry" is not an array.
std::optional<WebhookBatch> parseWebhook(const QByteArray &body, QString *error = nullptr);

} // namespace Serambi::Relay
