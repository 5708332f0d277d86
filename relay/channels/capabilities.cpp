#include "capabilities.h"

namespace Serambi::Relay {

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
