#pragma once

#include <QByteArray>
#include <QString>

namespace Serambi::Test {

// Absolute path of a file under tests/data/.
QString dataPath(const QString &relative);

// Contents of a file under tests/data/; fails the current test when it cannot be read.
QByteArray readData(const QString &relative);

} // namespace Serambi::Test
