#pragma once

#include "commandargs.h"

#include "store/userrepo.h"

#include <QHash>
#include <QSqlDatabase>

namespace Serambi::Relay {

// report {from, to, agent?, team?} (supervisors and admins): {"report": {...}}, the figures of
// docs/reports.md for Asia/Jakarta days from..to, priced with rates in currency.
CommandReply reportCommand(QSqlDatabase &db, const User &user, const QJsonObject &args,
                           const QHash<QString, double> &rates, const QString &currency);
// list_audit {limit?, offset?} (supervisors and admins): {"entries": [...], "more": bool},
// newest first.
CommandReply listAuditCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);

} // namespace Serambi::Relay
