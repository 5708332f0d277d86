#pragma once

#include "protocol/orderpayload.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// One line of an order as the customer sees it.
struct ShopOrderItem
{
    QString name;
    int quantity = 0;
};

// A shop's order, reduced to what agents and drafts show (docs/integrations.md). Money is an
// integer count of hundredths of the currency unit, never a float.
struct ShopOrder
{
    QString shop; // "woocommerce"; filled when read from the store
    qint64 id = 0;
    QString number; // what the customer sees, e.g. "INV-0117"; may differ from id
    QString status; // the shop's status word, e.g. "processing", "completed"
    QString currency;
    qint64 totalHundredths = 0;
    QDateTime createdUtc;
    QDateTime modifiedUtc;
    QString billingWaId; // the billing phone in wa_id form; empty when it has none
    QList<ShopOrderItem> items;
    QString courier;
    QString trackingNumber;
    // The customer's answer, at this order's checkout, to "order updates on WhatsApp?";
    // nullopt when the order does not say.
    std::optional<bool> orderUpdatesConsent;

    // As customer_orders and order.updated carry it (docs/protocol.md).
    Protocol::OrderPayload toPayload() const;
};

} // namespace Serambi::Relay
