#include "tablecsv.h"

#include <QAbstractItemModel>
#include <QSaveFile>
#include <QStringList>

namespace Serambi::App {

namespace {

QString field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString tableToCsv(const QAbstractItemModel &model)
{
    QString csv;
    QStringList line;
    for (int column = 0; column < model.columnCount(); ++column)
        line.append(field(model.headerData(column, Qt::Horizontal).toString()));
    csv += line.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        line.clear();
        for (int column = 0; column < model.columnCount(); ++column)
            line.append(field(model.index(row, column).data().toString()));
        csv += line.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv;
}

bool writeTableCsv(const QAbstractItemModel &model, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(tableToCsv(model).toUtf8());
    return file.commit();
}

} // namespace Serambi::App
