#include "support/sim/simfixture.h"
#include "webhookreceiver.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::Sim;
using namespace Serambi::Test;

namespace {

const QString Customer = QStringLiteral("6281234567001");
const QByteArray AppSecret = "my_app_secret_123";

QJsonObject send(const QString &to, const QString &type, const QJsonObject &content,
                 const QString &callback = {})
{
    QJsonObject body{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                     {QStringLiteral("to"), to},
                     {QStringLiteral("type"), type},
                     {type, content}};
    if (!callback.isEmpty())
        body.insert(QStringLiteral("biz_opaque_callback_data"), callback);
    return body;
}

QJsonObject text(const QString &body)
{
    return {{QStringLiteral("body"), body}};
}

QJsonObject value(const QJsonObject &envelope)
{
    return envelope.value(QStringLiteral("entry"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("changes"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("value"))
        .toObject();
}

QString wamidOf(const HttpResponse &response)
{
    return response.json()
        .value(QStringLiteral("messages"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

} // namespace

class TestWebhooks : public QObject, public SimFixture
{
    Q_OBJECT

private:
    std::unique_ptr<WebhookReceiver> m_receiver;

    void startSim(const std::function<void(SimConfig &)> &adjust = {})
    {
        SimConfig config = quietConfig();
        config.webhookUrl = m_receiver->url();
        config.appSecret = AppSecret;
        config.statusDelaysMs = {10, 20, 30};
        config.statusJitter = false;
        config.webhookRetryBaseMs = 50;
        if (adjust)
            adjust(config);
        QString error;
        QVERIFY2(startSimulator(config, &error), qPrintable(error));
    }

    QString customerSays(const QString &words)
    {
        QString error;
        const QString wamid = m_sim->customers().sendMessage(
            Customer,
            {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), words}},
            &error, QStringLiteral("Siti Rahmawati"));
        return wamid;
    }

private Q_SLOTS:
    void init() { m_receiver = std::make_unique<WebhookReceiver>(); }

    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
        m_receiver.reset();
    }

    void shouldSignInboundMessagesOverTheExactEscapedBytes()
    {
        startSim();
        const QString words = QStringLiteral("paket saya belum sampai udah 5 hari 😡");
        const QString wamid = customerSays(words);
        QVERIFY(!wamid.isEmpty());
        QTRY_COMPARE(m_receiver->deliveries().size(), 1);

        const WebhookReceiver::Delivery &delivery = m_receiver->deliveries().first();
        QCOMPARE(delivery.contentType, QByteArray("application/json"));
        const QByteArray expected =
            "sha256=" +
            QMessageAuthenticationCode::hash(delivery.body, AppSecret, QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(delivery.header("X-Hub-Signature-256"), expected);
        QVERIFY(delivery.body.contains("udah 5 hari \\ud83d\\ude21\""));
        for (const char c : delivery.body)
            QVERIFY(uchar(c) < 0x80);

        const QJsonObject envelope = delivery.json();
        QCOMPARE(envelope.value(QStringLiteral("object")).toString(),
                 QStringLiteral("whatsapp_business_account"));
        const QJsonObject entry =
            envelope.value(QStringLiteral("entry")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), m_sim->config().wabaId);
        QCOMPARE(entry.value(QStringLiteral("changes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("field")),
                 QJsonValue(QStringLiteral("messages")));
        const QJsonObject v = value(envelope);
        QCOMPARE(v.value(QStringLiteral("messaging_product")).toString(),
                 QStringLiteral("whatsapp"));
        const QJsonObject metadata = v.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("phone_number_id")).toString(),
                 m_sim->config().phoneNumberId);
        QCOMPARE(metadata.value(QStringLiteral("display_phone_number")).toString(),
                 m_sim->config().displayPhoneNumber);
        const QJsonObject contact = v.value(QStringLiteral("contacts")).toArray().at(0).toObject();
        QCOMPARE(contact.value(QStringLiteral("wa_id")).toString(), Customer);
        QCOMPARE(contact.value(QStringLiteral("profile"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Siti Rahmawati"));
        const QJsonObject message = v.value(QStringLiteral("messages")).toArray().at(0).toObject();
        QCOMPARE(message.value(QStringLiteral("from")).toString(), Customer);
        QCOMPARE(message.value(QStringLiteral("id")).toString(), wamid);
        QCOMPARE(message.value(QStringLiteral("type")).toString(), QStringLiteral("text"));
        QVERIFY(message.value(QStringLiteral("timestamp")).isString());
        QCOMPARE(message.value(QStringLiteral("text"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 words);
    }

    void shouldReportSentDeliveredReadWithTheCallbackData()
    {
        startSim();
        customerSays(QStringLiteral("Halo kak"));
        const HttpResponse response =
            m_client->post(m_messages, send(QStringLiteral("+") + Customer, QStringLiteral("text"),
                                            text(QStringLiteral("Halo, ada yang bisa dibantu?")),
                                            QStringLiteral("outbox-42")));
        QCOMPARE(response.status, 200);
        const QString wamid = wamidOf(response);
        QTRY_COMPARE(m_receiver->statuses().size(), 3);
        const QList<QJsonObject> statuses = m_receiver->statuses();
        const QStringList expected{QStringLiteral("sent"), QStringLiteral("delivered"),
                                   QStringLiteral("read")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject &status = statuses.at(i);
            QCOMPARE(status.value(QStringLiteral("status")).toString(), expected.at(i));
            QCOMPARE(status.value(QStringLiteral("id")).toString(), wamid);
            QCOMPARE(status.value(QStringLiteral("recipient_id")).toString(), Customer);
            QCOMPARE(status.value(QStringLiteral("biz_opaque_callback_data")).toString(),
                     QStringLiteral("outbox-42"));
            QVERIFY(status.value(QStringLiteral("timestamp")).isString());
        }
        const QJsonObject pricing = statuses.first().value(QStringLiteral("pricing")).toObject();
        QCOMPARE(pricing.value(QStringLiteral("category")).toString(), QStringLiteral("service"));
        QCOMPARE(pricing.value(QStringLiteral("type")).toString(),
                 QStringLiteral("free_customer_service"));
        for (const WebhookReceiver::Delivery &delivery : m_receiver->deliveries())
            QCOMPARE(delivery.header("X-Hub-Signature-256"),
                     WebhookSender::signatureHeader(delivery.body, AppSecret));
    }

    void shouldReportOnlySentForReactions()
    {
        startSim();
        const QString inbound = customerSays(QStringLiteral("Makasih kak"));
        QCOMPARE(m_client
                     ->post(m_messages, send(Customer, QStringLiteral("reaction"),
                                             {{QStringLiteral("message_id"), inbound},
                                              {QStringLiteral("emoji"), QStringLiteral("🙏")}}))
                     .status,
                 200);
        // A text sent after the reaction gets all three statuses; the reaction keeps only "sent".
        const HttpResponse after = m_client->post(
            m_messages, send(Customer, QStringLiteral("text"), text(QStringLiteral("Sama-sama"))));
        QTRY_COMPARE(m_receiver->statuses().size(), 4);
        QCOMPARE(m_receiver->statuses().last().value(QStringLiteral("id")).toString(),
                 wamidOf(after));
        int reactionStatuses = 0;
        for (const QJsonObject &status : m_receiver->statuses()) {
            if (status.value(QStringLiteral("id")).toString() != wamidOf(after)) {
                ++reactionStatuses;
                QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("sent"));
            }
        }
        QCOMPARE(reactionStatuses, 1);
    }

    void shouldFailNumbersNotOnWhatsAppAfterAccepting()
    {
        startSim();
        const QJsonObject body = send(
            QStringLiteral("+6280000000000"), QStringLiteral("template"),
            {{QStringLiteral("name"), QStringLiteral("sapaan_lanjutan")},
             {QStringLiteral("language"),
              QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}},
             {QStringLiteral("components"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("type"), QStringLiteral("body")},
                  {QStringLiteral("parameters"),
                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                          {QStringLiteral("text"), QStringLiteral("Kak")}}}}}}}});
        const HttpResponse response = m_client->post(m_messages, body);
        QCOMPARE(response.status, 200);
        QTRY_COMPARE(m_receiver->statuses().size(), 1);
        const QJsonObject status = m_receiver->statuses().first();
        QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(status.value(QStringLiteral("id")).toString(), wamidOf(response));
        const QJsonObject error = status.value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 131026);
        QVERIFY(!error.value(QStringLiteral("title")).toString().isEmpty());
    }

