#include "channelset.h"

namespace Serambi::Relay {

Channel *ChannelSet::find(const QString &name) const
{
    for (const auto &channel : m_channels) {
        if (channel->name() == name)
            return channel.get();
    }
    return nullptr;
}

} // namespace Serambi::Relay
