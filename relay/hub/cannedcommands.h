#pragma once

#include "commandrunner.h"

#include <QSqlDatabase>

namespace Serambi::Relay {

inline constexpr int MaxCannedShortcutLength = 32;
inline constexpr int MaxCannedTitleLength = 80;

// save_canned {id?, shortcut, title?, text}: adds or edits a canned response (canned.updated).
CommandReply saveCanned(CommandContext &context);
// delete_canned {id}: removes one (canned.deleted).
CommandReply deleteCanned(CommandContext &context);
// list_canned (read): {"canned": [...]}, by shortcut.
CommandReply listCannedCommand(QSqlDatabase &db);

} // namespace Serambi::Relay
