#include "teamrepo.h"

#include "statementcache.h"

namespace Serambi::Relay::TeamRepo {

namespace {

const QString TeamSelect = QStringLiteral(
    "SELECT t.id, t.name, (SELECT group_concat(u.username, ' ') FROM (SELECT u.username "
    "FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = t.id ORDER BY "
    "u.username) u) FROM teams t ");

Team readTeam(const PreparedQuery &q)
{
    Team team;
    team.id = q.value(0).toLongLong();
    team.name = q.value(1).toString();
    const QString members = q.value(2).toString();
    if (!members.isEmpty())
        team.members = members.split(QLatin1Char(' '));
    return team;
}

} // namespace

bool add(QSqlDatabase &db, const QString &name, qint64 nowMs, QString *error)
{
    if (byName(db, name)) {
        *error = QStringLiteral("exists");
        return false;
    }
    PreparedQuery q(db, QStringLiteral("INSERT INTO teams (name, created_at) VALUES (?, ?)"));
    q.addBindValue(name);
    q.addBindValue(nowMs);
    if (!q.exec()) {
        *error = q.lastError();
        return false;
    }
    return true;
}

bool remove(QSqlDatabase &db, const QString &name)
{
    PreparedQuery q(db, QStringLiteral("DELETE FROM teams WHERE name = ?"));
    q.addBindValue(name);
    return execQuery(q) && q.numRowsAffected() > 0;
}

QList<Team> all(QSqlDatabase &db)
{
    PreparedQuery q(db, TeamSelect + QStringLiteral("ORDER BY t.name"));
    QList<Team> teams;
    if (!execQuery(q))
        return teams;
    while (q.next())
        teams.append(readTeam(q));
    return teams;
}

std::optional<Team> byName(QSqlDatabase &db, const QString &name)
{
    PreparedQuery q(db, TeamSelect + QStringLiteral("WHERE t.name = ?"));
    q.addBindValue(name);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readTeam(q);
}

bool addMember(QSqlDatabase &db, qint64 teamId, qint64 userId)
{
    PreparedQuery q(
        db, QStringLiteral("INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)"));
    q.addBindValue(teamId);
    q.addBindValue(userId);
    return execQuery(q) && q.numRowsAffected() > 0;
}

bool removeMember(QSqlDatabase &db, qint64 teamId, qint64 userId)
{
    PreparedQuery q(db,
                    QStringLiteral("DELETE FROM team_members WHERE team_id = ? AND user_id = ?"));
    q.addBindValue(teamId);
    q.addBindValue(userId);
    return execQuery(q) && q.numRowsAffected() > 0;
}

QHash<qint64, QSet<qint64>> membersByTeam(QSqlDatabase &db)
{
    QHash<qint64, QSet<qint64>> members;
    PreparedQuery q(db, QStringLiteral("SELECT team_id, user_id FROM team_members"));
    if (!execQuery(q))
        return members;
    while (q.next())
        members[q.value(0).toLongLong()].insert(q.value(1).toLongLong());
    return members;
}

QHash<qint64, QStringList> teamNamesByUser(QSqlDatabase &db)
{
    QHash<qint64, QStringList> names;
    PreparedQuery q(db, QStringLiteral("SELECT m.user_id, t.name FROM team_members m JOIN teams t "
                                       "ON t.id = m.team_id ORDER BY t.name"));
    if (!execQuery(q))
        return names;
    while (q.next())
        names[q.value(0).toLongLong()].append(q.value(1).toString());
    return names;
}

} // namespace Serambi::Relay::TeamRepo
