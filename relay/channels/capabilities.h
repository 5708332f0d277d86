#pragma once

#include "protocol/medialimits.h"

#include <QList>

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
    int messagesPerSecond = 1; // the provider's sending rate for one number
};

// The WhatsApp Cloud API's own table (whatsapp-cloud-api.md): everything, 80 messages a second.
ChannelCapabilities cloudApiCapabilities();

} // namespace Serambi::Relay
