#include "storedorders.h"

#include "shoporderrepo.h"

#include "store/storereader.h"

namespace Serambi::Relay {

QList<Protocol::OrderPayload> StoredOrders::ordersOf(const QString &waId)
{
    QList<Protocol::OrderPayload> orders;
    for (const ShopOrder &order : ShopOrderRepo::forCustomer(m_reader->db(), waId))
        orders.append(order.toPayload());
    return orders;
}

} // namespace Serambi::Relay
