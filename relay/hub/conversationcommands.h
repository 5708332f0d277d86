#pragma once

#include "commandrunner.h"

#include <QString>

namespace Serambi::Relay {

// The state-changing commands: send_text, send_interactive, send_template, send_reaction,
// mark_read, take_over, hand_back, resolve, assign, set_ai_mode, discard_draft,
// regenerate_draft, save_canned, delete_canned. nullptr when name is none of them.
WriteCommand findWriteCommand(const QString &name);

} // namespace Serambi::Relay
