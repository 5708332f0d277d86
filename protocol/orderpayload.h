#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// A shop order as customer_orders carries it (docs/protocol.md, docs/integrations.md). Money is
// an integer count of hundredths of the currency unit. The JSON keys are spelled only in
// orderpayload.cpp.
namespace Serambi::Protocol {

struct OrderItemPayload
{
    QString name;
    int quantity = 0;

    bool operator==(const OrderItemPayload &other) const
    {
        return name == other.name && quantity == other.quantity;
    }
};

struct OrderPayload
{
    QString shop;   // "woocommerce"
    QString number; // as the customer knows it, e.g. "INV-0117"
    QString status; // the shop's word: pending, processing, on-hold, completed, cancelled, …
    QString currency;
    qint64 totalHundredths = 0;
    qint64 createdAt = 0; // ms since the epoch, UTC; 0 when unknown
    QList<OrderItemPayload> items;
    QString courier;        // empty when unknown
    QString trackingNumber; // the resi; empty until shipped

    QJsonObject toJson() const;
    static OrderPayload fromJson(const QJsonObject &json);
    bool operator==(const OrderPayload &other) const;
};

} // namespace Serambi::Protocol