    void shouldReportWindowErrorsAsynchronouslyWhenAsked()
    {
        startSim([](SimConfig &config) { config.asyncWindowErrors = true; });
        QCOMPARE(m_client
                     ->post(m_messages,
                            send(Customer, QStringLiteral("text"), text(QStringLiteral("Halo"))))
                     .status,
                 200);
        QTRY_COMPARE(m_receiver->statuses().size(), 1);
        QCOMPARE(m_receiver->statuses()
                     .first()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
                 131047);
    }

    void shouldRedeliverTheSameBytesAfterAFailure()
    {
        startSim();
        m_receiver->answerNextWith(500);
        m_receiver->answerNextWith(503);
        QSignalSpy delivered(&m_sim->webhooks(), &WebhookSender::delivered);
        customerSays(QStringLiteral("Halo?"));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered.first().at(1).toInt(), 3);
        const QList<WebhookReceiver::Delivery> &deliveries = m_receiver->deliveries();
        QCOMPARE(deliveries.size(), 3);
        QCOMPARE(deliveries.at(0).answeredWith, 500);
        QCOMPARE(deliveries.at(2).answeredWith, 200);
        QCOMPARE(deliveries.at(1).body, deliveries.at(0).body);
        QCOMPARE(deliveries.at(2).body, deliveries.at(0).body);
        QCOMPARE(deliveries.at(2).header("X-Hub-Signature-256"),
                 deliveries.at(0).header("X-Hub-Signature-256"));
    }

    void shouldGiveUpAfterTheConfiguredAttempts()
    {
        startSim([](SimConfig &config) { config.webhookMaxAttempts = 2; });
        for (int i = 0; i < 5; ++i)
            m_receiver->answerNextWith(500);
        QSignalSpy abandoned(&m_sim->webhooks(), &WebhookSender::abandoned);
        customerSays(QStringLiteral("Halo?"));
        QTRY_COMPARE(abandoned.size(), 1);
        QCOMPARE(m_receiver->deliveries().size(), 2);
        QCOMPARE(m_sim->webhooks().pendingCount(), 0);
    }

    void shouldBatchStatusesWhenAsked()
    {
        startSim([](SimConfig &config) {
            config.batchStatuses = true;
            config.batchWindowMs = 400;
            config.statusDelaysMs = {10, 15, 20};
        });
        customerSays(QStringLiteral("Halo"));
        QTRY_COMPARE(m_receiver->deliveries().size(), 1);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_client
                         ->post(m_messages, send(Customer, QStringLiteral("text"),
                                                 text(QStringLiteral("Ya kak"))))
                         .status,
                     200);
        QTRY_COMPARE(m_receiver->statuses().size(), 6);
        // The six updates of two sends arrive in fewer POSTs than updates.
        QVERIFY(m_receiver->deliveries().size() < 1 + 6);
        QVERIFY(value(m_receiver->deliveries().last().json())
                    .value(QStringLiteral("statuses"))
                    .toArray()
                    .size() > 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
