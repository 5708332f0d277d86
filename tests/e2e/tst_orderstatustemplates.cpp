// Status templates through the whole relay: a WooCommerce webhook moves a consenting
// customer's order to a status the business chose a template for, and the exact Graph request
// for that template reaches the simulator, the message appears in the chat; nothing for a
// customer who did not consent, for an unchanged status, or when the order lacks a field.
#include "config/orderstatustemplates.h"
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"
#include "support/wooorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi;
using Test::WooOrder;

namespace {

const QString Siti = QStringLiteral("6281234567001");

QByteArray body(const WooOrder &order)
{
    return QJsonDocument(Test::wooOrderJson(order)).toJson(QJsonDocument::Compact);
}

WooOrder consenting(WooOrder order, const QString &answer = QStringLiteral("yes"))
{
    order.consent = answer;
    return order;
}

WooOrder shipped(WooOrder order)
{
    order.status = QStringLiteral("completed");
    order.modified = QStringLiteral("2026-11-29T08:00:00");
    order.courier = QStringLiteral("JNE");
    order.trackingNumber = QStringLiteral("JNE0012345678");
    return order;
}

QJsonObject textParameter(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

} // namespace

class TestOrderStatusTemplates : public QObject
{
    Q_OBJECT

private:
    // The template messages the Graph API received after request number before.
    QList<QJsonObject> templatesSentAfter(int before)
    {
        QList<QJsonObject> bodies;
        for (const Sim::RecordedRequest &request : m_loop->sim().requests().since(before)) {
            const QJsonObject sent = request.jsonBody();
            if (request.path.endsWith(QLatin1String("/messages")) &&
                sent.value(QLatin1String("type")).toString() == QLatin1String("template"))
                bodies.append(sent);
        }
        return bodies;
    }

