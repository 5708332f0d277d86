#include "reportcommands.h"

#include "auth/visibility.h"
#include "logging/relaylogging.h"
#include "protocol/keys.h"
#include "reports/auditlog.h"
#include "reports/reportquery.h"
#include "store/teamrepo.h"

#include <QJsonArray>

#include <cmath>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

CommandReply reportCommand(QSqlDatabase &db, const User &user, const QJsonObject &args,
                           const QHash<QString, double> &rates, const QString &currency)
{
    if (!isSupervisor(user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    ReportRequest request;
    QString problem;
    if (!Reports::readPeriod(args.value(Key::From).toString(), args.value(Key::To).toString(),
                             &request, &problem))
        return CommandReply::refusal(ErrorCode::InvalidArgument, problem);
    if (const QString team = args.value(Key::Team).toString(); !team.isEmpty()) {
        const auto found = TeamRepo::byName(db, team);
        if (!found)
            return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such team"));
        request.teamId = found->id;
        request.teamName = found->name;
    }
    if (const QString agent = args.value(Key::Agent).toString(); !agent.isEmpty()) {
        const auto found = UserRepo::byName(db, agent);
        if (!found)
            return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such user"));
        request.agentId = found->id;
        request.agentUsername = found->username;
    }
    request.rates = rates;
    request.currency = currency;
    QString error;
    const auto report = Reports::compute(db, request, &error);
    if (!report) {
        qCWarning(lcHub) << "cannot compute a report:" << error;
        return CommandReply::refusal(ErrorCode::Internal);
    }
    return CommandReply::success({{Key::Report, report->toJson()}});
}

CommandReply listAuditCommand(QSqlDatabase &db, const User &user, const QJsonObject &args)
{
    if (!isSupervisor(user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    int limit = AuditLog::DefaultPage;
    if (!isAbsent(args, Key::Limit)) {
        const auto value = positiveInteger(args.value(Key::Limit));
        if (!value || *value > AuditLog::MaxPage)
            return CommandReply::refusal(
                ErrorCode::InvalidArgument,
                QStringLiteral("limit must be a whole number from 1 to %1").arg(AuditLog::MaxPage));
        limit = int(*value);
    }
    int offset = 0;
    if (!isAbsent(args, Key::Offset)) {
        const double value = args.value(Key::Offset).toDouble(-1);
        if (value < 0 || value != std::floor(value) || value > 1e9)
            return CommandReply::refusal(
                ErrorCode::InvalidArgument,
                QStringLiteral("offset must be a whole number, 0 or more"));
        offset = int(value);
    }
    bool more = false;
    const auto entries = AuditLog::page(db, offset, limit, &more);
    if (!entries)
        return CommandReply::refusal(ErrorCode::Internal);
    QJsonArray array;
    for (const Protocol::AuditEntry &entry : *entries)
        array.append(entry.toJson());
    return CommandReply::success({{Key::Entries, array}, {Key::More, more}});
}

} // namespace Serambi::Relay
