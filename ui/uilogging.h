#pragma once

#include <QLoggingCategory>

namespace Serambi::Ui {
Q_DECLARE_LOGGING_CATEGORY(lcUi)
}
