#include "customerorders.h"

#include "relayclient.h"

#include "protocol/events.h"
#include "protocol/keys.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;

CustomerOrders::CustomerOrders(RelayClient *relay, QObject *parent)
    : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::eventReceived, this, &CustomerOrders::handleEvent);
}

void CustomerOrders::load(qint64 conversationId)
{
    const bool sent = m_relay->request(
        Protocol::Command::CustomerOrders, {{Key::ConversationId, conversationId}}, this,
        [this, conversationId](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT loadFailed(conversationId, result.errorCode);
                return;
            }
            QList<Order> orders;
            for (const QJsonValue &value : result.data.value(Key::Orders).toArray())
                orders.append(Order::fromJson(value.toObject()));
            m_orders.insert(conversationId, orders);
            Q_EMIT ordersChanged(conversationId);
        });
    if (!sent)
        Q_EMIT loadFailed(conversationId, QStringLiteral("unreachable"));
}

void CustomerOrders::handleEvent(qint64, const QString &kind, qint64 conversationId,
                                 const QJsonObject &data)
{
    if (Protocol::eventKindFromName(kind) != Protocol::EventKind::OrderUpdated)
        return;
    auto known = m_orders.find(conversationId);
    if (known == m_orders.end())
        return; // the chat's orders are loaded, whole, when it opens
    const Order order = Order::fromJson(data);
    QList<Order> &orders = *known;
    orders.erase(std::remove_if(orders.begin(), orders.end(),
                                [&](const Order &o) {
                                    return o.shop == order.shop && o.number == order.number;
                                }),
                 orders.end());
    const auto at = std::find_if(orders.begin(), orders.end(),
                                 [&](const Order &o) { return o.createdAt < order.createdAt; });
    orders.insert(at, order);
    Q_EMIT ordersChanged(conversationId);
}

} // namespace Serambi::App
