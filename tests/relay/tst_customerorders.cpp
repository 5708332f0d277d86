// customer_orders over a real WebSocket: who may ask, and that only the chat's customer's
// orders come back.
#include "integrations/commerce/shoporderrepo.h"
#include "store/writetxn.h"
#include "support/relay/hubharness.h"

#include "protocol/orderpayload.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;
using Serambi::Protocol::OrderPayload;

namespace {

const QString Siti = QStringLiteral("6281234567001");
const QString Budi = QStringLiteral("6281234567002");

ShopOrder order(qint64 id, const QString &number, const QString &waId, int day)
{
    ShopOrder o;
    o.id = id;
    o.number = number;
    o.status = QStringLiteral("completed");
    o.currency = QStringLiteral("IDR");
    o.totalHundredths = 35000000;
    o.createdUtc = QDateTime(QDate(2026, 11, day), QTime(3, 15), Qt::UTC);
    o.modifiedUtc = o.createdUtc;
    o.billingWaId = waId;
    o.items = {{QStringLiteral("Gamis Katun Rayon"), 2}};
    o.courier = QStringLiteral("JNE");
    o.trackingNumber = QStringLiteral("JNE0012345678");
    return o;
}

QJsonObject chatArgs(qint64 conversationId)
{
    return {{QLatin1String("conversation_id"), conversationId}};
}

QList<OrderPayload> ordersOf(const QJsonObject &result)
{
    QList<OrderPayload> orders;
    const QJsonArray list =
        result.value(QLatin1String("data")).toObject().value(QLatin1String("orders")).toArray();
    for (const QJsonValue &value : list)
        orders.append(OrderPayload::fromJson(value.toObject()));
    return orders;
}

} // namespace

class TestCustomerOrders : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sariId = 0;

private Q_SLOTS:
    void init()
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        m_sariId = m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                      QStringLiteral("pw-sari"));
        QVERIFY(m_harness->addUser(QStringLiteral("dian"), QStringLiteral("agent"),
                                   QStringLiteral("pw-dian")) > 0);
        const WriteResult stored = m_harness->run([](WriteTxn &txn) {
            const QString shop = QStringLiteral("woocommerce");
            ShopOrderRepo::save(txn, shop, order(101, QStringLiteral("INV-0117"), Siti, 28));
            ShopOrderRepo::save(txn, shop, order(102, QStringLiteral("INV-0118"), Siti, 29));
            ShopOrderRepo::save(txn, shop, order(103, QStringLiteral("INV-0120"), Budi, 30));
            return WriteResult::success();
        });
        QVERIFY(stored.ok);
    }

    void cleanup() { m_harness.reset(); }

    void anAgentSeesTheChatCustomersOrdersOnly()
    {
        const qint64 sitisChat = m_harness->receiveInbound(Siti, QStringLiteral("Pesanan saya?"));
        QVERIFY(m_harness->assignDirectly(sitisChat, m_sariId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject result =
            sari->command(QStringLiteral("customer_orders"), chatArgs(sitisChat));
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(errorCode(result)));
        const QList<OrderPayload> orders = ordersOf(result);
        QCOMPARE(orders.size(), 2);
        QCOMPARE(orders.at(0).number, QStringLiteral("INV-0118"));
        QCOMPARE(orders.at(1).number, QStringLiteral("INV-0117"));
        const OrderPayload &shipped = orders.at(1);
        QCOMPARE(shipped.shop, QStringLiteral("woocommerce"));
        QCOMPARE(shipped.status, QStringLiteral("completed"));
        QCOMPARE(shipped.totalHundredths, qint64(35000000));
        QCOMPARE(shipped.createdAt,
                 QDateTime(QDate(2026, 11, 28), QTime(3, 15), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(shipped.items.size(), 1);
        QCOMPARE(shipped.items.first().quantity, 2);
        QCOMPARE(shipped.courier, QStringLiteral("JNE"));
        QCOMPARE(shipped.trackingNumber, QStringLiteral("JNE0012345678"));
    }

    void aCustomerWithoutOrdersGetsAnEmptyList()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("6281234567009"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject result = sari->command(QStringLiteral("customer_orders"), chatArgs(chat));
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(errorCode(result)));
        QVERIFY(ordersOf(result).isEmpty());
    }

    void anotherAgentsChatIsForbidden()
    {
        const qint64 sitisChat = m_harness->receiveInbound(Siti, QStringLiteral("Pesanan saya?"));
        QVERIFY(m_harness->assignDirectly(sitisChat, m_sariId));
        auto dian = m_harness->loggedIn(QStringLiteral("dian"));
        QCOMPARE(errorCode(dian->command(QStringLiteral("customer_orders"), chatArgs(sitisChat))),
                 QStringLiteral("forbidden"));
    }

    void badArgumentsAreRefused()
    {
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("customer_orders"), chatArgs(999))),
                 QStringLiteral("not_found"));
        const QString missing = errorCode(sari->command(QStringLiteral("customer_orders"), {}));
        QVERIFY(!missing.isEmpty());
        const QString wrongType = errorCode(
            sari->command(QStringLiteral("customer_orders"),
                          {{QLatin1String("conversation_id"), QLatin1String("INV-0117")}}));
        QVERIFY(!wrongType.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCustomerOrders)
#include "tst_customerorders.moc"
