#include "simlogging.h"

namespace Serambi::Sim {

Q_LOGGING_CATEGORY(lcSim, "serambi.sim", QtInfoMsg)

} // namespace Serambi::Sim
