// A Twilio number beside the Cloud API number (docs/providers/twilio.md): the main channel on the
// loopback Cloud API simulator, a "twilio" channel on a second simulator speaking Twilio's
// dialect (form webhooks signed with X-Twilio-Signature, Messages.json with Basic auth). What
// the relay sends is read back from the Twilio simulator's request log.
#include "sim/simulator.h"
#include "sim/twilioform.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567011");
const QString TwilioNumber = QStringLiteral("+14155238886");
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QByteArray AuthToken = QByteArrayLiteral("test_auth_token_0123456789abcdef");
const QString OrderUpdateSid = QStringLiteral("HXcccccccccccccccccccccccccccccccc");

// The form bodies the relay posted to Messages.json, oldest first.
QList<QByteArray> twilioSends(Sim::Simulator &sim)
{
    QList<QByteArray> bodies;
    const auto requests =
        sim.requests().matching(QStringLiteral("POST"), QStringLiteral("/Messages.json"));
    for (const auto &request : requests)
        bodies.append(request.body);
    return bodies;
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

class TestTwilio : public QObject
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
        Sim::SimConfig twilio;
        twilio.provider = QStringLiteral("twilio");
        twilio.listenPort = 0;
        twilio.twilioAccountSid = AccountSid;
        twilio.twilioAuthToken = AuthToken;
        twilio.twilioNumber = TwilioNumber;
        twilio.pace = 0;
        twilio.customersEnabled = false;
        twilio.statusDelaysMs = {10, 30, 60};
        twilio.statusJitter = false;
        twilio.webhookRetryBaseMs = 50;
        m_twilio = std::make_unique<Sim::Simulator>(twilio);
        QVERIFY2(m_twilio->start(&error), qPrintable(error));

        Relay::RelayConfig config = m_loop->relayConfig();
        config.wabaId = m_loop->sim().config().wabaId; // templates synced at start
        // The public URL is configured before the relay starts: a port known beforehand.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        config.listenPort = probe.serverPort();
        probe.close();
        m_webhookUrl = QStringLiteral("http://127.0.0.1:%1/webhook/twilio").arg(config.listenPort);
        Relay::ChannelConfig channel;
        channel.name = QStringLiteral("twilio");
        channel.provider = QStringLiteral("twilio");
        channel.label = QStringLiteral("Twilio");
        channel.colour = QStringLiteral("#f22f46");
        channel.twilioUrl = m_twilio->twilioApiUrl();
        channel.accountSid = AccountSid;
        channel.number = TwilioNumber;
        channel.authToken = AuthToken;
        channel.publicUrl = m_webhookUrl;
        channel.contentSids.insert(QStringLiteral("order_update"), OrderUpdateSid);
        config.channels.append(channel);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_twilio->setWebhookUrl(QUrl(m_webhookUrl));
        m_console.emplace();
        QVERIFY(m_console->signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                                  QStringLiteral("rahasia-ayu")));
        QVERIFY(!m_console->subscribe(0).isEmpty());
    }

    void cleanup()
    {
        m_console.reset();
        m_loop.reset();
        m_twilio.reset();
    }

    void shouldKeepTheSameCustomerOnCloudAndTwilioApart()
    {
        const QString toShop = m_loop->customerWrites(CustomerWaId, QStringLiteral("Halo toko"));
        QVERIFY(!toShop.isEmpty());
        const QString toTwilio = twilioCustomerWrites(QStringLiteral("Halo lewat Twilio"));
        const qint64 shopChat = conversationOf(toShop);
        const qint64 twilioChat = conversationOf(toTwilio);
        QVERIFY(shopChat > 0);
        QVERIFY(twilioChat > 0);
        QVERIFY(shopChat != twilioChat);
        QCOMPARE(channelOf(shopChat), QStringLiteral("main"));
        QCOMPARE(channelOf(twilioChat), QStringLiteral("twilio"));

        sendText(shopChat, QStringLiteral("Balasan toko"));
        sendText(twilioChat, QStringLiteral("Balasan Twilio"));
        QTRY_COMPARE_WITH_TIMEOUT(twilioSends(*m_twilio).size(), 1, 10000);
        QCOMPARE(twilioSends(*m_twilio).first(),
                 QByteArrayLiteral("To=whatsapp%3A%2B6281234567011&From=whatsapp%3A%2B14155238886"
                                   "&Body=Balasan+Twilio&StatusCallback=") +
                     QUrl::toPercentEncoding(m_webhookUrl));
        QTRY_VERIFY_WITH_TIMEOUT(sentAnything(m_loop->sim(), QStringLiteral("Balasan toko")),
                                 10000);
        QVERIFY(!sentAnything(m_loop->sim(), QStringLiteral("Balasan Twilio")));
        QVERIFY(!sentAnything(*m_twilio, QStringLiteral("Balasan toko")));
        // Twilio's status callbacks (sent, delivered, read) reach the message.
        QVERIFY(!statusOf(twilioChat, QStringLiteral("Balasan Twilio"), QStringLiteral("read"))
                     .isEmpty());
    }

    void shouldReceiveEveryMessageTypeTwilioCarries()
    {
        const QString text = twilioCustomerWrites(QStringLiteral("Halo kak"));
        const qint64 chat = conversationOf(text);
        QString error;
        const QString image = Sim::twilioMessageSid(m_twilio->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("image")},
             {QStringLiteral("media"), QStringLiteral("paket_rusak")},
             {QStringLiteral("caption"), QStringLiteral("Paketnya rusak")}},
            &error));
        QVERIFY2(!error.size(), qPrintable(error));
        const QString location = Sim::twilioMessageSid(m_twilio->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("location")},
             {QStringLiteral("latitude"), -6.917464},
             {QStringLiteral("longitude"), 107.619125},
             {QStringLiteral("name"), QStringLiteral("Kantor Budi")},
             {QStringLiteral("address"), QStringLiteral("Jl. Asia Afrika No. 8, Bandung")}},
            &error));
        const QString button = Sim::twilioMessageSid(m_twilio->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("button")},
             {QStringLiteral("text"), QStringLiteral("Lacak pesanan")},
             {QStringLiteral("payload"), QStringLiteral("track:INV-0117")},
             {QStringLiteral("context_id"), text}},
            &error));

        const QJsonObject imageMessage = messageData(image);
        QCOMPARE(imageMessage.value(QLatin1String("type")).toString(), QStringLiteral("image"));
        QCOMPARE(imageMessage.value(QLatin1String("text")).toString(),
                 QStringLiteral("Paketnya rusak"));
        // The media is fetched from Twilio with the account's Basic credentials.
        QVERIFY(!(*m_console)
                     .waitForEvent(
                         [&](const QJsonObject &event) {
                             const QJsonObject data = event.value(QLatin1String("data")).toObject();
                             return data.value(QLatin1String("wamid")).toString() == image &&
                                    data.value(QLatin1String("media"))
                                            .toObject()
                                            .value(QLatin1String("state"))
                                            .toString() == QLatin1String("ready");
                         },
                         10000)
                     .isEmpty());
        const QJsonObject locationMessage = messageData(location);
        QCOMPARE(locationMessage.value(QLatin1String("type")).toString(),
                 QStringLiteral("location"));
        QCOMPARE(locationMessage.value(QLatin1String("text")).toString(),
                 QStringLiteral("Kantor Budi"));
        const QJsonObject place = locationMessage.value(QLatin1String("content"))
                                      .toObject()
                                      .value(QLatin1String("location"))
                                      .toObject();
        QCOMPARE(place.value(QLatin1String("latitude")).toDouble(), -6.917464);
        QCOMPARE(place.value(QLatin1String("longitude")).toDouble(), 107.619125);
        const QJsonObject buttonMessage = messageData(button);
        QCOMPARE(buttonMessage.value(QLatin1String("type")).toString(), QStringLiteral("button"));
        QCOMPARE(buttonMessage.value(QLatin1String("text")).toString(),
                 QStringLiteral("Lacak pesanan"));
        QCOMPARE(conversationOf(button), chat);
    }

    void shouldStoreAReplayedMessageOnce()
    {
        const Sim::TwilioForm form =
            inboundForm(QStringLiteral("SMdddddddddddddddddddddddddddddddd"),
                        QStringLiteral("Pesan yang diulang"));
        QCOMPARE(post(form, signatureOf(form)), 200);
        QCOMPARE(post(form, signatureOf(form)), 200);
        const QString marker = twilioCustomerWrites(QStringLiteral("Pesan penanda"));
        QVERIFY(conversationOf(marker) > 0);
        QCOMPARE(createdCount(QStringLiteral("SMdddddddddddddddddddddddddddddddd")), 1);
    }

    void shouldRefuseBadAndMissingSignaturesAndStoreNothing()
    {
        const Sim::TwilioForm form = inboundForm(
            QStringLiteral("SMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"), QStringLiteral("Pesan palsu"));
        QCOMPARE(post(form, {}), 401);
        QCOMPARE(post(form, QByteArrayLiteral("86kEU4feaKaspUgTOcrnh9wKf28=")), 403);
        // Signed with the right token for another URL: the proxy trap (https vs http).
        QString https = m_webhookUrl;
        https.replace(QLatin1String("http:"), QLatin1String("https:"));
        QCOMPARE(post(form, Sim::twilioSignature(https, form, AuthToken)), 403);
        // The right signature over other parameters than those sent.
        Sim::TwilioForm tampered = form;
        tampered.last().second = QStringLiteral("Pesan diubah");
        QCOMPARE(post(tampered, signatureOf(form)), 403);
        const QString marker = twilioCustomerWrites(QStringLiteral("Pesan asli"));
        QVERIFY(conversationOf(marker) > 0);
        QCOMPARE(createdCount(QStringLiteral("SMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")), 0);
    }

    void shouldSendATemplateAsContentSidWithItsVariables()
    {
        const qint64 chat = conversationOf(twilioCustomerWrites(QStringLiteral("Halo")));
        const QJsonObject reply = m_console->command(
            QStringLiteral("send_template"),
            {{QStringLiteral("conversation_id"), chat},
             {QStringLiteral("name"), QStringLiteral("order_update")},
             {QStringLiteral("language"), QStringLiteral("id")},
             {QStringLiteral("parameters"),
              QJsonObject{{QStringLiteral("body"),
                           QJsonArray{textParameter(QStringLiteral("Sari")),
                                      textParameter(QStringLiteral("INV-0117"))}}}}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(),
                 QJsonDocument(reply).toJson().constData());
        QTRY_COMPARE_WITH_TIMEOUT(twilioSends(*m_twilio).size(), 1, 10000);
        QCOMPARE(twilioSends(*m_twilio).first(),
                 QByteArrayLiteral("To=whatsapp%3A%2B6281234567011&From=whatsapp%3A%2B14155238886"
                                   "&ContentSid=HXcccccccccccccccccccccccccccccccc"
                                   "&ContentVariables=%7B%221%22%3A%22Sari%22%2C%222%22%3A%22"
                                   "INV-0117%22%7D&StatusCallback=") +
                     QUrl::toPercentEncoding(m_webhookUrl));
        QVERIFY(!statusOf(chat, QStringLiteral("Halo Sari, pesanan INV-0117 sudah dikirim."),
                          QStringLiteral("delivered"))
                     .isEmpty());
    }

    void shouldFailWithoutSendingWhatTwilioCannotCarry()
    {
        const QString text = twilioCustomerWrites(QStringLiteral("Pilih yang mana kak?"));
        const qint64 chat = conversationOf(text);
        const qint64 target = messageData(text).value(QLatin1String("id")).toInteger();
        const QJsonObject reaction = m_console->command(
            QStringLiteral("send_reaction"), {{QStringLiteral("conversation_id"), chat},
                                              {QStringLiteral("message_id"), target},
                                              {QStringLiteral("emoji"), QStringLiteral("👍")}});
        QVERIFY2(reaction.value(QLatin1String("ok")).toBool(),
                 QJsonDocument(reaction).toJson().constData());
        const QJsonObject buttons{
            {QStringLiteral("type"), QStringLiteral("button")},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Pilih")}}},
            {QStringLiteral("action"),
             QJsonObject{{QStringLiteral("buttons"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), QStringLiteral("reply")},
                              {QStringLiteral("reply"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                           {QStringLiteral("title"), QStringLiteral("A")}}}}}}}}};
        const QJsonObject interactive = m_console->command(
            QStringLiteral("send_interactive"),
            {{QStringLiteral("conversation_id"), chat}, {QStringLiteral("interactive"), buttons}});
        QVERIFY2(interactive.value(QLatin1String("ok")).toBool(),
                 QJsonDocument(interactive).toJson().constData());

        const QJsonObject failedReaction = failureOf(chat, QStringLiteral("reaction"));
        QCOMPARE(titleOf(failedReaction), QStringLiteral("this channel cannot send reactions"));
        const QJsonObject failedButtons = failureOf(chat, QStringLiteral("interactive"));
        QCOMPARE(titleOf(failedButtons),
                 QStringLiteral("this channel cannot send interactive messages"));
        QVERIFY(twilioSends(*m_twilio).isEmpty());
    }

