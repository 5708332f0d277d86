#pragma once

#include "webhooksender.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Serambi::Sim {

struct SimConfig;

// The simulator's webhooks in Twilio's dialect (docs/providers/twilio.md §2, §3): each message
// and each status of a Cloud API webhook body becomes one form POST signed with
// X-Twilio-Signature for url. Messages carry MessageSid (twilioMessageSid of the wamid), From,
// To, Body, ProfileName, WaId, NumMedia with MediaUrl0 (under mediaBase, served by TwilioApi)
// and MediaContentType0, Latitude/Longitude/Address/Label, ButtonText/ButtonPayload for button
// and interactive replies, OriginalRepliedMessageSid; statuses carry MessageSid, MessageStatus
// and, when failed, ErrorCode and ErrorMessage.
QList<WebhookDelivery> twilioDeliveries(const SimConfig &config, const QUrl &mediaBase,
                                        const QByteArray &metaBody, const QUrl &url);

} // namespace Serambi::Sim
