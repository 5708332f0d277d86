#include "channelpayload.h"

#include "keys.h"

namespace Serambi::Protocol {

QJsonObject ChannelPayload::toJson() const
{
    return {{Key::Name, name}, {Key::Label, label}, {Key::Color, color}};
}

ChannelPayload ChannelPayload::fromJson(const QJsonObject &json)
{
    ChannelPayload channel;
    channel.name = json.value(Key::Name).toString();
    channel.label = json.value(Key::Label).toString();
    if (channel.label.isEmpty())
        channel.label = channel.name;
    channel.color = json.value(Key::Color).toString();
    return channel;
}

bool ChannelPayload::operator==(const ChannelPayload &other) const
{
    return name == other.name && label == other.label && color == other.color;
}

namespace {
const QLatin1String ChannelsKey("channels");
} // namespace

void insertChannels(QJsonObject &relay, const QList<ChannelPayload> &channels)
{
    QJsonArray array;
    for (const ChannelPayload &channel : channels)
        array.append(channel.toJson());
    relay.insert(ChannelsKey, array);
}

QList<ChannelPayload> channelsOf(const QJsonObject &relay)
{
    QList<ChannelPayload> channels;
    for (const QJsonValue &value : relay.value(ChannelsKey).toArray())
        channels.append(ChannelPayload::fromJson(value.toObject()));
    return channels;
}

} // namespace Serambi::Protocol
