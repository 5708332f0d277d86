#pragma once

#include "commandrunner.h"

namespace Serambi::Relay {

// transfer {conversation_id, username | team, note?}: hands the chat to another user, with a
// note the receiver sees first (a note that mentions them), or puts it in a team's queue (the
// note for whoever takes it). Agents transfer their own chats, supervisors any chat.
// {"conversation": ..., "note": <note> | null}.
CommandReply transfer(CommandContext &context);

} // namespace Serambi::Relay
