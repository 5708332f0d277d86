#include "floorpayloads.h"

#include "keys.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {
const QLatin1String MembersKey("members");

constexpr std::array<std::pair<Presence, const char *>, 3> PresenceNames{{
    {Presence::Online, "online"},
    {Presence::Away, "away"},
    {Presence::Offline, "offline"},
}};
} // namespace

QLatin1String presenceName(Presence presence)
{
    for (const auto &[value, name] : PresenceNames) {
        if (value == presence)
            return QLatin1String(name);
    }
    return {};
}

std::optional<Presence> presenceFromName(const QString &name)
{
    for (const auto &[value, text] : PresenceNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QJsonObject PresencePayload::toJson() const
{
    return {
        {Key::UserId, userId}, {Key::Username, username}, {Key::Presence, presenceName(presence)}};
}

PresencePayload PresencePayload::fromJson(const QJsonObject &json)
{
    PresencePayload payload;
    payload.userId = json.value(Key::UserId).toInteger();
    payload.username = json.value(Key::Username).toString();
    payload.presence =
        presenceFromName(json.value(Key::Presence).toString()).value_or(Presence::Offline);
    return payload;
}

bool PresencePayload::operator==(const PresencePayload &other) const
{
    return userId == other.userId && username == other.username && presence == other.presence;
}

QJsonObject TeamPayload::toJson() const
{
    return {{Key::Id, id}, {Key::Name, name}, {MembersKey, QJsonArray::fromStringList(members)}};
}

TeamPayload TeamPayload::fromJson(const QJsonObject &json)
{
    TeamPayload team;
    team.id = json.value(Key::Id).toInteger();
    team.name = json.value(Key::Name).toString();
    for (const QJsonValue &member : json.value(MembersKey).toArray())
        team.members.append(member.toString());
    return team;
}

bool TeamPayload::operator==(const TeamPayload &other) const
{
    return id == other.id && name == other.name && members == other.members;
}

} // namespace Serambi::Protocol
