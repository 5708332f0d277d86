// A WooCommerce webhook that changes an order reaches, as order.updated, exactly the consoles
// that may see a chat of the order's customer: the assigned agent and supervisors, never
// another agent, never the chat of a customer whose number merely resembles the billing phone.
// The demo shop's orders, delivered by the simulator's fake WooCommerce, answer a customer's
// question about their order in the AI's draft; another customer asking for it is not told.
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"
#include "support/wooorder.h"

#include "protocol/orderpayload.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi;
using Protocol::OrderPayload;
using Test::WooOrder;

namespace {

const QString Siti = QStringLiteral("6281234567001");
const QString Budi = QStringLiteral("6281234567002");

QByteArray body(const WooOrder &order)
{
    return QJsonDocument(Test::wooOrderJson(order)).toJson(QJsonDocument::Compact);
}

bool isOrderEvent(const QJsonObject &event, const QString &number)
{
    return event.value(QLatin1String("kind")).toString() == QLatin1String("order.updated") &&
           OrderPayload::fromJson(event.value(QLatin1String("data")).toObject()).number == number;
}

int orderEvents(const Test::ProtocolClient &console, const QString &number)
{
    int count = 0;
    for (const QJsonObject &event : console.events())
        count += isOrderEvent(event, number) ? 1 : 0;
    return count;
}

} // namespace

