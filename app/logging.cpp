#include "logging.h"

Q_LOGGING_CATEGORY(lcConsole, "serambi.console")
