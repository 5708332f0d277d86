#include "capabilities.h"

#include "store/outbound.h"

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
    cloud.mediaUpload = true;
    cloud.messagesPerSecond = 80;
    return cloud;
}

ChannelCapabilities twilioCapabilities()
{
    using Protocol::MediaKind;
    ChannelCapabilities twilio;
    twilio.templates = true;
    twilio.mediaKinds = {MediaKind::Image, MediaKind::Video, MediaKind::Audio, MediaKind::Document};
    twilio.messagesPerSecond = 10;
    return twilio;
}

QString capabilityRefusal(const ChannelCapabilities &capabilities, const QJsonObject &request)
{
    const QString type = request.value(QLatin1String("type")).toString();
    if (type == QLatin1String("interactive") && !capabilities.interactive)
        return QStringLiteral("this channel cannot send interactive messages");
    if (type == QLatin1String("reaction") && !capabilities.reactions)
        return QStringLiteral("this channel cannot send reactions");
    if (type == QLatin1String("template") && !capabilities.templates)
        return QStringLiteral("this channel cannot send templates");
    const auto kind = Protocol::mediaKindFromName(type);
    if (kind && !capabilities.mediaKinds.contains(*kind))
        return QStringLiteral("this channel cannot send %1").arg(type);
    if (!capabilities.mediaUpload && !outboundMediaKey(request).isEmpty())
        return QStringLiteral("this channel sends media only from a public URL, not a stored file");
    return {};
}

} // namespace Serambi::Relay
