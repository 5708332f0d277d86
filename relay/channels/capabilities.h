#pragma once

#include "protocol/medialimits.h"

#include <QList>
#include <QString>

namespace Serambi::Relay {

// What one provider can carry to WhatsApp (docs/providers/, "Capabilities"). The relay refuses
// before sending what its channel cannot carry; consoles read it to hide or disable the rest.
struct ChannelCapabilities
{
    bool interactive = false;  // reply buttons and lists
    bool templates = false;    // approved templates (outside the 24-hour window)
    bool reactions = false;    // emoji reactions to a customer's message
    bool typing = false;       // the typing indicator
    bool readReceipts = false; // blue ticks when an agent reads the chat
    QList<Protocol::MediaKind> mediaKinds;
    int messagesPerSecond = 1; // the provider's sending rate for one number

    bool takesMedia(Protocol::MediaKind kind) const { return mediaKinds.contains(kind); }
    // The most bytes the provider takes for kind; 0 when it does not take the kind.
    qint64 maxMediaBytes(Protocol::MediaKind kind) const;
    // Whether an outbound message of this Cloud API type ("text", "image", "interactive",
    // "template", "reaction"...) can be sent.
    bool allowsMessageType(const QString &type) const;
};

// The WhatsApp Cloud API's own table (whatsapp-cloud-api.md): everything, 80 messages a second.
ChannelCapabilities cloudApiCapabilities();

} // namespace Serambi::Relay
