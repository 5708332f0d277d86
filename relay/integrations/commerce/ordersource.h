#pragma once

#include "shoporder.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Serambi::Relay {

// The outcome of one lookup: orders (possibly none), or an error saying why the shop could
// not be asked.
struct OrderLookup
{
    bool ok = false;
    QString error; // one line, no secrets, when !ok
    QList<ShopOrder> orders;
};

// A shop the relay can ask about a customer's orders. Every answer holds only orders whose
// billing phone is the customer's wa_id: a shop's search may match other customers' orders and
// those must never reach an agent or a draft.
class OrderSource
{
public:
    using Done = std::function<void(const OrderLookup &)>;

    virtual ~OrderSource() = default;

    // The customer's orders, newest first. done runs on context's thread unless context is
    // destroyed first.
    virtual void ordersForCustomer(const QString &waId, QObject *context, Done done) = 0;
    // The customer's order whose number is reference (as the customer wrote it, e.g. "INV-0117",
    // "#117"); no orders when it does not exist or belongs to someone else.
    virtual void orderByReference(const QString &reference, const QString &waId, QObject *context,
                                  Done done) = 0;
};

} // namespace Serambi::Relay
