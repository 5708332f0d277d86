#pragma once

#include "shoporder.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Serambi::Relay {

class WriteTxn;

// The orders shops pushed to the relay by webhook (tables of migration 13), keyed by shop
// ("woocommerce") and the shop's order id.
namespace ShopOrderRepo {

enum class Stored {
    Written, // new, or newer than what was stored
    Stale,   // the stored version was modified later: an out-of-order delivery, ignored
    Failed,
};

// Takes a webhook delivery id; false when it was taken before (a resend) or on failure.
bool takeDelivery(WriteTxn &txn, const QString &shop, const QString &deliveryId);
// Stores order unless the stored one has a later modified time; *previousStatus (when given)
// is the stored status before, empty for a new order.
Stored save(WriteTxn &txn, const QString &shop, const ShopOrder &order,
            QString *previousStatus = nullptr);
// Records the customer's consent to order updates when the order carries one (the latest
// order's answer wins). False on failure.
bool recordConsent(WriteTxn &txn, const QString &shop, const ShopOrder &order);
// Whether the customer agreed to order updates on WhatsApp (and has not withdrawn since).
bool consentedToUpdates(QSqlDatabase &db, const QString &waId);
// The customer's stored orders, newest first.
QList<ShopOrder> forCustomer(QSqlDatabase &db, const QString &waId);
// Tells the consoles that may see a chat of the order's customer that the order changed
// (order.updated, one event per chat); nothing for an order with no billing phone.
void publishUpdated(WriteTxn &txn, const ShopOrder &order);
// The ids of the conversations whose customer has wa_id waId (one per business number).
QList<qint64> customerConversations(QSqlDatabase &db, const QString &waId);

} // namespace ShopOrderRepo
} // namespace Serambi::Relay
