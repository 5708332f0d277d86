#include "logging.h"

Q_LOGGING_CATEGORY(lcHub, "serambi.relay.hub")
