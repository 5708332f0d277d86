#pragma once

#include "commandrunner.h"
#include "protocol/commands.h"

namespace Serambi::Relay {

// The function that runs a state-changing command in the writer's transaction (every
// command but the reads and sync_templates); nullptr for any other command.
WriteCommand findWriteCommand(Protocol::Command command);

} // namespace Serambi::Relay
