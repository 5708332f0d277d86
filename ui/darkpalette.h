#pragma once

#include <QPalette>

namespace Serambi::Ui {

// A dark palette for the Fusion style: what `serambi --theme dark` uses where the system
// offers none (Xvfb for the screenshots). Normally the console follows the system palette.
QPalette darkPalette();

} // namespace Serambi::Ui
