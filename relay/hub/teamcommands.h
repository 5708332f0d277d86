#pragma once

#include "commandargs.h"

#include <QSqlDatabase>

namespace Serambi::Relay {

// list_teams (read, any signed-in user: transfer to a team needs the names):
// {"teams": [{id, name, members}]}, by name.
CommandReply listTeamsCommand(QSqlDatabase &db);

} // namespace Serambi::Relay
