#pragma once

#include "commandrunner.h"

#include <QSqlDatabase>

namespace Serambi::Relay {

inline constexpr int MaxMentionsListed = 100;

// add_note {conversation_id, text}: an internal note in a chat the caller sees, never sent to
// the customer; every @username of a colleague who sees the chat becomes a mention
// (note.created, one mention.created per mentioned colleague).
CommandReply addNote(CommandContext &context);
// list_notes {conversation_id} (read): {"notes": [...]}, oldest first.
CommandReply listNotesCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);
// list_mentions (read): {"mentions": [...]}, the caller's newest first.
CommandReply listMentionsCommand(QSqlDatabase &db, const User &user);

} // namespace Serambi::Relay
