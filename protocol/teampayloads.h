#pragma once

#include "floorpayloads.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// What a team shares, as frames carry it (docs/protocol.md): its users, its canned responses and
// the business's message templates. Like payloads.h, one struct per object with one toJson and
// one fromJson; the JSON keys are spelled only in teampayloads.cpp.
namespace Serambi::Protocol {

// A user as the welcome frame and list_agents describe them.
struct UserPayload
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString role;                     // agent, supervisor, admin
    std::optional<bool> online;       // list_agents only: whether a console of theirs is connected
    std::optional<Presence> presence; // list_agents and welcome
    QStringList teams;                // list_agents only: the teams they belong to

    QJsonObject toJson() const;
    static UserPayload fromJson(const QJsonObject &json);
    bool operator==(const UserPayload &other) const;
};

struct CannedPayload
{
    qint64 id = 0;
    QString shortcut;
    QString title;
    QString text;
    qint64 authorId = 0;
    QString authorName; // the author's display name
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
    static CannedPayload fromJson(const QJsonObject &json);
    bool operator==(const CannedPayload &other) const;
};

// A message template with Meta's components passed through unchanged.
struct TemplatePayload
{
    QString name;
    QString language;
    QString category;
    QString status;          // APPROVED, PENDING, REJECTED, PAUSED, ...
    QString parameterFormat; // POSITIONAL or NAMED
    QJsonArray components;

    QJsonObject toJson() const;
    static TemplatePayload fromJson(const QJsonObject &json);
    bool operator==(const TemplatePayload &other) const;
};

} // namespace Serambi::Protocol
