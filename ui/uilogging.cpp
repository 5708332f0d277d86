#include "uilogging.h"

namespace Serambi::Ui {
Q_LOGGING_CATEGORY(lcUi, "serambi.console.ui")
}
