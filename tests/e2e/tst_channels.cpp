// Two channels on one relay: the main Cloud API number (the loopback simulator, /webhook) and a
// second one ("service", its own simulator, /webhook/service, its own secrets). The same
// customer writes to both: two conversations, each labelled with its channel, and each reply
// leaves through the number it was written to.
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"
#include "whatsapp/signature.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567009");
const QString ServiceNumber = QStringLiteral("209876543210");
const QByteArray ServiceSecret = QByteArrayLiteral("service-app-secret");
const QByteArray ServiceToken = QByteArrayLiteral("service-graph-token");

bool sentText(Sim::Simulator &sim, const QString &to, const QString &text)
{
    const auto requests =
        sim.requests().matching(QStringLiteral("POST"), QStringLiteral("/messages"));
    for (const auto &request : requests) {
        const QJsonObject body = request.jsonBody();
        if (body.value(QLatin1String("to")).toString() == QLatin1Char('+') + to &&
            body.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString() ==
                text)
            return true;
    }
    return false;
}

bool sentAnything(Sim::Simulator &sim, const QString &text)
{
    const auto requests = sim.requests().since();
    for (const auto &request : requests) {
        if (request.body.contains(text.toUtf8()))
            return true;
    }
    return false;
}
} // namespace

class TestChannels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                QStringLiteral("supervisor"), QStringLiteral("rahasia-ayu")));
        Sim::SimConfig second;
        second.listenPort = 0;
        second.appSecret = ServiceSecret;
        second.graphToken = ServiceToken;
        second.phoneNumberId = ServiceNumber;
        second.displayPhoneNumber = QStringLiteral("6281100020099");
        second.pace = 0;
        second.customersEnabled = false;
        second.statusDelaysMs = {10, 30, 60};
        second.statusJitter = false;
        second.webhookRetryBaseMs = 50;
        m_service = std::make_unique<Sim::Simulator>(second);
        QVERIFY2(m_service->start(&error), qPrintable(error));

        Relay::RelayConfig config = m_loop->relayConfig();
        Relay::ChannelConfig service;
        service.name = QStringLiteral("service");
        service.label = QStringLiteral("Servis");
        service.colour = QStringLiteral("#3366cc");
        service.graphUrl = m_service->graphBaseUrl();
        service.phoneNumberId = ServiceNumber;
        service.appSecret = ServiceSecret;
        service.verifyToken = QByteArrayLiteral("service-verify");
        service.graphToken = ServiceToken;
        config.channels.append(service);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_webhookUrl = QUrl(
            QStringLiteral("http://127.0.0.1:%1/webhook/service").arg(m_loop->agentsUrl().port()));
        m_service->setWebhookUrl(m_webhookUrl);
    }

    void cleanup()
    {
        m_loop.reset();
        m_service.reset();
    }

    void shouldKeepTheSameCustomerOnTwoChannelsApart()
    {
        Test::ProtocolClient console;
        QVERIFY(console.signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                               QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());
        QString error;
        const QString toShop = m_loop->customerWrites(CustomerWaId, QStringLiteral("Halo toko"));
        QVERIFY(!toShop.isEmpty());
        const QString toService = m_service->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Halo servis")}},
            &error, QStringLiteral("Dedi"));
        QVERIFY2(!toService.isEmpty(), qPrintable(error));

        const qint64 shopChat = conversationOf(console, toShop);
        const qint64 serviceChat = conversationOf(console, toService);
        QVERIFY(shopChat > 0);
        QVERIFY(serviceChat > 0);
        QVERIFY(shopChat != serviceChat);
        QCOMPARE(channelOf(console, shopChat), QStringLiteral("main"));
        QCOMPARE(channelOf(console, serviceChat), QStringLiteral("service"));

        for (const auto &[chat, text] :
             {std::pair{shopChat, QStringLiteral("Balasan toko")},
              std::pair{serviceChat, QStringLiteral("Balasan servis")}}) {
            const QJsonObject reply = console.command(
                QStringLiteral("send_text"),
                {{QStringLiteral("conversation_id"), chat}, {QStringLiteral("text"), text}});
            QVERIFY2(reply.value(QLatin1String("ok")).toBool(),
                     QJsonDocument(reply).toJson().constData());
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            sentText(m_loop->sim(), CustomerWaId, QStringLiteral("Balasan toko")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            sentText(*m_service, CustomerWaId, QStringLiteral("Balasan servis")), 10000);
        // Never crossed: each number carried only its own chat's reply.
        QVERIFY(!sentAnything(m_loop->sim(), QStringLiteral("Balasan servis")));
        QVERIFY(!sentAnything(*m_service, QStringLiteral("Balasan toko")));
        // The second number's statuses come back through its own webhook path.
        QVERIFY(!console
                     .waitForEvent([&](const QJsonObject &event) {
                         const QJsonObject data = event.value(QLatin1String("data")).toObject();
                         return event.value(QLatin1String("conversation_id")).toInteger() ==
                                    serviceChat &&
                                data.value(QLatin1String("text")).toString() ==
                                    QLatin1String("Balasan servis") &&
                                data.value(QLatin1String("status")).toString() ==
                                    QLatin1String("read");
                     })
                     .isEmpty());
    }

    void shouldRefuseAWebhookSignedWithAnotherChannelsSecret()
    {
        const QByteArray body = m_loop->textWebhook(CustomerWaId, QStringLiteral("wamid.cross.1"),
                                                    QStringLiteral("Halo"), 1764200000);
        // The main channel's signature on the service channel's path.
        QCOMPARE(post(m_webhookUrl, body, Test::LoopbackRelay::signature(body)), 403);
        QUrl unknown = m_webhookUrl;
        unknown.setPath(QStringLiteral("/webhook/nowhere"));
        QCOMPARE(post(unknown, body, Test::LoopbackRelay::signature(body)), 404);
    }

    void shouldAnswerEachChannelsVerificationWithItsOwnToken()
    {
        QUrl verify = m_webhookUrl;
        verify.setQuery(QStringLiteral(
            "hub.mode=subscribe&hub.verify_token=service-verify&hub.challenge=1158201444"));
        QCOMPARE(get(verify), QByteArrayLiteral("1158201444"));
        verify.setQuery(QStringLiteral(
            "hub.mode=subscribe&hub.verify_token=loopback-verify&hub.challenge=1158201444"));
        QVERIFY(get(verify) != QByteArrayLiteral("1158201444"));
    }

private:
    static qint64 conversationOf(Test::ProtocolClient &console, const QString &wamid)
    {
        const QJsonObject created = console.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("message.created") &&
                   event.value(QLatin1String("data")).toObject().value(QLatin1String("wamid")) ==
                       wamid;
        });
        return created.value(QLatin1String("conversation_id")).toInteger();
    }

    static QString channelOf(Test::ProtocolClient &console, qint64 conversationId)
    {
        const QJsonObject updated = console.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("conversation.updated") &&
                   event.value(QLatin1String("conversation_id")).toInteger() == conversationId;
        });
        return updated.value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("channel"))
            .toString();
    }

    static int post(const QUrl &url, const QByteArray &body, const QByteArray &signature)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), signature);
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.post(request, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(5000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static QByteArray get(const QUrl &url)
    {
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(5000);
        return reply->readAll();
    }

    std::optional<Test::LoopbackRelay> m_loop;
    std::unique_ptr<Sim::Simulator> m_service;
    QUrl m_webhookUrl;
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
