#include "wooorder.h"

#include <QJsonArray>

namespace Serambi::Test {

QJsonObject wooOrderJson(const WooOrder &order)
{
    QJsonArray lines;
    for (const auto &[name, quantity] : order.items)
        lines.append(
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("quantity"), quantity}});
    QJsonArray meta;
    if (!order.courier.isEmpty())
        meta.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("_courier")},
                                {QStringLiteral("value"), order.courier}});
    if (!order.trackingNumber.isEmpty())
        meta.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("_resi")},
                                {QStringLiteral("value"), order.trackingNumber}});
    if (!order.consent.isEmpty())
        meta.append(
            QJsonObject{{QStringLiteral("key"), QStringLiteral("_serambi_whatsapp_updates")},
                        {QStringLiteral("value"), order.consent}});
    return {{QStringLiteral("id"), order.id},
            {QStringLiteral("number"), order.number},
            {QStringLiteral("status"), order.status},
            {QStringLiteral("currency"), QStringLiteral("IDR")},
            {QStringLiteral("total"), order.total},
            {QStringLiteral("date_created_gmt"), order.created},
            {QStringLiteral("date_modified_gmt"), order.modified},
            {QStringLiteral("billing"), QJsonObject{{QStringLiteral("phone"), order.billingPhone}}},
            {QStringLiteral("line_items"), lines},
            {QStringLiteral("meta_data"), meta}};
}

} // namespace Serambi::Test
