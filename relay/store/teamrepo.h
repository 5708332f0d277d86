#pragma once

#include "protocol/floorpayloads.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

using Team = Protocol::TeamPayload;

// Teams agents belong to (migration 12). Names are unique regardless of case. Changed by
// `serambi-relay team ...`; read by list_teams, routing, transfer and auto-assignment.
namespace TeamRepo {

// false with *error "exists" when a team of that name exists.
bool add(QSqlDatabase &db, const QString &name, qint64 nowMs, QString *error);
// Removes the team; its chats leave its queue (no team). false when there is no such team.
bool remove(QSqlDatabase &db, const QString &name);
// Every team with its members' usernames, by name.
QList<Team> all(QSqlDatabase &db);
std::optional<Team> byName(QSqlDatabase &db, const QString &name);
// false when the user is already a member or the insert failed.
bool addMember(QSqlDatabase &db, qint64 teamId, qint64 userId);
// false when the user was not a member.
bool removeMember(QSqlDatabase &db, qint64 teamId, qint64 userId);
// The ids of each team's members.
QHash<qint64, QSet<qint64>> membersByTeam(QSqlDatabase &db);
// Each user's team names, by name.
QHash<qint64, QStringList> teamNamesByUser(QSqlDatabase &db);

} // namespace TeamRepo
} // namespace Serambi::Relay
