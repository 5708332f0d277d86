#include "channelpayload.h"

#include "keys.h"

namespace Serambi::Protocol {

namespace {
const QLatin1String ProviderKey("provider");
const QLatin1String CapabilitiesKey("capabilities");
const QLatin1String InteractiveKey("interactive");
const QLatin1String TemplatesKey("templates");
const QLatin1String ReactionsKey("reactions");
const QLatin1String MediaKey("media");
const QLatin1String ChannelsKey("channels");
} // namespace

bool ChannelCapabilitiesPayload::operator==(const ChannelCapabilitiesPayload &other) const
{
    return interactive == other.interactive && templates == other.templates &&
           reactions == other.reactions && media == other.media;
}

bool ChannelPayload::operator==(const ChannelPayload &other) const
{
    return name == other.name && label == other.label && color == other.color &&
           provider == other.provider && capabilities == other.capabilities;
}

QJsonObject ChannelPayload::toJson() const
{
    QJsonObject capable{{InteractiveKey, capabilities.interactive},
                        {TemplatesKey, capabilities.templates},
                        {ReactionsKey, capabilities.reactions}};
    if (capabilities.media)
        capable.insert(MediaKey, QJsonArray::fromStringList(*capabilities.media));
    return {{Key::Name, name},
            {Key::Label, label},
            {Key::Color, color},
            {ProviderKey, provider},
            {CapabilitiesKey, capable}};
}

ChannelPayload ChannelPayload::fromJson(const QJsonObject &json)
{
    ChannelPayload channel;
    channel.name = json.value(Key::Name).toString();
    channel.label = json.value(Key::Label).toString();
    if (channel.label.isEmpty())
        channel.label = channel.name;
    channel.color = json.value(Key::Color).toString();
    channel.provider = json.value(ProviderKey).toString();
    const QJsonObject capable = json.value(CapabilitiesKey).toObject();
    channel.capabilities.interactive = capable.value(InteractiveKey).toBool(true);
    channel.capabilities.templates = capable.value(TemplatesKey).toBool(true);
    channel.capabilities.reactions = capable.value(ReactionsKey).toBool(true);
    if (capable.value(MediaKey).isArray())
        channel.capabilities.media = capable.value(MediaKey).toVariant().toStringList();
    return channel;
}

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