class TestOrderUpdates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->start({{QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-ayu")},
                                {QStringLiteral("dian"), QStringLiteral("Dian"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-dian")},
                                {QStringLiteral("rina"), QStringLiteral("Rina"),
                                 QStringLiteral("supervisor"), QStringLiteral("rahasia-rina")}},
                               &error),
                 qPrintable(error));
        m_ayu = std::make_unique<Test::ProtocolClient>();
        m_dian = std::make_unique<Test::ProtocolClient>();
        m_rina = std::make_unique<Test::ProtocolClient>();
        QVERIFY(m_ayu->signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                              QStringLiteral("rahasia-ayu")));
        QVERIFY(m_dian->signIn(m_loop->agentsUrl(), QStringLiteral("dian"),
                               QStringLiteral("rahasia-dian")));
        QVERIFY(m_rina->signIn(m_loop->agentsUrl(), QStringLiteral("rina"),
                               QStringLiteral("rahasia-rina")));
        for (Test::ProtocolClient *console : {m_ayu.get(), m_dian.get(), m_rina.get()})
            QVERIFY(!console->subscribe(0).isEmpty());

        // Siti's chat is Ayu's; Dian may not see it.
        QVERIFY(
            !m_loop->customerWrites(Siti, QStringLiteral("Pesanan saya sudah dikirim?")).isEmpty());
        const QJsonObject arrived = m_ayu->waitForEvent([](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                   QLatin1String("message.created");
        });
        QVERIFY(!arrived.isEmpty());
        m_sitisChat = arrived.value(QLatin1String("conversation_id")).toInteger();
        const QJsonObject taken = m_ayu->command(
            QStringLiteral("take_over"), {{QStringLiteral("conversation_id"), m_sitisChat}});
        QVERIFY(taken.value(QLatin1String("ok")).toBool());
    }

    void cleanup()
    {
        m_ayu.reset();
        m_dian.reset();
        m_rina.reset();
        m_loop.reset();
    }

    void theChatsConsolesSeeTheOrderChangeAndNobodyElse()
    {
        WooOrder shipped;
        shipped.status = QStringLiteral("completed");
        shipped.modified = QStringLiteral("2026-11-29T08:00:00");
        shipped.courier = QStringLiteral("JNE");
        shipped.trackingNumber = QStringLiteral("JNE0012345678");
        QCOMPARE(m_loop->postWooWebhook(body(shipped), QStringLiteral("d-1")), 200);

        const auto shippedEvent = [](const QJsonObject &event) {
            return isOrderEvent(event, QStringLiteral("INV-0117"));
        };
        const QJsonObject forAyu = m_ayu->waitForEvent(shippedEvent);
        QVERIFY(!forAyu.isEmpty());
        QCOMPARE(forAyu.value(QLatin1String("conversation_id")).toInteger(), m_sitisChat);
        const OrderPayload order =
            OrderPayload::fromJson(forAyu.value(QLatin1String("data")).toObject());
        QCOMPARE(order.status, QStringLiteral("completed"));
        QCOMPARE(order.trackingNumber, QStringLiteral("JNE0012345678"));
        QCOMPARE(order.courier, QStringLiteral("JNE"));
        QCOMPARE(order.totalHundredths, qint64(35000000));
        QVERIFY(!m_rina->waitForEvent(shippedEvent).isEmpty());

        // Budi, unassigned, is in every agent's queue: once Dian sees his message, which came
        // after the order, Dian has been sent everything she would ever get before it.
        QVERIFY(!m_loop->customerWrites(Budi, QStringLiteral("Halo kak")).isEmpty());
        QVERIFY(!m_dian
                     ->waitForEvent([this](const QJsonObject &event) {
                         return event.value(QLatin1String("kind")).toString() ==
                                    QLatin1String("message.created") &&
                                event.value(QLatin1String("conversation_id")).toInteger() !=
                                    m_sitisChat;
                     })
                     .isEmpty());
        QCOMPARE(orderEvents(*m_dian, QStringLiteral("INV-0117")), 0);
    }

    void aResentOrStaleDeliveryChangesNothing()
    {
        WooOrder shipped;
        shipped.status = QStringLiteral("completed");
        shipped.modified = QStringLiteral("2026-11-29T08:00:00");
        QCOMPARE(m_loop->postWooWebhook(body(shipped), QStringLiteral("d-1")), 200);
        QCOMPARE(m_loop->postWooWebhook(body(shipped), QStringLiteral("d-1")), 200); // resent
        WooOrder older = shipped;
        older.status = QStringLiteral("processing");
        older.modified = QStringLiteral("2026-11-28T05:00:00");
        QCOMPARE(m_loop->postWooWebhook(body(older), QStringLiteral("d-2")), 200); // stale
        WooOrder marker;
        marker.id = 102;
        marker.number = QStringLiteral("INV-0118");
        QCOMPARE(m_loop->postWooWebhook(body(marker), QStringLiteral("d-3")), 200);
        QVERIFY(!m_ayu
                     ->waitForEvent([](const QJsonObject &event) {
                         return isOrderEvent(event, QStringLiteral("INV-0118"));
                     })
                     .isEmpty());
        QCOMPARE(orderEvents(*m_ayu, QStringLiteral("INV-0117")), 1);
    }

    void anotherCustomersOrderNeverReachesTheChat()
    {
        // Andi's phone contains Siti's number; it is still not hers.
        WooOrder andis;
        andis.id = 122;
        andis.number = QStringLiteral("INV-0122");
        andis.billingPhone = QStringLiteral("0812-3456-70011");
        QCOMPARE(m_loop->postWooWebhook(body(andis), QStringLiteral("d-1")), 200);
        WooOrder sitis;
        QCOMPARE(m_loop->postWooWebhook(body(sitis), QStringLiteral("d-2")), 200);
        QVERIFY(!m_rina
                     ->waitForEvent([](const QJsonObject &event) {
                         return isOrderEvent(event, QStringLiteral("INV-0117"));
                     })
                     .isEmpty());
        QCOMPARE(orderEvents(*m_rina, QStringLiteral("INV-0122")), 0);
        QCOMPARE(orderEvents(*m_ayu, QStringLiteral("INV-0122")), 0);
        const QJsonObject orders = m_ayu->command(
            QStringLiteral("customer_orders"), {{QStringLiteral("conversation_id"), m_sitisChat}});
        const QByteArray listed = QJsonDocument(orders).toJson(QJsonDocument::Compact);
        QVERIFY(listed.contains("INV-0117"));
        QVERIFY(!listed.contains("INV-0122"));
    }

    void theDemoShopsOrdersAnswerTheCustomersQuestion()
    {
        const QString andi = QStringLiteral("62812345670011"); // his phone contains Siti's
        QVERIFY(!m_loop->customerWrites(andi, QStringLiteral("Halo kak")).isEmpty());
        QUrl shop = m_loop->agentsUrl();
        shop.setScheme(QStringLiteral("http"));
        shop.setPath(QStringLiteral("/woocommerce/webhook"));
        m_loop->sim().deliverShopOrders(shop, m_loop->relayConfig().wooWebhookSecret);
        for (const QString &number :
             {QStringLiteral("INV-0117"), QStringLiteral("INV-0118"), QStringLiteral("INV-0122")})
            QVERIFY2(!m_rina
                          ->waitForEvent(
                              [&](const QJsonObject &event) { return isOrderEvent(event, number); })
                          .isEmpty(),
                     qPrintable(number));

        // The customer's message with that text, then the pending draft that answers it.
        const auto messageNamed = [this](const QString &text) {
            return m_rina->waitForEvent([&text](const QJsonObject &event) {
                return event.value(QLatin1String("kind")).toString() ==
                           QLatin1String("message.created") &&
                       event.value(QLatin1String("data")).toObject().value(QLatin1String("text")) ==
                           text;
            });
        };
        const auto draftFor = [this](const QJsonObject &message) {
            const qint64 messageId = message.value(QLatin1String("data"))
                                         .toObject()
                                         .value(QLatin1String("id"))
                                         .toInteger();
            return m_rina->waitForEvent([messageId](const QJsonObject &event) {
                const QJsonObject data = event.value(QLatin1String("data")).toObject();
                return event.value(QLatin1String("kind")).toString() ==
                           QLatin1String("draft.updated") &&
                       data.value(QLatin1String("for_message_id")).toInteger() == messageId &&
                       data.value(QLatin1String("state")).toString() == QLatin1String("pending");
            });
        };
        const QString question = QStringLiteral("Pesanan saya INV-0117 udah dikirim belum ya kak?");
        QVERIFY(!m_loop->customerWrites(Siti, question).isEmpty());
        const QJsonObject sitis = draftFor(messageNamed(question));
        QVERIFY(!sitis.isEmpty());
        QCOMPARE(
            sitis.value(QLatin1String("data")).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Halo Kak. Pesanan INV-0117 (Rp 350.000) sudah dikirim. Kurir: "
                           "JNE, nomor resi: JNE0012345678."));

        const QString asksForSitis = QStringLiteral("pesanan INV-0117 sudah dikirim?");
        QVERIFY(!m_loop->customerWrites(andi, asksForSitis).isEmpty());
        const QJsonObject andis = draftFor(messageNamed(asksForSitis));
        QVERIFY(!andis.isEmpty());
        const QString text =
            andis.value(QLatin1String("data")).toObject().value(QLatin1String("text")).toString();
        QVERIFY2(!text.contains(QLatin1String("JNE")) && !text.contains(QLatin1String("INV-0117")),
                 qPrintable(text));
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
    std::unique_ptr<Test::ProtocolClient> m_ayu;
    std::unique_ptr<Test::ProtocolClient> m_dian;
    std::unique_ptr<Test::ProtocolClient> m_rina;
    qint64 m_sitisChat = 0;
};

QTEST_GUILESS_MAIN(TestOrderUpdates)
#include "tst_orderupdates.moc"
