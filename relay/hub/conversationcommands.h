#pragma once

#include "commandrunner.h"

#include <QString>

namespace Serambi::Relay {

// The state-changing commands: send_text, mark_read, take_over, hand_back, resolve, assign,
// set_ai_mode. nullptr when name is none of them.
WriteCommand findWriteCommand(const QString &name);

} // namespace Serambi::Relay
