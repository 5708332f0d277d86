#include "orderpayload.h"

#include "keys.h"

#include <QJsonArray>

namespace Serambi::Protocol {

namespace {
const QLatin1String ShopKey("shop");
const QLatin1String NumberKey("number");
const QLatin1String StatusKey("status");
const QLatin1String CurrencyKey("currency");
const QLatin1String TotalKey("total_hundredths");
const QLatin1String CreatedAtKey("created_at");
const QLatin1String ItemsKey("items");
const QLatin1String QuantityKey("quantity");
const QLatin1String CourierKey("courier");
const QLatin1String TrackingKey("tracking_number");
} // namespace

QJsonObject OrderPayload::toJson() const
{
    QJsonArray itemList;
    for (const OrderItemPayload &item : items)
        itemList.append(QJsonObject{{Key::Name, item.name}, {QuantityKey, item.quantity}});
    return {{ShopKey, shop},         {NumberKey, number},         {StatusKey, status},
            {CurrencyKey, currency}, {TotalKey, totalHundredths}, {CreatedAtKey, createdAt},
            {ItemsKey, itemList},    {CourierKey, courier},       {TrackingKey, trackingNumber}};
}

OrderPayload OrderPayload::fromJson(const QJsonObject &json)
{
    OrderPayload order;
    order.shop = json.value(ShopKey).toString();
    order.number = json.value(NumberKey).toString();
    order.status = json.value(StatusKey).toString();
    order.currency = json.value(CurrencyKey).toString();
    order.totalHundredths = json.value(TotalKey).toInteger();
    order.createdAt = json.value(CreatedAtKey).toInteger();
    for (const QJsonValue &value : json.value(ItemsKey).toArray()) {
        const QJsonObject item = value.toObject();
        order.items.append({item.value(Key::Name).toString(), item.value(QuantityKey).toInt()});
    }
    order.courier = json.value(CourierKey).toString();
    order.trackingNumber = json.value(TrackingKey).toString();
    return order;
}

bool OrderPayload::operator==(const OrderPayload &other) const
{
    return shop == other.shop && number == other.number && status == other.status &&
           currency == other.currency && totalHundredths == other.totalHundredths &&
           createdAt == other.createdAt && items == other.items && courier == other.courier &&
           trackingNumber == other.trackingNumber;
}

} // namespace Serambi::Protocol
