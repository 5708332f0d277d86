#include "simstate.h"

#include "protocol/whatsapp.h"

#include <QCryptographicHash>

namespace Serambi::Sim {

namespace {

QString userIdFor(const QString &waId)
{
    // Stable per number, like a BSUID within one business portfolio.
    const QByteArray digest = QCryptographicHash::hash(waId.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | quint8(digest.at(i));
    return QStringLiteral("ID.") + QString::number(value % Q_UINT64_C(10000000000000000000));
}

} // namespace

CustomerInfo &SimState::ensureCustomer(const QString &waId, const QString &name)
{
    auto it = m_customers.find(waId);
    if (it == m_customers.end()) {
        CustomerInfo info;
        info.waId = waId;
        info.userId = userIdFor(waId);
        info.name = name.isEmpty() ? QStringLiteral("Pelanggan ") + waId.right(4) : name;
        it = m_customers.insert(waId, info);
    } else if (!name.isEmpty()) {
        it->name = name;
    }
    return it.value();
}

const CustomerInfo *SimState::customer(const QString &waId) const
{
    const auto it = m_customers.constFind(waId);
    return it == m_customers.constEnd() ? nullptr : &it.value();
}

const CustomerInfo *SimState::customerByUserId(const QString &userId) const
{
    for (const CustomerInfo &info : m_customers) {
        if (info.userId == userId)
            return &info;
    }
    return nullptr;
}

void SimState::setLastInbound(const QString &waId, const QDateTime &when)
{
    ensureCustomer(waId).lastInbound = when;
}

void SimState::setLastBusinessWamid(const QString &waId, const QString &wamid)
{
    ensureCustomer(waId).lastBusinessWamid = wamid;
}

bool SimState::isWindowOpen(const QString &waId, const QDateTime &now) const
{
    const CustomerInfo *info = customer(waId);
    return info && info->lastInbound.isValid() &&
           info->lastInbound.msecsTo(now) <= Protocol::WhatsApp::ServiceWindowMs;
}

void SimState::reset()
{
    for (CustomerInfo &info : m_customers) {
        info.lastInbound = QDateTime();
        info.lastBusinessWamid.clear();
    }
    m_counters = SimCounters();
}

} // namespace Serambi::Sim
