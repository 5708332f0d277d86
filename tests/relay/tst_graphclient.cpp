#include "support/fakegraphapi.h"
#include "whatsapp/graphclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi::Relay;
using Serambi::Test::FakeGraphApi;

namespace {

const QString PhoneNumberId = QStringLiteral("106540352242922");
const QByteArray Token = "EAAG-test-token";

QJsonObject textBody()
{
    return QJsonDocument::fromJson(R"({"messaging_product":"whatsapp","recipient_type":"individual",
        "to":"+447700900123","type":"text","text":{"body":"Halo, pesanan Anda sudah dikirim."}})")
        .object();
}

} // namespace

class TestGraphClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeGraphApi> m_api;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<GraphClient> m_client;
    std::optional<GraphResult> m_result;

    void makeClient(const QUrl &baseUrl, int timeoutMs = 5000)
    {
        m_client = std::make_unique<GraphClient>(
            GraphOptions{baseUrl, PhoneNumberId, Token, timeoutMs}, m_nam.get());
    }

    GraphClient::Done store()
    {
        return [this](const GraphResult &result) { m_result = result; };
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeGraphApi>();
        QVERIFY(m_api->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        makeClient(m_api->baseUrl());
        m_result.reset();
    }

    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_api.reset();
    }

    void shouldDefaultToVersion25OfTheGraphApi()
    {
        QCOMPARE(GraphOptions().baseUrl, QUrl(QStringLiteral("https://graph.facebook.com/v25.0")));
        GraphOptions options;
        options.phoneNumberId = PhoneNumberId;
        GraphClient client(options, m_nam.get());
        QCOMPARE(client.messagesUrl().toString(),
                 QStringLiteral("https://graph.facebook.com/v25.0/106540352242922/messages"));
    }

    void shouldDownloadMediaOnlyOverHttpsFromMetasHosts_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("meta") << "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"
                              << true;
        QTest::newRow("meta, port 443") << "https://lookaside.fbsbx.com:443/x" << true;
        QTest::newRow("subdomain") << "https://scontent.whatsapp.net/v/t61/x" << true;
        QTest::newRow("plain http") << "http://lookaside.fbsbx.com/x" << false;
        QTest::newRow("other port") << "https://lookaside.fbsbx.com:8443/x" << false;
        QTest::newRow("lookalike") << "https://lookaside.fbsbx.com.evil.example/x" << false;
        QTest::newRow("suffix without dot") << "https://evilwhatsapp.net/x" << false;
        QTest::newRow("user info") << "https://attacker@lookaside.fbsbx.com/x" << false;
        QTest::newRow("attacker") << "https://attacker.example/x" << false;
        QTest::newRow("ftp") << "ftp://lookaside.fbsbx.com/x" << false;
        QTest::newRow("simulator origin") << "http://127.0.0.1:8091/media-download/1" << true;
        QTest::newRow("simulator, other port") << "http://127.0.0.1:8092/media-download/1" << false;
        QTest::newRow("simulator, https") << "https://127.0.0.1:8091/media-download/1" << false;
    }

    void shouldDownloadMediaOnlyOverHttpsFromMetasHosts()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const QStringList hosts{QStringLiteral("lookaside.fbsbx.com"),
                                QStringLiteral("*.whatsapp.net"),
                                QStringLiteral("http://127.0.0.1:8091")};
        QCOMPARE(GraphClient::isAllowedDownloadUrl(QUrl(url), hosts), allowed);
    }

    void shouldNotSendTheTokenToAMediaUrlOffTheAllowList()
    {
        // Meta's lookup named the fake API's own address, which the default list does not hold.
        QUrl url = m_api->baseUrl();
        url.setPath(QStringLiteral("/media-download/1"));
        QCOMPARE(m_client->download(url), nullptr);
        GraphOptions options = m_client->options();
        QUrl origin = m_api->baseUrl();
        origin.setPath(QString());
        options.mediaDownloadHosts = {origin.toString()};
        GraphClient allowed(options, m_nam.get());
        std::unique_ptr<QNetworkReply> reply(allowed.download(url));
        QVERIFY(reply);
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_api->requests().size(), 1);
        QCOMPARE(m_api->requests().first().authorization, "Bearer " + Token);
    }

    void shouldPostTheBodyWithBearerTokenToThePhoneNumbersMessages()
    {
        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QCOMPARE(m_api->requests().size(), 1);
        const FakeGraphApi::Request request = m_api->requests().constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/v25.0/106540352242922/messages"));
        QCOMPARE(request.authorization, QByteArray("Bearer EAAG-test-token"));
        QCOMPARE(request.contentType, QByteArray("application/json"));
        QCOMPARE(request.json(), textBody());
    }

    void shouldReturnTheWamidOfAnAcceptedMessage()
    {
        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QVERIFY(m_result->ok());
        QCOMPARE(m_result->httpStatus, 200);
        QCOMPARE(m_result->wamid, m_api->wamids().constFirst());
        QVERIFY(!m_result->hasError);
    }

    void shouldReportMetasErrorCodeTitleAndDetails()
    {
        m_api->enqueue(FakeGraphApi::metaError(
            400, 131047, QStringLiteral("(#131047) Re-engagement message"),
            QStringLiteral("More than 24 hours have passed since the customer last replied.")));

        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QVERIFY(!m_result->ok());
        QCOMPARE(m_result->httpStatus, 400);
        QVERIFY(m_result->hasError);
        QCOMPARE(m_result->error.code, 131047);
        QCOMPARE(m_result->error.title(), QStringLiteral("Re-engagement message"));
        QCOMPARE(m_result->error.details,
                 QStringLiteral("More than 24 hours have passed since the customer last replied."));
        QCOMPARE(m_result->error.fbtraceId, QStringLiteral("AbCdEf123"));
        QVERIFY(m_result->wamid.isEmpty());
    }

    void shouldReportRetryAfterSeconds()
    {
        m_api->enqueue(FakeGraphApi::httpStatus(429, "7"));

        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QCOMPARE(m_result->httpStatus, 429);
        QCOMPARE(m_result->retryAfterSeconds, 7);
        QVERIFY(!m_result->hasError);
    }

    void shouldReportNoRetryAfterWhenTheHeaderIsAbsent()
    {
        m_api->enqueue(FakeGraphApi::httpStatus(503));

        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QCOMPARE(m_result->httpStatus, 503);
        QCOMPARE(m_result->retryAfterSeconds, -1);
    }

    void shouldTimeOutWhenTheApiDoesNotAnswer()
    {
        makeClient(m_api->baseUrl(), 200);
        m_api->enqueue(FakeGraphApi::noAnswer());

        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QVERIFY(!m_result->ok());
        QVERIFY(m_result->noResponse());
        QVERIFY(m_result->timedOut);
    }

    void shouldReportANetworkErrorWhenNothingListens()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        makeClient(QUrl(QStringLiteral("http://127.0.0.1:%1/v25.0").arg(port)));

        m_client->sendMessage(textBody(), this, store());

        QTRY_VERIFY(m_result.has_value());
        QVERIFY(m_result->noResponse());
        QVERIFY(!m_result->timedOut);
        QCOMPARE(m_result->networkError, QNetworkReply::ConnectionRefusedError);
    }

    void shouldNotCallBackAfterTheContextIsGone()
    {
        QSignalSpy finished(m_nam.get(), &QNetworkAccessManager::finished);
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_client->sendMessage(textBody(), context.get(),
                              [&](const GraphResult &) { called = true; });
        context.reset();

        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_api->requests().size(), 1);
        QVERIFY(!called);
    }

    void shouldMarkAMessageRead()
    {
        FakeGraphApi::Reply reply;
        reply.body = R"({"success":true})";
        m_api->enqueue(reply);

        m_client->markRead(QStringLiteral("wamid.IN_1"), this, store());

        QTRY_VERIFY(m_result.has_value());
        QVERIFY(m_result->ok());
        const QJsonObject expected{{QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
                                   {QLatin1String("status"), QStringLiteral("read")},
                                   {QLatin1String("message_id"), QStringLiteral("wamid.IN_1")}};
        QCOMPARE(m_api->requests().constFirst().json(), expected);
        QCOMPARE(m_api->requests().constFirst().authorization,
                 QByteArray("Bearer EAAG-test-token"));
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
