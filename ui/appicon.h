#pragma once

#include <QIcon>

namespace Serambi::Ui {

// Serambi's icon: a porch roof over a chat bubble. Uses resources/icons/serambi.svg when Qt
// can render SVG, otherwise paints the same drawing, so it is sharp at every size.
QIcon appIcon();

} // namespace Serambi::Ui
