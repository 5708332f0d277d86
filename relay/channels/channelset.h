#pragma once

#include "channel.h"

#include <memory>
#include <vector>

namespace Serambi::Relay {

// The relay's channels, by name, in configuration order (the first is "main").
class ChannelSet
{
public:
    void add(std::unique_ptr<Channel> channel) { m_channels.push_back(std::move(channel)); }
    // nullptr when no channel of that name is configured (it was removed).
    Channel *find(const QString &name) const;
    const std::vector<std::unique_ptr<Channel>> &all() const { return m_channels; }

private:
    std::vector<std::unique_ptr<Channel>> m_channels;
};

} // namespace Serambi::Relay
