#pragma once

#include "protocol/orderpayload.h"

#include <QList>
#include <QString>

namespace Serambi::Relay {

// Where the order drafter finds a customer's orders: only orders whose billing phone, in
// wa_id form, is waId; newest first. The relay's is the shop orders it stored
// (integrations/commerce/storedorders.h).
class OrderLookup
{
public:
    virtual ~OrderLookup() = default;
    virtual QList<Protocol::OrderPayload> ordersOf(const QString &waId) = 0;
};

} // namespace Serambi::Relay
