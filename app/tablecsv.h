#pragma once

#include <QString>

class QAbstractItemModel;

namespace Serambi::App {

// The model's header and rows (display text) as RFC 4180 CSV, CRLF line ends.
QString tableToCsv(const QAbstractItemModel &model);
// Writes tableToCsv(model) to path in UTF-8; false when the file cannot be written.
bool writeTableCsv(const QAbstractItemModel &model, const QString &path);

} // namespace Serambi::App
