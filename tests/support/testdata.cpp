#include "testdata.h"

#include <QFile>
#include <QTest>

namespace Serambi::Test {

QString dataPath(const QString &relative)
{
    return QStringLiteral(SERAMBI_TEST_DATA_DIR) + QLatin1Char('/') + relative;
}

QByteArray readData(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read test data %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

} // namespace Serambi::Test
