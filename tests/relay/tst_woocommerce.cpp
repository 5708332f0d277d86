#include "integrations/commerce/decimalmoney.h"
#include "integrations/commerce/wanumber.h"
#include "integrations/woocommerce/woocommerceclient.h"
#include "integrations/woocommerce/wooorderparser.h"
#include "sim/fakeshop.h"
#include "sim/simulator.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi::Relay;
using Serambi::Sim::FakeShop;
using Serambi::Sim::SimConfig;
using Serambi::Sim::Simulator;

namespace {

const QString Siti = QStringLiteral("6281234567001");
const QString Budi = QStringLiteral("6281234567002");
const QString Dewi = QStringLiteral("6281234567003");

QStringList numbers(const QList<ShopOrder> &orders)
{
    QStringList result;
    for (const ShopOrder &order : orders)
        result.append(order.number);
    return result;
}

QJsonObject orderJson(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestWooCommerce : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    QNetworkAccessManager m_nam;
    std::optional<OrderLookup> m_result;

    WooCommerceOptions shopOptions(const QUrl &url, const QByteArray &secret) const
    {
        WooCommerceOptions options;
        options.storeUrl = url;
        options.consumerKey = FakeShop::DemoConsumerKey;
        options.consumerSecret = secret;
        return options;
    }

    QUrl simShopUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_sim->port()));
    }

    OrderSource::Done store()
    {
        m_result.reset();
        return [this](const OrderLookup &lookup) { m_result = lookup; };
    }

    OrderLookup ordersFor(OrderSource &source, const QString &waId)
    {
        source.ordersForCustomer(waId, this, store());
        [&] { QTRY_VERIFY(m_result.has_value()); }();
        return m_result.value_or(OrderLookup{});
    }

    OrderLookup orderRef(OrderSource &source, const QString &reference, const QString &waId)
    {
        source.orderByReference(reference, waId, this, store());
        [&] { QTRY_VERIFY(m_result.has_value()); }();
        return m_result.value_or(OrderLookup{});
    }

