#include "reportsloader.h"

#include "relayclient.h"

#include "protocol/keys.h"

#include <QJsonArray>

namespace Serambi::App {

namespace Key = Protocol::Key;
using Protocol::Command;

ReportsLoader::ReportsLoader(RelayClient *relay, QObject *parent) : QObject(parent), m_relay(relay)
{}

bool ReportsLoader::loadReport(const QDate &from, const QDate &to, const QString &agent)
{
    QJsonObject args{{Key::From, from.toString(Qt::ISODate)}, {Key::To, to.toString(Qt::ISODate)}};
    if (!agent.isEmpty())
        args.insert(Key::Agent, agent);
    return sent(m_relay->request(Command::Report, args, this, [this](const RelayResult &result) {
        if (result.lost)
            return;
        if (!result.ok) {
            Q_EMIT failed(result.errorCode);
            return;
        }
        m_report = Protocol::ReportPayload::fromJson(result.data.value(Key::Report).toObject());
        Q_EMIT reportLoaded();
    }));
}

bool ReportsLoader::loadAudit()
{
    return requestAudit(0);
}

bool ReportsLoader::loadOlderAudit()
{
    return requestAudit(int(m_audit.size()));
}

bool ReportsLoader::requestAudit(int offset)
{
    const QJsonObject args{{Key::Limit, AuditPage}, {Key::Offset, offset}};
    return sent(
        m_relay->request(Command::ListAudit, args, this, [this, offset](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT failed(result.errorCode);
                return;
            }
            if (offset == 0)
                m_audit.clear();
            for (const QJsonValue &value : result.data.value(Key::Entries).toArray())
                m_audit.append(Protocol::AuditEntry::fromJson(value.toObject()));
            m_moreAudit = result.data.value(Key::More).toBool();
            Q_EMIT auditChanged();
        }));
}

bool ReportsLoader::sent(bool ok)
{
    if (!ok)
        Q_EMIT failed(QStringLiteral("unreachable"));
    return ok;
}

} // namespace Serambi::App
