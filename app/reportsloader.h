#pragma once

#include "protocol/reportpayloads.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>

namespace Serambi::App {

class RelayClient;

// The Reports window's data for supervisors and admins: a report for a period (computed on the
// relay by the report command) and pages of the audit log (list_audit). Refusals come back as
// an error code; nothing is sent while offline ("unreachable").
class ReportsLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int AuditPage = 100;

    explicit ReportsLoader(RelayClient *relay, QObject *parent = nullptr);

    const Protocol::ReportPayload &report() const { return m_report; }
    const QList<Protocol::AuditEntry> &audit() const { return m_audit; }
    bool moreAudit() const { return m_moreAudit; }

    // Asks for the report of Asia/Jakarta days from..to, optionally one agent's chats.
    bool loadReport(const QDate &from, const QDate &to, const QString &agent = {});
    // The newest page of the audit log again, or the next older page after those loaded.
    bool loadAudit();
    bool loadOlderAudit();

Q_SIGNALS:
    void reportLoaded();
    void auditChanged();
    void failed(const QString &errorCode);

private:
    bool requestAudit(int offset);
    bool sent(bool ok);

    RelayClient *m_relay;
    Protocol::ReportPayload m_report;
    QList<Protocol::AuditEntry> m_audit;
    bool m_moreAudit = false;
};

} // namespace Serambi::App
