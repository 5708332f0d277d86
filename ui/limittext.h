#pragma once

#include "protocol/interactivelimits.h"

#include <QCoreApplication>
#include <QString>

namespace Serambi::Ui {

// The sentence an agent reads for one problem of an interactive message
// (Protocol::checkInteractive): which field, in words, and what is wrong with it, made from the
// problem's path, kind and limit in the user's language.
class LimitText
{
    Q_DECLARE_TR_FUNCTIONS(LimitText)

public:
    static QString describe(const Protocol::LimitProblem &problem);
    // "Button 2 title", "Section 1, row 3 description", … for a path.
    static QString field(const QString &path);
};

} // namespace Serambi::Ui
