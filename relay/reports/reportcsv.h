#pragma once

#include "protocol/reportpayloads.h"

#include <QList>
#include <QStringList>

namespace Serambi::Relay::Reports {

// One table of a report as `serambi-relay report` prints it (docs/reports.md).
struct ReportTable
{
    QString name;
    QStringList header;
    QList<QStringList> rows;
};

// The report's tables: summary, days, hours, handoffs, agents, meta_cost. Durations in seconds.
QList<ReportTable> reportTables(const Protocol::ReportPayload &report);
// RFC 4180 CSV: each table as its name on a line, its header, its rows, then an empty line.
QString toCsv(const QList<ReportTable> &tables);
// The same tables for reading in a terminal, columns aligned.
QString toText(const QList<ReportTable> &tables);

} // namespace Serambi::Relay::Reports
