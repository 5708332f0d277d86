#pragma once

#include "ai/orderlookup.h"

namespace Serambi::Relay {

class StoreReader;

// The order drafter's orders: those the shops' webhooks stored (ShopOrderRepo::forCustomer),
// read on the reader's connection.
class StoredOrders final : public OrderLookup
{
public:
    explicit StoredOrders(StoreReader *reader) : m_reader(reader) {}

    QList<Protocol::OrderPayload> ordersOf(const QString &waId) override;

private:
    StoreReader *m_reader;
};

} // namespace Serambi::Relay