    // Posts a webhook for a customer who never gets a template, and waits for its order.updated
    // on the supervisor's console: every delivery before it has been handled by then.
    void settle(const QString &deliveryId)
    {
        const QString wamid =
            m_loop->customerWrites(QStringLiteral("6281234567999"), QStringLiteral("Halo"));
        QVERIFY(!wamid.isEmpty());
        // The marker's order.updated goes to the consoles that see its customer's chat: the
        // chat must be stored before the shop's webhook arrives.
        QVERIFY(!m_console
                     ->waitForEvent([&wamid](const QJsonObject &event) {
                         return event.value(QLatin1String("kind")).toString() ==
                                    QLatin1String("message.created") &&
                                event.value(QLatin1String("data"))
                                        .toObject()
                                        .value(QLatin1String("wamid"))
                                        .toString() == wamid;
                     })
                     .isEmpty());
        WooOrder marker;
        marker.id = 999;
        marker.number = QStringLiteral("INV-0999");
        marker.billingPhone = QStringLiteral("081234567999");
        QCOMPARE(m_loop->postWooWebhook(body(marker), deliveryId), 200);
        QVERIFY(!m_console
                     ->waitForEvent([](const QJsonObject &event) {
                         return event.value(QLatin1String("kind")).toString() ==
                                    QLatin1String("order.updated") &&
                                event.value(QLatin1String("data"))
                                        .toObject()
                                        .value(QLatin1String("number"))
                                        .toString() == QLatin1String("INV-0999");
                     })
                     .isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("rina"), QStringLiteral("Rina"),
                                QStringLiteral("supervisor"), QStringLiteral("rahasia-rina")));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.wabaId = m_loop->sim().config().wabaId;
        config.orderStatusTemplates = *Relay::parseOrderStatusTemplates(
            QStringLiteral("completed: pesanan_dikirim id name number courier tracking_number; "
                           "cancelled: order_update en_US name number"),
            &error);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_console = std::make_unique<Test::ProtocolClient>();
        QVERIFY(m_console->signIn(m_loop->agentsUrl(), QStringLiteral("rina"),
                                  QStringLiteral("rahasia-rina")));
        QVERIFY(!m_console->subscribe(0).isEmpty());
        // The relay copies the templates from Meta (the simulator) at start.
        QTRY_VERIFY_WITH_TIMEOUT(!m_console->command(QStringLiteral("list_templates"), {})
                                      .value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("templates"))
                                      .toArray()
                                      .isEmpty(),
                                 10000);
    }

    void cleanup()
    {
        m_console.reset();
        m_loop.reset();
    }

    void aConsentingCustomerGetsTheChosenTemplateInTheChat()
    {
        QVERIFY(!m_loop
                     ->customerWrites(Siti, QStringLiteral("Kapan dikirim kak?"),
                                      QStringLiteral("Siti Rahmawati"))
                     .isEmpty());
        const int before = m_loop->sim().requests().lastSeq();
        QCOMPARE(m_loop->postWooWebhook(body(consenting(WooOrder())), QStringLiteral("d-1")), 200);
        QCOMPARE(
            m_loop->postWooWebhook(body(shipped(consenting(WooOrder()))), QStringLiteral("d-2")),
            200);

        QTRY_COMPARE_WITH_TIMEOUT(templatesSentAfter(before).size(), 1, 10000);
        const QJsonObject expected{
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), QString(QStringLiteral("+") + Siti)},
            {QStringLiteral("type"), QStringLiteral("template")},
            {QStringLiteral("template"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("pesanan_dikirim")},
                         {QStringLiteral("language"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}},
                         {QStringLiteral("components"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), QStringLiteral("body")},
                              {QStringLiteral("parameters"),
                               QJsonArray{textParameter(QStringLiteral("Siti Rahmawati")),
                                          textParameter(QStringLiteral("INV-0117")),
                                          textParameter(QStringLiteral("JNE")),
                                          textParameter(QStringLiteral("JNE0012345678"))}}}}}}}};
        QJsonObject sent = templatesSentAfter(before).constFirst();
        // The outbox's own reference to its message, echoed back in Meta's status webhooks.
        QVERIFY(!sent.take(QLatin1String("biz_opaque_callback_data")).toString().isEmpty());
        QVERIFY2(sent == expected, QJsonDocument(sent).toJson().constData());

        // The chat shows it, as the business's automatic message.
        const QJsonObject shown = m_console->waitForEvent([](const QJsonObject &event) {
            const QJsonObject data = event.value(QLatin1String("data")).toObject();
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("message.created") &&
                   data.value(QLatin1String("type")).toString() == QLatin1String("template");
        });
        QVERIFY(!shown.isEmpty());
        const QJsonObject message = shown.value(QLatin1String("data")).toObject();
        QCOMPARE(message.value(QLatin1String("text")).toString(),
                 QStringLiteral("Halo Siti Rahmawati, pesanan INV-0117 sudah dikirim dengan JNE, "
                                "nomor resi JNE0012345678."));
        QCOMPARE(message.value(QLatin1String("sender")).toString(), QStringLiteral("ai"));

        // The same status again (a later edit of the shipped order) sends nothing more.
        WooOrder edited = shipped(consenting(WooOrder()));
        edited.modified = QStringLiteral("2026-11-29T09:00:00");
        QCOMPARE(m_loop->postWooWebhook(body(edited), QStringLiteral("d-3")), 200);
        settle(QStringLiteral("m-1"));
        QCOMPARE(templatesSentAfter(before).size(), 1);
    }

    void aCustomerWhoNeverWroteGetsAChatWithIt()
    {
        WooOrder dewis;
        dewis.id = 121;
        dewis.number = QStringLiteral("INV-0121");
        dewis.billingPhone = QStringLiteral("+62 812-3456-7003");
        dewis.status = QStringLiteral("cancelled");
        const int before = m_loop->sim().requests().lastSeq();
        QCOMPARE(m_loop->postWooWebhook(body(consenting(dewis)), QStringLiteral("d-1")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(templatesSentAfter(before).size(), 1, 10000);
        const QJsonObject sent = templatesSentAfter(before).constFirst();
        QCOMPARE(sent.value(QLatin1String("to")).toString(), QStringLiteral("+6281234567003"));
        const QJsonObject expectedTemplate{
            {QStringLiteral("name"), QStringLiteral("order_update")},
            {QStringLiteral("language"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("en_US")}}},
            {QStringLiteral("components"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                    {QStringLiteral("parameters"),
                                     QJsonArray{textParameter(QStringLiteral("Kak")),
                                                textParameter(QStringLiteral("INV-0121"))}}}}}};
        QCOMPARE(sent.value(QLatin1String("template")).toObject(), expectedTemplate);
        QVERIFY(!m_console
                     ->waitForEvent([](const QJsonObject &event) {
                         return event.value(QLatin1String("kind")).toString() ==
                                    QLatin1String("conversation.updated") &&
                                event.value(QLatin1String("data"))
                                        .toObject()
                                        .value(QLatin1String("contact"))
                                        .toObject()
                                        .value(QLatin1String("wa_id"))
                                        .toString() == QLatin1String("6281234567003");
                     })
                     .isEmpty());
    }

    void nothingWithoutConsentOrWhenAFieldIsMissing()
    {
        const int before = m_loop->sim().requests().lastSeq();
        // Siti said no at checkout.
        QCOMPARE(m_loop->postWooWebhook(body(shipped(consenting(WooOrder(), QStringLiteral("no")))),
                                        QStringLiteral("d-1")),
                 200);
        // Budi consented, but the order says nothing about it on a later order: still yes;
        // his shipped order has no tracking number, which the template needs.
        WooOrder budis;
        budis.id = 120;
        budis.number = QStringLiteral("INV-0120");
        budis.billingPhone = QStringLiteral("081234567002");
        QCOMPARE(m_loop->postWooWebhook(body(consenting(budis)), QStringLiteral("d-2")), 200);
        WooOrder unshipped = shipped(budis);
        unshipped.trackingNumber.clear();
        QCOMPARE(m_loop->postWooWebhook(body(unshipped), QStringLiteral("d-3")), 200);
        // Andi never answered.
        WooOrder andis;
        andis.id = 122;
        andis.number = QStringLiteral("INV-0122");
        andis.billingPhone = QStringLiteral("0812-3456-70011");
        QCOMPARE(m_loop->postWooWebhook(body(shipped(andis)), QStringLiteral("d-4")), 200);
        settle(QStringLiteral("m-1"));
        QVERIFY(templatesSentAfter(before).isEmpty());
        // Nor is one queued: it would be in a chat, committed before the webhook's 200.
        for (const QJsonObject &event : m_console->events()) {
            const QJsonObject data = event.value(QLatin1String("data")).toObject();
            QVERIFY(event.value(QLatin1String("kind")).toString() !=
                        QLatin1String("message.created") ||
                    data.value(QLatin1String("type")).toString() != QLatin1String("template"));
        }
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
    std::unique_ptr<Test::ProtocolClient> m_console;
};

QTEST_GUILESS_MAIN(TestOrderStatusTemplates)
#include "tst_orderstatustemplates.moc"
