#pragma once

#include "channels/webhookpayload.h"
#include "twilioform.h"

#include <QString>

#include <optional>

namespace Serambi::Relay {

// The WhatsApp address of an E.164 number at Twilio: "whatsapp:+6281234567890".
QString whatsAppAddress(const QString &e164);

// Parses a verified Twilio webhook (docs/providers/twilio.md §2, §3): a status callback when it
// carries an outbound MessageStatus, else a customer's message. Messages come out in the Cloud
// API's shape (raw is a messages[] object: text, image/video/audio/document with the media URL
// as its id, location, button), filed under businessNumber; statuses are mapped onto the
// relay's (queued and the like: pending; failed, undelivered, canceled: failed with ErrorCode).
// A request for another sender than ourAddress leaves the batch empty and names it in
// *foreignAddress. nullopt with *error when MessageSid is missing, or a message does not come
// from a whatsapp: address.
std::optional<WebhookBatch> parseTwilioWebhook(const FormParams &params, const QString &ourAddress,
                                               const QString &businessNumber, QString *error,
                                               QString *foreignAddress);

} // namespace Serambi::Relay
