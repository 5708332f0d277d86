// POST /woocommerce/webhook over real HTTP on loopback, storing into a real SQLite file.
#include "http/relayhttpserver.h"
#include "http/woowebhookendpoint.h"
#include "integrations/commerce/shoporderrepo.h"
#include "integrations/woocommerce/woowebhook.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <optional>

using namespace Serambi::Relay;

namespace {

const QByteArray Secret = "wc_secret_abc";
const QString Siti = QStringLiteral("6281234567001");

QByteArray orderBody(const char *status, const char *modified)
{
    return QStringLiteral(R"({"id":101,"number":"INV-0117","status":"%1","currency":"IDR",
        "total":"350000.00","date_created_gmt":"2026-11-28T03:15:00","date_modified_gmt":"%2",
        "billing":{"phone":"081234567001"},
        "line_items":[{"name":"Gamis Katun Rayon","quantity":2}]})")
        .arg(QLatin1String(status), QLatin1String(modified))
        .toUtf8();
}

} // namespace

class TestWooWebhookEndpoint : public QObject
{
    Q_OBJECT

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<WooWebhookEndpoint> m_endpoint;
    std::unique_ptr<RelayHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    quint16 m_port = 0;

    Reply post(const QByteArray &body, const QByteArray &topic, const QByteArray &signature,
               const QByteArray &deliveryId)
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/woocommerce/webhook").arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("X-WC-Webhook-Topic", topic);
        request.setRawHeader("X-WC-Webhook-Resource", "order");
        if (!signature.isEmpty())
            request.setRawHeader("X-WC-Webhook-Signature", signature);
        request.setRawHeader("X-WC-Webhook-Delivery-ID", deliveryId);
        QNetworkReply *reply = m_nam->post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->readAll()};
        reply->deleteLater();
        return result;
    }

    Reply postSigned(const QByteArray &body, const QByteArray &deliveryId,
                     const QByteArray &topic = "order.updated")
    {
        return post(body, topic, wooWebhookSignature(body, Secret), deliveryId);
    }

    QList<ShopOrder> storedFor(const QString &waId)
    {
        QSqlDatabase db =
            openDatabase(m_dir->filePath(QStringLiteral("relay.sqlite")), QStringLiteral("check"));
        const QList<ShopOrder> orders = ShopOrderRepo::forCustomer(db, waId);
        db = QSqlDatabase();
        closeDatabase(QStringLiteral("check"));
        return orders;
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_writer = std::make_unique<StoreWriter>(m_dir->filePath(QStringLiteral("relay.sqlite")));
        QString error;
        QVERIFY2(m_writer->start(&error), qPrintable(error));
        WooWebhookOptions options;
        options.secret = Secret;
        options.maxBodyBytes = 64 * 1024;
        m_endpoint = std::make_unique<WooWebhookEndpoint>(options, m_writer.get());
        m_server = std::make_unique<RelayHttpServer>(
            nullptr, nullptr, nullptr, [](QWebSocket *socket) { delete socket; },
            [] { return true; });
        m_server->setWooCommerceWebhook(m_endpoint.get());
        m_port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
        m_endpoint.reset();
        m_writer.reset();
        m_dir.reset();
    }

    void aSignedOrderIsStored()
    {
        const Reply reply = postSigned(orderBody("processing", "2026-11-28T03:20:00"), "d-1");
        QCOMPARE(reply.status, 200);
        const QList<ShopOrder> orders = storedFor(Siti);
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().number, QStringLiteral("INV-0117"));
        QCOMPARE(orders.first().status, QStringLiteral("processing"));
        QCOMPARE(orders.first().items.first().quantity, 2);
        QCOMPARE(m_endpoint->count(WooWebhookEndpoint::Stored), quint64(1));
    }

    void thePingIsAnswered()
    {
        const Reply reply = post("webhook_id=3", {}, {}, {});
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_endpoint->count(WooWebhookEndpoint::Ping), quint64(1));
    }

    void aResentDeliveryIsTakenOnce()
    {
        QCOMPARE(postSigned(orderBody("processing", "2026-11-28T03:20:00"), "d-1").status, 200);
        // The same delivery again, even with another body, changes nothing.
        const Reply again = postSigned(orderBody("cancelled", "2026-11-29T00:00:00"), "d-1");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, QByteArray("duplicate\n"));
        QCOMPARE(storedFor(Siti).first().status, QStringLiteral("processing"));
        QCOMPARE(m_endpoint->count(WooWebhookEndpoint::Duplicate), quint64(1));
    }

    void anOlderUpdateArrivingLateIsIgnored()
    {
        QCOMPARE(postSigned(orderBody("completed", "2026-11-30T09:40:00"), "d-2").status, 200);
        QCOMPARE(postSigned(orderBody("processing", "2026-11-28T03:20:00"), "d-1").status, 200);
        QCOMPARE(storedFor(Siti).first().status, QStringLiteral("completed"));
        QCOMPARE(m_endpoint->count(WooWebhookEndpoint::Stale), quint64(1));
    }

    void aWrongSignatureIsRefused()
    {
        const QByteArray body = orderBody("completed", "2026-11-30T09:40:00");
        QCOMPARE(post(body, "order.updated", wooWebhookSignature(body, "guess"), "d-3").status,
                 401);
        QCOMPARE(post(body, "order.updated", {}, "d-4").status, 401);
        QVERIFY(storedFor(Siti).isEmpty());
        QCOMPARE(m_endpoint->count(WooWebhookEndpoint::BadSignature), quint64(2));
    }

    void malformedJsonIsRefused()
    {
        QCOMPARE(postSigned("{\"id\":101,\"status\":", "d-5").status, 400);
        QCOMPARE(postSigned(R"({"id":101,"status":"completed","total":350000})", "d-6").status,
                 400);
        QVERIFY(storedFor(Siti).isEmpty());
    }

    void anOversizedBodyIsRefused()
    {
        QByteArray body = orderBody("completed", "2026-11-30T09:40:00");
        body.append(QByteArray(65 * 1024, ' '));
        QCOMPARE(postSigned(body, "d-7").status, 413);
        QVERIFY(storedFor(Siti).isEmpty());
    }

    void anUnknownTopicIsDropped()
    {
        const Reply reply =
            postSigned(orderBody("completed", "2026-11-30T09:40:00"), "d-8", "product.updated");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("ignored\n"));
        QVERIFY(storedFor(Siti).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWooWebhookEndpoint)
#include "tst_woowebhookendpoint.moc"
