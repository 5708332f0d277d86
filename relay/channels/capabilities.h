#pragma once

#include "protocol/medialimits.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Serambi::Relay {

// What one provider can carry to WhatsApp (docs/architecture.md, "Channels"). The outbox keeps
// to its rate; read receipts and the typing indicator go only where it has them.
struct ChannelCapabilities
{
    bool interactive = false;  // reply buttons and lists
    bool templates = false;    // approved templates (outside the 24-hour window)
    bool reactions = false;    // emoji reactions to a customer's message
    bool typing = false;       // the typing indicator
    bool readReceipts = false; // blue ticks when an agent reads the chat
    QList<Protocol::MediaKind> mediaKinds;
    bool mediaUpload = false;  // takes a file's bytes; false: media only from a public URL
    int messagesPerSecond = 1; // the provider's sending rate for one number
};

// The WhatsApp Cloud API's own table (whatsapp-cloud-api.md): everything, 80 messages a second.
ChannelCapabilities cloudApiCapabilities();

// Twilio's Messages resource (docs/providers/twilio.md §8): text, templates as Content
// templates, image, video, audio and documents from a public URL; no interactive messages,
// reactions, typing or read receipts; 10 messages a second.
ChannelCapabilities twilioCapabilities();

// Why channel cannot send request (an outbound message in the Cloud API's shape) as its table
// stands, or an empty string when it can.
QString capabilityRefusal(const ChannelCapabilities &capabilities, const QJsonObject &request);

} // namespace Serambi::Relay
