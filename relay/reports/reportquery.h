#pragma once

#include "protocol/reportpayloads.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// A report covers at most this many days (a year, leap or not).
inline constexpr int MaxReportDays = 366;

// What one report is asked for: Asia/Jakarta days from..to (both included), optionally only
// the chats one agent wrote in and/or the chats of one team, and the rates to price Meta's
// categories with.
struct ReportRequest
{
    QDate from;
    QDate to;
    qint64 agentId = 0; // 0: every chat
    QString agentUsername;
    qint64 teamId = 0; // 0: every team and none
    QString teamName;
    QHash<QString, double> rates; // per billable message, by pricing category
    QString currency;
};

namespace Reports {

// Checks a period given as YYYY-MM-DD texts into *request; false with *problem (for the user)
// when a date is malformed, to is before from, or the period is longer than MaxReportDays.
bool readPeriod(const QString &from, const QString &to, ReportRequest *request, QString *problem);
// The figures of docs/reports.md, computed by SQL on db; nullopt (with *error) when the store
// failed.
std::optional<Protocol::ReportPayload> compute(QSqlDatabase &db, const ReportRequest &request,
                                               QString *error);
// ms since epoch of midnight starting day in Asia/Jakarta (UTC+7 all year).
qint64 jakartaMidnightMs(const QDate &day);
// Median and 90th percentile by nearest rank: the value at rank ceil(p * n) of the sorted list.
Protocol::DurationStats durationStats(QList<qint64> durations);
// Levenshtein distance in UTF-16 code units: insertions, deletions and substitutions.
int editDistance(const QString &a, const QString &b);

} // namespace Reports

} // namespace Serambi::Relay
