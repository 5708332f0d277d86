#include "wooorderparser.h"

#include "integrations/commerce/decimalmoney.h"
#include "integrations/commerce/wanumber.h"

#include <QJsonArray>

namespace Serambi::Relay {

namespace {

// WooCommerce's *_gmt dates carry no offset and are UTC.
QDateTime gmtDate(const QJsonObject &order, const QString &key)
{
    QDateTime date = QDateTime::fromString(order.value(key).toString(), Qt::ISODate);
    if (date.isValid())
        date.setTimeSpec(Qt::UTC);
    return date;
}

QString metaText(const QJsonArray &meta, const QStringList &keys)
{
    for (const QString &key : keys) {
        for (const QJsonValue &entry : meta) {
            const QJsonObject object = entry.toObject();
            if (object.value(QLatin1String("key")).toString() != key)
                continue;
            const QString text = object.value(QLatin1String("value")).toString().trimmed();
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

// The newest entry of a Shipment Tracking style array: {tracking_provider,
// custom_tracking_provider, tracking_number}.
void readTrackingItems(const QJsonArray &meta, const QStringList &keys, ShopOrder *order)
{
    for (const QString &key : keys) {
        for (const QJsonValue &entry : meta) {
            const QJsonObject object = entry.toObject();
            if (object.value(QLatin1String("key")).toString() != key)
                continue;
            const QJsonArray items = object.value(QLatin1String("value")).toArray();
            if (items.isEmpty())
                continue;
            const QJsonObject item = items.last().toObject();
            const QString number = item.value(QLatin1String("tracking_number")).toString();
            if (number.isEmpty())
                continue;
            order->trackingNumber = number.trimmed();
            QString provider = item.value(QLatin1String("custom_tracking_provider")).toString();
            if (provider.isEmpty())
                provider = item.value(QLatin1String("tracking_provider")).toString();
            order->courier = provider.trimmed();
            return;
        }
    }
}

bool fail(QString *error, const QString &field)
{
    *error = QStringLiteral("order field \"%1\" is missing or malformed").arg(field);
    return false;
}

} // namespace

std::optional<ShopOrder> parseWooOrder(const QJsonObject &object, const WooTrackingKeys &keys,
                                       QString *error)
{
    ShopOrder order;
    const QJsonValue id = object.value(QLatin1String("id"));
    if (!id.isDouble() || id.toInteger(-1) <= 0) {
        fail(error, QStringLiteral("id"));
        return std::nullopt;
    }
    order.id = id.toInteger();
    const QJsonValue number = object.value(QLatin1String("number"));
    order.number = number.isString() ? number.toString() : QString::number(order.id);
    order.status = object.value(QLatin1String("status")).toString();
    if (order.status.isEmpty()) {
        fail(error, QStringLiteral("status"));
        return std::nullopt;
    }
    const std::optional<qint64> total =
        parseDecimalHundredths(object.value(QLatin1String("total")).toString());
    if (!total) {
        fail(error, QStringLiteral("total"));
        return std::nullopt;
    }
    order.totalHundredths = *total;
    order.currency = object.value(QLatin1String("currency")).toString();
    order.createdUtc = gmtDate(object, QStringLiteral("date_created_gmt"));
    order.modifiedUtc = gmtDate(object, QStringLiteral("date_modified_gmt"));
    const QJsonObject billing = object.value(QLatin1String("billing")).toObject();
    order.billingWaId = waIdFromPhone(billing.value(QLatin1String("phone")).toString());
    for (const QJsonValue &line : object.value(QLatin1String("line_items")).toArray()) {
        const QJsonObject item = line.toObject();
        order.items.append({item.value(QLatin1String("name")).toString(),
                            item.value(QLatin1String("quantity")).toInt()});
    }
    const QJsonArray meta = object.value(QLatin1String("meta_data")).toArray();
    readTrackingItems(meta, keys.trackingItemKeys, &order);
    if (order.trackingNumber.isEmpty())
        order.trackingNumber = metaText(meta, keys.trackingNumberKeys);
    if (order.courier.isEmpty())
        order.courier = metaText(meta, keys.courierKeys);
    const QString consent = metaText(meta, {WooOrderUpdatesConsentKey}).toLower();
    if (consent == QLatin1String("yes") || consent == QLatin1String("1"))
        order.orderUpdatesConsent = true;
    else if (consent == QLatin1String("no") || consent == QLatin1String("0"))
        order.orderUpdatesConsent = false;
    if (order.courier.isEmpty() && !order.trackingNumber.isEmpty()) {
        const QJsonArray shipping = object.value(QLatin1String("shipping_lines")).toArray();
        if (!shipping.isEmpty())
            order.courier =
                shipping.first().toObject().value(QLatin1String("method_title")).toString();
    }
    return order;
}

} // namespace Serambi::Relay
