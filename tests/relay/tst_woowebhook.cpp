#include "integrations/woocommerce/woowebhook.h"

#include <QTest>

using namespace Serambi::Relay;
using Kind = WooWebhookDelivery::Kind;

namespace {

const QByteArray Secret = "wc_secret_abc";
// The known-answer vector of docs/integrations-reference.md §1.4.
const QByteArray VectorBody = R"({"id":123,"number":"INV-0117","status":"completed"})";
const QByteArray VectorSignature = "pfmecW9pSW/RKNmuT+hcOsPyYaE4p0ij5/jzjieGHyU=";
const QByteArray OrderBody = R"({"id":101,"number":"INV-0117","status":"completed",
    "total":"350000.00","date_modified_gmt":"2026-11-30T09:40:00",
    "billing":{"phone":"081234567001"}})";

WooWebhookHeaders headers(const QByteArray &body, const QByteArray &topic = "order.updated")
{
    return {topic, wooWebhookSignature(body, Secret), "36e520ebabc2fa725092ff4a47acedf2"};
}

WooWebhookDelivery read(const WooWebhookHeaders &h, const QByteArray &body)
{
    return readWooWebhook(h, body, Secret, WooTrackingKeys());
}

} // namespace

class TestWooWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureMatchesTheKnownAnswer()
    {
        QCOMPARE(wooWebhookSignature(VectorBody, Secret), VectorSignature);
    }

    void aSignedOrderIsRead()
    {
        const WooWebhookDelivery delivery = read(headers(OrderBody), OrderBody);
        QCOMPARE(delivery.kind, Kind::Order);
        QCOMPARE(delivery.deliveryId, QStringLiteral("36e520ebabc2fa725092ff4a47acedf2"));
        QCOMPARE(delivery.order.number, QStringLiteral("INV-0117"));
        QCOMPARE(delivery.order.billingWaId, QStringLiteral("6281234567001"));
        QCOMPARE(delivery.order.totalHundredths, qint64(35000000));
        QCOMPARE(read(headers(OrderBody, "order.created"), OrderBody).kind, Kind::Order);
    }

    void wrongSignaturesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("another secret's") << wooWebhookSignature(OrderBody, "wc_other");
        QTest::newRow("hex instead of base64")
            << QByteArray::fromBase64(wooWebhookSignature(OrderBody, Secret)).toHex();
        QTest::newRow("of another body") << wooWebhookSignature(VectorBody, Secret);
        QTest::newRow("truncated") << wooWebhookSignature(OrderBody, Secret).left(20);
    }

    void wrongSignaturesAreRefused()
    {
        QFETCH(QByteArray, signature);
        WooWebhookHeaders h = headers(OrderBody);
        h.signature = signature;
        const WooWebhookDelivery delivery = read(h, OrderBody);
        QCOMPARE(delivery.kind, Kind::BadSignature);
        QVERIFY(delivery.order.number.isEmpty());
    }

    void aChangedBodyFailsItsSignature()
    {
        QByteArray tampered = OrderBody;
        tampered.replace("completed", "cancelled");
        QCOMPARE(read(headers(OrderBody), tampered).kind, Kind::BadSignature);
    }

    void noSecretVerifiesNothing()
    {
        const WooWebhookHeaders h{"order.updated", wooWebhookSignature(OrderBody, {}), "d1"};
        QCOMPARE(readWooWebhook(h, OrderBody, {}, WooTrackingKeys()).kind, Kind::BadSignature);
    }

    void thePingIsRecognisedWithoutParsing()
    {
        WooWebhookHeaders h;
        QCOMPARE(read(h, "webhook_id=3").kind, Kind::Ping);
        QCOMPARE(read(headers("webhook_id=3"), "webhook_id=3").kind, Kind::Ping);
        // Anything more than the ping is an ordinary, unsigned delivery.
        QCOMPARE(read(h, "webhook_id=3&x=1").kind, Kind::BadSignature);
        QCOMPARE(read(h, "webhook_id=").kind, Kind::BadSignature);
    }

    void otherTopicsAreDropped()
    {
        const QByteArray body = R"({"id":5,"name":"Gamis"})";
        const WooWebhookDelivery delivery = read(headers(body, "product.updated"), body);
        QCOMPARE(delivery.kind, Kind::OtherTopic);
        QVERIFY(delivery.problem.contains(QLatin1String("product.updated")));
        QCOMPARE(read(headers(OrderBody, "order.deleted"), OrderBody).kind, Kind::OtherTopic);
        QCOMPARE(read(headers(OrderBody, ""), OrderBody).kind, Kind::OtherTopic);
    }

    void signedButUnreadableBodiesAreMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not JSON") << QByteArray("{\"id\":101,") << "not a JSON object";
        QTest::newRow("a list") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("no total") << QByteArray(R"({"id":101,"status":"completed"})")
                                  << "\"total\"";
        QTest::newRow("float total")
            << QByteArray(R"({"id":101,"status":"completed","total":350000.0})") << "\"total\"";
    }

    void signedButUnreadableBodiesAreMalformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const WooWebhookDelivery delivery = read(headers(body), body);
        QCOMPARE(delivery.kind, Kind::Malformed);
        QVERIFY2(delivery.problem.contains(problem), qPrintable(delivery.problem));
    }

    void aDeliveryWithoutItsIdIsMalformed()
    {
        WooWebhookHeaders h = headers(OrderBody);
        h.deliveryId.clear();
        const WooWebhookDelivery delivery = read(h, OrderBody);
        QCOMPARE(delivery.kind, Kind::Malformed);
        QVERIFY(delivery.problem.contains(QLatin1String("Delivery-ID")));
    }
};

QTEST_GUILESS_MAIN(TestWooWebhook)
#include "tst_woowebhook.moc"
