#include "appicon.h"

namespace Serambi::Ui {

QIcon appIcon()
{
    return QIcon(QStringLiteral(":/icons/serambi.svg"));
}

} // namespace Serambi::Ui
