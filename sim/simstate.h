#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Serambi::Sim {

struct CustomerInfo
{
    QString waId;
    QString userId; // business-scoped user id (BSUID), e.g. "ID.4410394823384502871"
    QString name;
    QDateTime lastInbound; // invalid: never wrote to the business
    QString lastBusinessWamid;
};

struct SimCounters
{
    int inboundMessages = 0;
    int sendsAccepted = 0;
    int sendsRefused = 0;
    int markedRead = 0;
    int statusesQueued = 0;
};

// What the simulated WhatsApp knows about the people on the other side: who they are and when
// each last wrote (the 24-hour customer service window), plus running counts.
class SimState
{
public:
    CustomerInfo &ensureCustomer(const QString &waId, const QString &name = {});
    const CustomerInfo *customer(const QString &waId) const;
    const CustomerInfo *customerByUserId(const QString &userId) const;
    QList<CustomerInfo> customers() const { return m_customers.values(); }

    void setLastInbound(const QString &waId, const QDateTime &when);
    void setLastBusinessWamid(const QString &waId, const QString &wamid);
    bool isWindowOpen(const QString &waId, const QDateTime &now) const;

    SimCounters &counters() { return m_counters; }
    const SimCounters &counters() const { return m_counters; }

    // Forgets windows, counters and last messages; customers keep their names.
    void reset();

private:
    QMap<QString, CustomerInfo> m_customers;
    SimCounters m_counters;
};

} // namespace Serambi::Sim
