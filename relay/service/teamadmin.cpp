#include "teamadmin.h"

#include "admindatabase.h"
#include "config/relayconfig.h"
#include "protocol/commandargs.h"
#include "store/teamrepo.h"
#include "store/userrepo.h"

#include <QDateTime>

namespace Serambi::Relay {

namespace {

const char Usage[] = "usage: serambi-relay team add|remove NAME\n"
                     "       serambi-relay team list\n"
                     "       serambi-relay team member add|remove TEAM USER\n";

int addTeam(QSqlDatabase &db, const QString &name, QTextStream &out, QTextStream &err)
{
    if (name.trimmed() != name || name.isEmpty() ||
        name.size() > Protocol::ArgumentLimits::TeamName || name.contains(QLatin1Char(':')) ||
        name.contains(QLatin1Char(','))) {
        err << "serambi-relay: a team name has 1 to " << Protocol::ArgumentLimits::TeamName
            << " characters, no ':' or ',' and no spaces at either end\n";
        return 2;
    }
    QString error;
    if (!TeamRepo::add(db, name, QDateTime::currentMSecsSinceEpoch(), &error)) {
        if (error == QLatin1String("exists"))
            err << "serambi-relay: a team named " << name << " already exists\n";
        else
            err << "serambi-relay: cannot add the team: " << error << '\n';
        return 1;
    }
    out << "added team " << name << '\n';
    return 0;
}

int changeMember(QSqlDatabase &db, bool add, const QString &teamName, const QString &username,
                 QTextStream &out, QTextStream &err)
{
    const auto team = TeamRepo::byName(db, teamName);
    if (!team) {
        err << "serambi-relay: no team named " << teamName << '\n';
        return 1;
    }
    const auto user = UserRepo::byName(db, username);
    if (!user) {
        err << "serambi-relay: no user named " << username << '\n';
        return 1;
    }
    if (add ? !TeamRepo::addMember(db, team->id, user->id)
            : !TeamRepo::removeMember(db, team->id, user->id)) {
        err << "serambi-relay: " << username << (add ? " is already in " : " is not in ")
            << team->name << '\n';
        return 1;
    }
    out << (add ? "added " : "removed ") << username << (add ? " to " : " from ") << team->name
        << '\n';
    return 0;
}

} // namespace

int runTeamAdmin(const RelayConfig &config, const QStringList &args, QTextStream &out,
                 QTextStream &err)
{
    const QString action = args.value(0);
    const bool known =
        (action == QLatin1String("list") && args.size() == 1) ||
        ((action == QLatin1String("add") || action == QLatin1String("remove")) &&
         args.size() == 2) ||
        (action == QLatin1String("member") && args.size() == 4 &&
         (args.at(1) == QLatin1String("add") || args.at(1) == QLatin1String("remove")));
    if (!known) {
        err << Usage;
        return 2;
    }
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    QSqlDatabase &db = database.db();
    if (action == QLatin1String("list")) {
        for (const Team &team : TeamRepo::all(db))
            out << team.name << '\t' << team.members.join(QLatin1Char(' ')) << '\n';
        return 0;
    }
    if (action == QLatin1String("add"))
        return addTeam(db, args.at(1), out, err);
    if (action == QLatin1String("remove")) {
        if (!TeamRepo::remove(db, args.at(1))) {
            err << "serambi-relay: no team named " << args.at(1) << '\n';
            return 1;
        }
        out << "removed team " << args.at(1) << " (its chats leave its queue)\n";
        return 0;
    }
    return changeMember(db, args.at(1) == QLatin1String("add"), args.at(2), args.at(3), out, err);
}

} // namespace Serambi::Relay