private Q_SLOTS:
    void init()
    {
        SimConfig config;
        config.listenPort = 0;
        config.customersEnabled = false;
        config.pace = 0;
        m_sim = std::make_unique<Simulator>(config);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
    }

    void cleanup() { m_sim.reset(); }

    void phoneNumbersBecomeWaIds_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("waId");
        QTest::newRow("local 08") << "081234567001" << Siti;
        QTest::newRow("local with dashes") << "0812-3456-7001" << Siti;
        QTest::newRow("plus 62 with spaces") << "+62 812 3456 7001" << Siti;
        QTest::newRow("62") << "6281234567001" << Siti;
        QTest::newRow("international 00") << "0062 812 3456 7001" << Siti;
        QTest::newRow("brackets and dots") << "(0812) 3456.7001" << Siti;
        QTest::newRow("other country") << "+44 7700 900123"
                                       << "447700900123";
        QTest::newRow("letters") << "0812-CALL-ME"
                                 << "";
        QTest::newRow("too short") << "0812"
                                   << "";
        QTest::newRow("too long") << "+62 812 3456 7001 2345"
                                  << "";
        QTest::newRow("plus in the middle") << "0812+34567001"
                                            << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void phoneNumbersBecomeWaIds()
    {
        QFETCH(QString, phone);
        QFETCH(QString, waId);
        QCOMPARE(waIdFromPhone(phone), waId);
    }

    void moneyIsParsedAsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("hundredths");
        QTest::newRow("two decimals") << "150000.00" << true << qint64(15000000);
        QTest::newRow("no decimals") << "150000" << true << qint64(15000000);
        QTest::newRow("one decimal") << "2500.5" << true << qint64(250050);
        QTest::newRow("trailing zeros") << "99.9900" << true << qint64(9999);
        QTest::newRow("refund") << "-12500.00" << true << qint64(-1250000);
        QTest::newRow("beyond a double's exactness")
            << "999999999999999.99" << true << qint64(99999999999999999);
        QTest::newRow("third decimal") << "10.005" << false << qint64(0);
        QTest::newRow("grouping") << "150.000,00" << false << qint64(0);
        QTest::newRow("letters") << "Rp150000" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("dot only") << "." << false << qint64(0);
        QTest::newRow("no fraction after dot") << "5." << false << qint64(0);
        QTest::newRow("exponent") << "1e5" << false << qint64(0);
        QTest::newRow("too many digits") << "1234567890123456" << false << qint64(0);
    }

    void moneyIsParsedAsText()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, hundredths);
        const std::optional<qint64> parsed = parseDecimalHundredths(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, hundredths);
    }

    void storeUrlMustBeHttpsExceptLoopback()
    {
        const QByteArray secret = FakeShop::DemoConsumerSecret;
        QVERIFY(
            shopOptions(QUrl(QStringLiteral("https://toko.example")), secret).problem().isEmpty());
        QVERIFY(
            shopOptions(QUrl(QStringLiteral("http://127.0.0.1:8091")), secret).problem().isEmpty());
        QVERIFY(
            shopOptions(QUrl(QStringLiteral("http://localhost:8091")), secret).problem().isEmpty());
        QVERIFY(shopOptions(QUrl(QStringLiteral("http://[::1]:8091")), secret).problem().isEmpty());
        QVERIFY(shopOptions(QUrl(QStringLiteral("http://toko.example")), secret)
                    .problem()
                    .contains(QLatin1String("https")));
        QVERIFY(shopOptions(QUrl(QStringLiteral("http://10.0.0.5")), secret)
                    .problem()
                    .contains(QLatin1String("https")));
        QVERIFY(shopOptions(QUrl(QStringLiteral("ftp://toko.example")), secret)
                    .problem()
                    .contains(QLatin1String("https")));
        QVERIFY(!shopOptions(QUrl(QStringLiteral("https://u:p@toko.example")), secret)
                     .problem()
                     .isEmpty());
        QVERIFY(!shopOptions(QUrl(QStringLiteral("not a url")), secret).problem().isEmpty());
        QVERIFY(shopOptions(QUrl(QStringLiteral("https://toko.example")), {})
                    .problem()
                    .contains(QLatin1String("secret")));
    }

    void orderFieldsAreRead()
    {
        QString error;
        const std::optional<ShopOrder> order = parseWooOrder(
            orderJson(R"({"id":7,"number":"INV-7","status":"completed","currency":"IDR",
                "total":"1250000.00","date_created_gmt":"2026-11-20T07:00:00",
                "billing":{"phone":"0812 3456 7003"},
                "line_items":[{"name":"Tas","quantity":1},{"name":"Dompet","quantity":2}],
                "meta_data":[{"key":"_resi","value":" 0045 "},{"key":"_courier","value":"SiCepat"}]})"),
            WooTrackingKeys(), &error);
        QVERIFY2(order, qPrintable(error));
        QCOMPARE(order->number, QStringLiteral("INV-7"));
        QCOMPARE(order->totalHundredths, qint64(125000000));
        QCOMPARE(order->billingWaId, Dewi);
        QCOMPARE(order->createdUtc, QDateTime(QDate(2026, 11, 20), QTime(7, 0), Qt::UTC));
        QCOMPARE(order->items.size(), 2);
        QCOMPARE(order->items.at(1).quantity, 2);
        QCOMPARE(order->trackingNumber, QStringLiteral("0045"));
        QCOMPARE(order->courier, QStringLiteral("SiCepat"));
    }

    void courierFallsBackToTheShippingMethod()
    {
        QString error;
        const std::optional<ShopOrder> order =
            parseWooOrder(orderJson(R"({"id":8,"status":"completed","total":"10",
                "shipping_lines":[{"method_title":"JNE REG"}],
                "meta_data":[{"key":"_tracking_number","value":"JNE99"}]})"),
                          WooTrackingKeys(), &error);
        QVERIFY2(order, qPrintable(error));
        QCOMPARE(order->number, QStringLiteral("8"));
        QCOMPARE(order->courier, QStringLiteral("JNE REG"));
        QCOMPARE(order->trackingNumber, QStringLiteral("JNE99"));
        QVERIFY(order->billingWaId.isEmpty());
    }

    void badOrdersAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QByteArray(R"({"status":"completed","total":"1"})") << "id";
        QTest::newRow("id as text")
            << QByteArray(R"({"id":"7","status":"completed","total":"1"})") << "id";
        QTest::newRow("no status") << QByteArray(R"({"id":7,"total":"1"})") << "status";
        QTest::newRow("total as a float")
            << QByteArray(R"({"id":7,"status":"x","total":1.5})") << "total";
        QTest::newRow("total not a number")
            << QByteArray(R"({"id":7,"status":"x","total":"gratis"})") << "total";
    }

    void badOrdersAreRefusedNamingTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QString error;
        QVERIFY(!parseWooOrder(QJsonDocument::fromJson(json).object(), WooTrackingKeys(), &error));
        QVERIFY2(error.contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(error));
    }

    void referencesAreNormalised()
    {
        QCOMPARE(WooCommerceClient::normalizedReference(QStringLiteral(" #inv-0117 ")),
                 QStringLiteral("INV-0117"));
        QCOMPARE(WooCommerceClient::normalizedReference(QStringLiteral("117")),
                 QStringLiteral("117"));
        QVERIFY(WooCommerceClient::normalizedReference(QStringLiteral("#")).isEmpty());
        QVERIFY(WooCommerceClient::normalizedReference(QStringLiteral("INV 0117")).isEmpty());
        QVERIFY(WooCommerceClient::normalizedReference(QStringLiteral("a%25b")).isEmpty());
        QVERIFY(WooCommerceClient::normalizedReference(QString(41, u'1')).isEmpty());
        QCOMPARE(WooCommerceClient::phoneSearchTexts(Siti),
                 QStringList({QStringLiteral("81234567001"), QStringLiteral("7001")}));
        QCOMPARE(WooCommerceClient::phoneSearchTexts(QStringLiteral("447700900123")),
                 QStringList({QStringLiteral("447700900123"), QStringLiteral("0123")}));
        QVERIFY(WooCommerceClient::phoneSearchTexts(QString()).isEmpty());
    }

    // Siti's two orders carry her phone as "081234567001" and "+62 812-3456-7001"; Andi's
    // "0812-3456-70011" contains her number too and must not be shown to her.
    void customersOrdersAreFoundByPhoneInAnyForm()
    {
        WooCommerceClient client(shopOptions(simShopUrl(), FakeShop::DemoConsumerSecret), &m_nam);
        const OrderLookup siti = ordersFor(client, Siti);
        QVERIFY2(siti.ok, qPrintable(siti.error));
        QCOMPARE(numbers(siti.orders),
                 QStringList({QStringLiteral("INV-0118"), QStringLiteral("INV-0117")}));
        const ShopOrder &shipped = siti.orders.at(1);
        QCOMPARE(shipped.status, QStringLiteral("completed"));
        QCOMPARE(shipped.courier, QStringLiteral("JNE"));
        QCOMPARE(shipped.trackingNumber, QStringLiteral("JNE0012345678"));
        QCOMPARE(shipped.totalHundredths, qint64(35000000));
        QCOMPARE(shipped.items.at(0).name, QStringLiteral("Gamis Katun Rayon"));

        const OrderLookup dewi = ordersFor(client, Dewi);
        QCOMPARE(numbers(dewi.orders), QStringList({QStringLiteral("INV-0121")}));
        QCOMPARE(dewi.orders.at(0).trackingNumber, QStringLiteral("004512345678"));

        const OrderLookup nobody = ordersFor(client, QStringLiteral("6281299999999"));
        QVERIFY(nobody.ok);
        QVERIFY(nobody.orders.isEmpty());
    }

    void anOrderIsFoundByReferenceOnlyForItsCustomer()
    {
        WooCommerceClient client(shopOptions(simShopUrl(), FakeShop::DemoConsumerSecret), &m_nam);
        QCOMPARE(numbers(orderRef(client, QStringLiteral("#inv-0117"), Siti).orders),
                 QStringList({QStringLiteral("INV-0117")}));
        QCOMPARE(numbers(orderRef(client, QStringLiteral("INV-0120"), Budi).orders),
                 QStringList({QStringLiteral("INV-0120")}));

        const OrderLookup someoneElses = orderRef(client, QStringLiteral("INV-0120"), Siti);
        QVERIFY(someoneElses.ok);
        QVERIFY(someoneElses.orders.isEmpty());
        const OrderLookup unknown = orderRef(client, QStringLiteral("INV-9999"), Siti);
        QVERIFY(unknown.ok);
        QVERIFY(unknown.orders.isEmpty());
        // A part of a number is not the number.
        QVERIFY(orderRef(client, QStringLiteral("INV-01"), Siti).orders.isEmpty());
        // Not a reference at all: nothing is asked.
        QVERIFY(orderRef(client, QStringLiteral("INV 0117; DROP"), Siti).orders.isEmpty());
        // No customer phone: nothing is shown, not even orders without a phone.
        QVERIFY(orderRef(client, QStringLiteral("INV-0117"), QString()).orders.isEmpty());
    }

    void wrongCredentialsAreReportedWithoutTheSecret()
    {
        WooCommerceClient client(shopOptions(simShopUrl(), "cs_wrong_secret"), &m_nam);
        const OrderLookup lookup = ordersFor(client, Siti);
        QVERIFY(!lookup.ok);
        QVERIFY(lookup.orders.isEmpty());
        QVERIFY2(lookup.error.contains(QLatin1String("401")), qPrintable(lookup.error));
        QVERIFY2(lookup.error.contains(QLatin1String("Consumer secret is invalid")),
                 qPrintable(lookup.error));
        QVERIFY(!lookup.error.contains(QLatin1String("cs_wrong_secret")));
    }

    void malformedAnswersAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not JSON") << QByteArray("<html>maintenance</html>") << 200;
        QTest::newRow("object, not list") << QByteArray(R"({"orders":[]})") << 200;
        QTest::newRow("server error without JSON") << QByteArray("oops") << 500;
    }

    void malformedAnswersAreErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QHttpServer broken;
        broken.route(QStringLiteral("/wp-json/wc/v3/orders"), [&] {
            return QHttpServerResponse("application/json", body,
                                       QHttpServerResponder::StatusCode(status));
        });
        const quint16 port = broken.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        WooCommerceClient client(shopOptions(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                             FakeShop::DemoConsumerSecret),
                                 &m_nam);
        const OrderLookup lookup = ordersFor(client, Siti);
        QVERIFY(!lookup.ok);
        QVERIFY(!lookup.error.isEmpty());
        if (status != 200)
            QVERIFY2(lookup.error.contains(QString::number(status)), qPrintable(lookup.error));
    }

    void aShopThatCannotBeReachedIsAnError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        WooCommerceClient client(shopOptions(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                             FakeShop::DemoConsumerSecret),
                                 &m_nam);
        const OrderLookup lookup = ordersFor(client, Siti);
        QVERIFY(!lookup.ok);
        QVERIFY2(lookup.error.startsWith(QLatin1String("cannot reach the shop")),
                 qPrintable(lookup.error));
    }
};

QTEST_GUILESS_MAIN(TestWooCommerce)
#include "tst_woocommerce.moc"
