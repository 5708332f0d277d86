#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The support floor as frames carry it (docs/protocol.md, "Presence and teams"): an agent's
// presence and the teams chats are routed to. One struct per object with one toJson and one
// fromJson; the JSON keys and presence names are spelled only in floorpayloads.cpp.
namespace Serambi::Protocol {

// Whether an agent takes chats: online (a console connected and not away), away (set by hand
// or after idle input), offline (no console connected). Only online agents are auto-assigned.
enum class Presence { Online, Away, Offline };
QLatin1String presenceName(Presence presence);
std::optional<Presence> presenceFromName(const QString &name);

// presence.changed: one user's presence now.
struct PresencePayload
{
    qint64 userId = 0;
    QString username;
    Presence presence = Presence::Offline;

    QJsonObject toJson() const;
    static PresencePayload fromJson(const QJsonObject &json);
    bool operator==(const PresencePayload &other) const;
};

// A team as list_teams lists it: its name and its members' usernames.
struct TeamPayload
{
    qint64 id = 0;
    QString name;
    QStringList members;

    QJsonObject toJson() const;
    static TeamPayload fromJson(const QJsonObject &json);
    bool operator==(const TeamPayload &other) const;
};

} // namespace Serambi::Protocol
