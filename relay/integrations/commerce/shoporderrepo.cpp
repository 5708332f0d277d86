#include "shoporderrepo.h"

#include "store/conversationrepo.h"
#include "store/statementcache.h"
#include "store/writetxn.h"

namespace Serambi::Relay::ShopOrderRepo {

namespace {

qint64 toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

// A missing text is stored as empty: PreparedQuery binds a null QString as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

bool saveItems(WriteTxn &txn, const QString &shop, const ShopOrder &order)
{
    PreparedQuery drop =
        txn.prepare(QStringLiteral("DELETE FROM shop_order_items WHERE shop = ? AND order_id = ?"));
    drop.addBindValue(shop);
    drop.addBindValue(order.id);
    if (!execQuery(drop))
        return false;
    for (qsizetype i = 0; i < order.items.size(); ++i) {
        PreparedQuery q = txn.prepare(QStringLiteral(
            "INSERT INTO shop_order_items (shop, order_id, position, name, quantity) "
            "VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(shop);
        q.addBindValue(order.id);
        q.addBindValue(qint64(i));
        q.addBindValue(text(order.items.at(i).name));
        q.addBindValue(order.items.at(i).quantity);
        if (!execQuery(q))
            return false;
    }
    return true;
}

} // namespace

bool takeDelivery(WriteTxn &txn, const QString &shop, const QString &deliveryId)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("INSERT OR IGNORE INTO shop_webhook_deliveries (shop, delivery_id, "
                       "received_at) VALUES (?, ?, ?)"));
    q.addBindValue(shop);
    q.addBindValue(deliveryId);
    q.addBindValue(txn.now());
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return q.numRowsAffected() == 1;
}

Stored save(WriteTxn &txn, const QString &shop, const ShopOrder &order, QString *previousStatus)
{
    PreparedQuery stored = txn.prepare(QStringLiteral(
        "SELECT modified_at, status FROM shop_orders WHERE shop = ? AND order_id = ?"));
    stored.addBindValue(shop);
    stored.addBindValue(order.id);
    if (!execQuery(stored)) {
        txn.markFailed();
        return Stored::Failed;
    }
    const bool known = stored.next();
    const bool newerStored = known && stored.value(0).toLongLong() > toMs(order.modifiedUtc);
    if (previousStatus)
        *previousStatus = known ? stored.value(1).toString() : QString();
    stored.finish();
    if (newerStored)
        return Stored::Stale;
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO shop_orders (shop, order_id, number, status, currency, total_hundredths, "
        "created_at, modified_at, billing_wa_id, courier, tracking_number, stored_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shop, order_id) DO UPDATE SET "
        "number = excluded.number, status = excluded.status, currency = excluded.currency, "
        "total_hundredths = excluded.total_hundredths, created_at = excluded.created_at, "
        "modified_at = excluded.modified_at, billing_wa_id = excluded.billing_wa_id, "
        "courier = excluded.courier, tracking_number = excluded.tracking_number, "
        "stored_at = excluded.stored_at"));
    q.addBindValue(shop);
    q.addBindValue(order.id);
    q.addBindValue(text(order.number));
    q.addBindValue(text(order.status));
    q.addBindValue(text(order.currency));
    q.addBindValue(order.totalHundredths);
    q.addBindValue(toMs(order.createdUtc));
    q.addBindValue(toMs(order.modifiedUtc));
    q.addBindValue(text(order.billingWaId));
    q.addBindValue(text(order.courier));
    q.addBindValue(text(order.trackingNumber));
    q.addBindValue(txn.now());
    if (!execQuery(q) || !saveItems(txn, shop, order)) {
        txn.markFailed();
        return Stored::Failed;
    }
    return Stored::Written;
}

QList<ShopOrder> forCustomer(QSqlDatabase &db, const QString &waId)
{
    QList<ShopOrder> orders;
    if (waId.isEmpty())
        return orders;
    PreparedQuery q(
        db, QStringLiteral("SELECT shop, order_id, number, status, currency, total_hundredths, "
                           "created_at, modified_at, courier, tracking_number FROM shop_orders "
                           "WHERE billing_wa_id = ? ORDER BY created_at DESC, order_id DESC"));
    q.addBindValue(waId);
    if (!execQuery(q))
        return orders;
    while (q.next()) {
        ShopOrder order;
        const QString shop = q.value(0).toString();
        order.shop = shop;
        order.id = q.value(1).toLongLong();
        order.number = q.value(2).toString();
        order.status = q.value(3).toString();
        order.currency = q.value(4).toString();
        order.totalHundredths = q.value(5).toLongLong();
        order.createdUtc = fromMs(q.value(6).toLongLong());
        order.modifiedUtc = fromMs(q.value(7).toLongLong());
        order.billingWaId = waId;
        order.courier = q.value(8).toString();
        order.trackingNumber = q.value(9).toString();
        PreparedQuery items(db,
                            QStringLiteral("SELECT name, quantity FROM shop_order_items "
                                           "WHERE shop = ? AND order_id = ? ORDER BY position"));
        items.addBindValue(shop);
        items.addBindValue(order.id);
        if (execQuery(items)) {
            while (items.next())
                order.items.append({items.value(0).toString(), items.value(1).toInt()});
        }
        orders.append(order);
    }
    return orders;
}

bool recordConsent(WriteTxn &txn, const QString &shop, const ShopOrder &order)
{
    if (!order.orderUpdatesConsent || order.billingWaId.isEmpty())
        return true;
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO shop_order_update_consents (wa_id, opted_in, shop, order_id, recorded_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (wa_id) DO UPDATE SET opted_in = excluded.opted_in, "
        "shop = excluded.shop, order_id = excluded.order_id, recorded_at = excluded.recorded_at"));
    q.addBindValue(order.billingWaId);
    q.addBindValue(*order.orderUpdatesConsent ? 1 : 0);
    q.addBindValue(shop);
    q.addBindValue(order.id);
    q.addBindValue(txn.now());
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

bool consentedToUpdates(QSqlDatabase &db, const QString &waId)
{
    PreparedQuery q(
        db, QStringLiteral("SELECT opted_in FROM shop_order_update_consents WHERE wa_id = ?"));
    q.addBindValue(waId);
    return execQuery(q) && q.next() && q.value(0).toInt() == 1;
}

void publishUpdated(WriteTxn &txn, const ShopOrder &order)
{
    const QJsonObject payload = order.toPayload().toJson();
    for (const qint64 id : customerConversations(txn.db(), order.billingWaId)) {
        const auto conversation = ConversationRepo::load(txn.db(), id);
        if (conversation)
            txn.appendEvent(EventKind::OrderUpdated, id, conversation->assigneeId,
                            conversation->stateName(), payload);
    }
}

QList<qint64> customerConversations(QSqlDatabase &db, const QString &waId)
{
    QList<qint64> ids;
    if (waId.isEmpty())
        return ids;
    PreparedQuery q(db, QStringLiteral("SELECT conversations.id FROM conversations "
                                       "JOIN contacts ON contacts.id = conversations.contact_id "
                                       "WHERE contacts.wa_id = ? ORDER BY conversations.id"));
    q.addBindValue(waId);
    if (!execQuery(q))
        return ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace Serambi::Relay::ShopOrderRepo
