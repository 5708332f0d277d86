#include "reportadmin.h"

#include "admindatabase.h"

#include "config/relayconfig.h"
#include "reports/reportcsv.h"
#include "reports/reportquery.h"
#include "store/userrepo.h"

namespace Serambi::Relay {

int printReport(const RelayConfig &config, const QString &from, const QString &to,
                const QString &agent, bool csv, QTextStream &out, QTextStream &err)
{
    ReportRequest request;
    QString problem;
    if (!Reports::readPeriod(from, to, &request, &problem)) {
        err << "serambi-relay: " << problem << '\n';
        return 2;
    }
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    if (!agent.isEmpty()) {
        const auto user = UserRepo::byName(database.db(), agent);
        if (!user) {
            err << "serambi-relay: no user " << agent << '\n';
            return 2;
        }
        request.agentId = user->id;
        request.agentUsername = user->username;
    }
    request.rates = config.metaRates;
    request.currency = config.metaCurrency;
    const auto report = Reports::compute(database.db(), request, &error);
    if (!report) {
        err << "serambi-relay: cannot compute the report: " << error << '\n';
        return 1;
    }
    const auto tables = Reports::reportTables(*report);
    out << (csv ? Reports::toCsv(tables) : Reports::toText(tables));
    return 0;
}

} // namespace Serambi::Relay
