#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The relay's channels as the welcome lists them (docs/protocol.md, "welcome"): the WhatsApp
// numbers it serves, each with how consoles show its chats. The keys are spelled only in
// channelpayload.cpp.
namespace Serambi::Protocol {

// What agents may send through a channel (docs/protocol.md, "welcome"). A relay that does not
// say (older relays) allows everything, as the Cloud API does.
struct ChannelCapabilitiesPayload
{
    bool interactive = true; // reply buttons and lists
    bool templates = true;
    bool reactions = true;
    // The media kinds ("image", "video", "audio", "document", "sticker"); nullopt: all of them.
    std::optional<QStringList> media;

    bool allowsMedia(const QString &kind) const { return !media || media->contains(kind); }
    bool operator==(const ChannelCapabilitiesPayload &other) const;
};

struct ChannelPayload
{
    QString name;     // as conversations carry it in `channel`
    QString label;    // shown on its chats; the name when the relay has none
    QString color;    // #rrggbb, or empty
    QString provider; // "cloud", "twilio", …; empty when the relay does not say
    ChannelCapabilitiesPayload capabilities;

    QJsonObject toJson() const;
    static ChannelPayload fromJson(const QJsonObject &json);
    bool operator==(const ChannelPayload &other) const;
};

// The welcome's `relay` object carries them as `channels`.
void insertChannels(QJsonObject &relay, const QList<ChannelPayload> &channels);
QList<ChannelPayload> channelsOf(const QJsonObject &relay);

} // namespace Serambi::Protocol
