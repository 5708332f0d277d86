#pragma once

#include "commandargs.h"
#include "protocol/floorpayloads.h"
#include "store/userrepo.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Serambi::Relay {

inline constexpr int DefaultHistoryLimit = 50;
inline constexpr int MaxHistoryLimit = 200;

// Read-only commands: they run on the hub's read connection and are not recorded.

// history {conversation_id, before_id?, limit?}: {"messages": [...]}, oldest first.
CommandReply historyCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);

// list_agents: {"agents": [{id, username, display_name, role, online, presence, teams}],
// "capacity"}, supervisors only.
CommandReply listAgentsCommand(QSqlDatabase &db, const User &user,
                               const std::function<Protocol::Presence(qint64)> &presenceOf,
                               int capacity);

// list_kb_suggestions: {"groups": [...]} (docs/protocol.md), supervisors and admins only.
CommandReply listKbSuggestionsCommand(QSqlDatabase &db, const User &user);

// list_templates: {"templates": [...], "synced_at"} as the last sync stored them.
CommandReply listTemplatesCommand(QSqlDatabase &db);

// typing {conversation_id}: the conversation whose customer should see the caller typing, when
// the caller may answer it (not_found, forbidden); 0 when its window is closed.
std::optional<qint64> typingConversation(QSqlDatabase &db, const User &user,
                                         const QJsonObject &args, qint64 nowMs, qint64 windowMs,
                                         CommandReply *refusal);

} // namespace Serambi::Relay
