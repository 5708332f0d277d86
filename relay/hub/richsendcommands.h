#pragma once

#include "commandrunner.h"

namespace Serambi::Relay {

// send_interactive {conversation_id, interactive, reply_to?, draft_id?}: a button, list or
// cta_url message, checked against Meta's limits first.
CommandReply sendInteractive(CommandContext &context);
// send_template {conversation_id, name, language, parameters?}: an approved template, checked
// against the stored one; allowed when the window is closed.
CommandReply sendTemplate(CommandContext &context);
// send_reaction {conversation_id, message_id, emoji}: reacts to a customer message ("" removes).
CommandReply sendReaction(CommandContext &context);

} // namespace Serambi::Relay
