#pragma once

#include "commandargs.h"
#include "store/userrepo.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>

namespace Serambi::Relay {

inline constexpr int DefaultHistoryLimit = 50;
inline constexpr int MaxHistoryLimit = 200;

// Read-only commands: they run on the hub's read connection and are not recorded.

// history {conversation_id, before_id?, limit?}: {"messages": [...]}, oldest first.
CommandReply historyCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);

// list_agents: {"agents": [{id, username, display_name, role, online}]}, supervisors only.
CommandReply listAgentsCommand(QSqlDatabase &db, const User &user,
                               const QSet<qint64> &onlineUserIds);

} // namespace Serambi::Relay
