#pragma once

#include "channels/webhookpayload.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// Parses a verified webhook body leniently (unknown keys ignored, ids and timestamps accepted
// as strings or numbers). Returns nullopt with *error set when the body is not JSON, not an
// object, its "object" is not "whatsapp_business_account", or "entry" is not an array.
std::optional<WebhookBatch> parseWebhook(const QByteArray &body, QString *error = nullptr);

// The readable text of one messages[] object (InboundMessage::text): for an edit, its new text.
QString messageText(const QJsonObject &message);

// Removes from batch every message, status and error of a change whose phone_number_id is not
// servedNumber (another business number, or not a number at all). Returns how many changes
// were removed; *foreignNumbers receives their phone_number_ids (each once, in order).
int dropOtherNumbers(WebhookBatch &batch, const QString &servedNumber,
                     QStringList *foreignNumbers = nullptr);

} // namespace Serambi::Relay
