#pragma once

#include <QString>
#include <QTextStream>

namespace Serambi::Relay {

struct RelayConfig;

// `serambi-relay report --from YYYY-MM-DD --to YYYY-MM-DD [--agent NAME] [--csv]`: the report
// command's figures (docs/reports.md) for Asia/Jakarta days from..to, as aligned text or CSV.
// Exit code 0 when printed, 1 when the database failed, 2 for a bad period or agent.
int printReport(const RelayConfig &config, const QString &from, const QString &to,
                const QString &agent, bool csv, QTextStream &out, QTextStream &err);

} // namespace Serambi::Relay