private:
    QString twilioCustomerWrites(const QString &text)
    {
        QString error;
        const QString wamid = m_twilio->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}},
            &error, QStringLiteral("Sari"));
        if (wamid.isEmpty())
            qWarning("%s", qPrintable(error));
        return Sim::twilioMessageSid(wamid);
    }

    Sim::TwilioForm inboundForm(const QString &sid, const QString &body) const
    {
        return {{QStringLiteral("AccountSid"), AccountSid},
                {QStringLiteral("From"), QStringLiteral("whatsapp:+") + CustomerWaId},
                {QStringLiteral("MessageSid"), sid},
                {QStringLiteral("NumMedia"), QStringLiteral("0")},
                {QStringLiteral("ProfileName"), QStringLiteral("Sari")},
                {QStringLiteral("To"), QStringLiteral("whatsapp:") + TwilioNumber},
                {QStringLiteral("WaId"), CustomerWaId},
                {QStringLiteral("Body"), body}};
    }

    QByteArray signatureOf(const Sim::TwilioForm &form) const
    {
        return Sim::twilioSignature(m_webhookUrl, form, AuthToken);
    }

    int post(const Sim::TwilioForm &form, const QByteArray &signature) const
    {
        QNetworkRequest request{QUrl(m_webhookUrl)};
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!signature.isEmpty())
            request.setRawHeader(QByteArrayLiteral("X-Twilio-Signature"), signature);
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.post(request, Sim::encodeTwilioForm(form)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(5000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static QJsonObject textParameter(const QString &text)
    {
        return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
    }

    void sendText(qint64 chat, const QString &text)
    {
        const QJsonObject reply = m_console->command(
            QStringLiteral("send_text"),
            {{QStringLiteral("conversation_id"), chat}, {QStringLiteral("text"), text}});
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(),
                 QJsonDocument(reply).toJson().constData());
    }

    QJsonObject createdEvent(const QString &wamid)
    {
        return m_console->waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("message.created") &&
                   event.value(QLatin1String("data")).toObject().value(QLatin1String("wamid")) ==
                       wamid;
        });
    }

    qint64 conversationOf(const QString &wamid)
    {
        return createdEvent(wamid).value(QLatin1String("conversation_id")).toInteger();
    }

    QJsonObject messageData(const QString &wamid)
    {
        return createdEvent(wamid).value(QLatin1String("data")).toObject();
    }

    int createdCount(const QString &wamid)
    {
        int count = 0;
        while (!(*m_console)
                    .take(
                        [&](const QJsonObject &frame) {
                            return frame.value(QLatin1String("kind")).toString() ==
                                       QLatin1String("message.created") &&
                                   frame.value(QLatin1String("data"))
                                           .toObject()
                                           .value(QLatin1String("wamid")) == wamid;
                        },
                        200)
                    .isEmpty())
            ++count;
        return count;
    }

    QString channelOf(qint64 conversationId)
    {
        const QJsonObject updated = m_console->waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("conversation.updated") &&
                   event.value(QLatin1String("conversation_id")).toInteger() == conversationId;
        });
        return updated.value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("channel"))
            .toString();
    }

    QJsonObject statusOf(qint64 chat, const QString &text, const QString &status)
    {
        return m_console->waitForEvent(
            [&](const QJsonObject &event) {
                const QJsonObject data = event.value(QLatin1String("data")).toObject();
                return event.value(QLatin1String("conversation_id")).toInteger() == chat &&
                       data.value(QLatin1String("text")).toString() == text &&
                       data.value(QLatin1String("status")).toString() == status;
            },
            10000);
    }

    static QString titleOf(const QJsonObject &message)
    {
        return message.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("title"))
            .toString();
    }

    QJsonObject failureOf(qint64 chat, const QString &type)
    {
        return (*m_console)
            .waitForEvent(
                [&](const QJsonObject &event) {
                    const QJsonObject data = event.value(QLatin1String("data")).toObject();
                    return event.value(QLatin1String("conversation_id")).toInteger() == chat &&
                           data.value(QLatin1String("type")).toString() == type &&
                           data.value(QLatin1String("status")).toString() ==
                               QLatin1String("failed");
                },
                10000)
            .value(QLatin1String("data"))
            .toObject();
    }

    std::optional<Test::LoopbackRelay> m_loop;
    std::unique_ptr<Sim::Simulator> m_twilio;
    std::optional<Test::ProtocolClient> m_console;
    QString m_webhookUrl;
};

QTEST_GUILESS_MAIN(TestTwilio)
#include "tst_twilio.moc"
