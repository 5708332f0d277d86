#pragma once

#include "commandrunner.h"

namespace Serambi::Relay {

// transfer {conversation_id, username, note?}: hands the chat to another user, with a note the
// receiver sees first (a note that mentions them). Agents transfer their own chats,
// supervisors any chat. {"conversation": ..., "note": <note> | null}.
CommandReply transfer(CommandContext &context);

} // namespace Serambi::Relay
