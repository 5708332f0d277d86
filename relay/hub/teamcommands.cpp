#include "teamcommands.h"

#include "protocol/keys.h"
#include "store/teamrepo.h"

#include <QJsonArray>

namespace Serambi::Relay {

CommandReply listTeamsCommand(QSqlDatabase &db)
{
    QJsonArray teams;
    for (const Team &team : TeamRepo::all(db))
        teams.append(team.toJson());
    return CommandReply::success({{Protocol::Key::Teams, teams}});
}

} // namespace Serambi::Relay
