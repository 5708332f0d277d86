#pragma once

#include "protocol/orderpayload.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Serambi::App {

class RelayClient;

using Order = Protocol::OrderPayload;

// The shop orders of each chat's customer (docs/integrations.md): loaded with customer_orders
// when a chat opens and then kept current by order.updated, which the relay sends only to consoles
// that may see the chat. Newest first.
class CustomerOrders : public QObject
{
    Q_OBJECT

public:
    explicit CustomerOrders(RelayClient *relay, QObject *parent = nullptr);

    // A chat's orders as far as known, newest first.
    QList<Order> ordersOf(qint64 conversationId) const { return m_orders.value(conversationId); }
    // Asks the relay for a chat's orders (ordersChanged or loadFailed follows).
    void load(qint64 conversationId);

Q_SIGNALS:
    void ordersChanged(qint64 conversationId);
    // The relay refused or could not be reached: an error code (docs/protocol.md).
    void loadFailed(qint64 conversationId, const QString &errorCode);

private:
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);

    RelayClient *m_relay;
    QHash<qint64, QList<Order>> m_orders;
};

} // namespace Serambi::App
