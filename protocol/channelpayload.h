#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The relay's channels as the welcome lists them (docs/protocol.md, "welcome"): the WhatsApp
// numbers it serves, each with how consoles show its chats. The keys are spelled only in
// channelpayload.cpp.
namespace Serambi::Protocol {

struct ChannelPayload
{
    QString name;  // as conversations carry it in `channel`
    QString label; // shown on its chats; the name when the relay has none
    QString color; // #rrggbb, or empty

    QJsonObject toJson() const;
    static ChannelPayload fromJson(const QJsonObject &json);
    bool operator==(const ChannelPayload &other) const;
};

// The welcome's `relay` object carries them as `channels`.
void insertChannels(QJsonObject &relay, const QList<ChannelPayload> &channels);
QList<ChannelPayload> channelsOf(const QJsonObject &relay);

} // namespace Serambi::Protocol
