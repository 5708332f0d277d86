#pragma once

#include <QLoggingCategory>

namespace Serambi::Sim {

// The simulator's one logging category. Message bodies and secrets never go here.
Q_DECLARE_LOGGING_CATEGORY(lcSim)

} // namespace Serambi::Sim
