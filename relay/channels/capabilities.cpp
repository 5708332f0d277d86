#include "capabilities.h"

namespace Serambi::Relay {

qint64 ChannelCapabilities::maxMediaBytes(Protocol::MediaKind kind) const
{
    return takesMedia(kind) ? Protocol::maxMediaBytes(kind) : 0;
}

bool ChannelCapabilities::allowsMessageType(const QString &type) const
{
    if (const auto kind = Protocol::mediaKindFromName(type))
        return takesMedia(*kind);
    if (type == QLatin1String("interactive"))
        return interactive;
    if (type == QLatin1String("template"))
        return templates;
    if (type == QLatin1String("reaction"))
        return reactions;
    return true; // text, location, contacts
}

ChannelCapabilities cloudApiCapabilities()
{
    using Protocol::MediaKind;
    ChannelCapabilities cloud;
    cloud.interactive = true;
    cloud.templates = true;
    cloud.reactions = true;
    cloud.typing = true;
    cloud.readReceipts = true;
    cloud.mediaKinds = {MediaKind::Image, MediaKind::Video, MediaKind::Audio, MediaKind::Document,
                        MediaKind::Sticker};
    cloud.messagesPerSecond = 80;
    return cloud;
}

} // namespace Serambi::Relay
