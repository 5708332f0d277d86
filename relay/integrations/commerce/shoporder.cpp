#include "shoporder.h"

namespace Serambi::Relay {

Protocol::OrderPayload ShopOrder::toPayload() const
{
    Protocol::OrderPayload payload;
    payload.shop = shop;
    payload.number = number;
    payload.status = status;
    payload.currency = currency;
    payload.totalHundredths = totalHundredths;
    payload.createdAt = createdUtc.isValid() ? createdUtc.toMSecsSinceEpoch() : 0;
    for (const ShopOrderItem &item : items)
        payload.items.append({item.name, item.quantity});
    payload.courier = courier;
    payload.trackingNumber = trackingNumber;
    return payload;
}

} // namespace Serambi::Relay
