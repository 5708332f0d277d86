#pragma once

#include <QIcon>

namespace Serambi::Ui {

// Serambi's icon: a porch roof over a chat bubble, resources/icons/serambi.svg rendered by Qt
// SVG's icon engine, so it is sharp at every size.
QIcon appIcon();

} // namespace Serambi::Ui
