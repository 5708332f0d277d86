#include "support/sim/simfixture.h"
#include "webhookreceiver.h"

#include "sim/conversationprinter.h"
#include "sim/simulator.h"
#include "support/testdata.h"

#include <QBuffer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::Sim;
using namespace Serambi::Test;

namespace {

const QString Siti = QStringLiteral("6281234567101");
const QString Budi = QStringLiteral("6281234567102");

QList<QJsonObject> messagesFrom(const WebhookReceiver &receiver, const QString &waId)
{
    QList<QJsonObject> result;
    const QList<QJsonObject> messages = receiver.messages();
    for (const QJsonObject &message : messages) {
        if (message.value(QStringLiteral("from")).toString() == waId)
            result.append(message);
    }
    return result;
}

QJsonObject textTo(const QString &waId, const QString &body)
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("to"), waId},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
}

} // namespace

class TestCustomerSimulator : public QObject, public SimFixture
{
    Q_OBJECT

private:
    std::unique_ptr<WebhookReceiver> m_receiver;

    void startSim(double pace)
    {
        SimConfig config;
        config.webhookUrl = m_receiver->url();
        config.scriptPath = Serambi::Test::dataPath(QStringLiteral("sim/script.json"));
        config.pace = pace;
        config.statusDelaysMs = {5, 10, 15};
        config.statusJitter = false;
        QString error;
        QVERIFY2(startSimulator(config, &error), qPrintable(error));
    }

private Q_SLOTS:
    void init() { m_receiver = std::make_unique<WebhookReceiver>(); }

    void cleanup()
    {
        m_client.reset();
        m_control.reset();
        m_sim.reset();
        m_receiver.reset();
    }

    void shouldFollowTheScriptAsTheBusinessReplies()
    {
        startSim(1);
        QSignalSpy finished(&m_sim->customers(), &CustomerSimulator::scriptFinished);
        QTRY_COMPARE(messagesFrom(*m_receiver, Siti).size(), 1);
        QCOMPARE(messagesFrom(*m_receiver, Siti)
                     .first()
                     .value(QStringLiteral("text"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("Halo kak, mau tanya dong"));
        QCOMPARE(m_sim->customers().nextStep(Siti), 1);

        QCOMPARE(
            m_client->post(m_messages, textTo(Siti, QStringLiteral("Halo kak, ada apa?"))).status,
            200);
        QTRY_COMPARE(messagesFrom(*m_receiver, Siti).size(), 2);
        const QJsonObject photo = messagesFrom(*m_receiver, Siti).at(1);
        QCOMPARE(photo.value(QStringLiteral("type")).toString(), QStringLiteral("image"));
        const QJsonObject image = photo.value(QStringLiteral("image")).toObject();
        const MediaItem *seed = m_sim->media().findSeed(QStringLiteral("paket_rusak"));
        QCOMPARE(image.value(QStringLiteral("id")).toString(), seed->id);
        QCOMPARE(image.value(QStringLiteral("mime_type")).toString(), QStringLiteral("image/png"));
        QCOMPARE(image.value(QStringLiteral("sha256")).toString(), seed->sha256Base64());
        QCOMPARE(image.value(QStringLiteral("caption")).toString(),
                 QStringLiteral("Paketnya penyok kak 😢"));

        QCOMPARE(m_client->post(m_messages, textTo(Siti, QStringLiteral("Mohon maaf kak"))).status,
                 200);
        QTRY_COMPARE(messagesFrom(*m_receiver, Siti).size(), 3);
        QTRY_VERIFY(finished.contains(QVariantList{Siti}));
    }

    void shouldMoveOnWhenNobodyAnswers()
    {
        startSim(1);
        QSignalSpy finished(&m_sim->customers(), &CustomerSimulator::scriptFinished);
        QTRY_VERIFY(finished.contains(QVariantList{Budi}));
        // The script ends when its last message is sent; the webhook may still be on its way.
        QTRY_COMPARE(messagesFrom(*m_receiver, Budi).size(), 2);
        const QList<QJsonObject> messages = messagesFrom(*m_receiver, Budi);
        QCOMPARE(messages.at(1)
                     .value(QStringLiteral("text"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("Min? Kok belum dibalas"));
    }

    void shouldSendInjectedMessagesOfEveryKind()
    {
        startSim(0); // scripted customers stay quiet; only injected messages go out
        const QString path = QStringLiteral("/_sim/customers/%1/messages").arg(Siti);
        HttpResponse response =
            m_control->post(path, {{QStringLiteral("type"), QStringLiteral("text")},
                                   {QStringLiteral("text"), QStringLiteral("Halo")}});
        QCOMPARE(response.status, 200);
        const QString firstWamid = response.json().value(QStringLiteral("id")).toString();
        QVERIFY(firstWamid.startsWith(QLatin1String("wamid.")));

        const HttpResponse sent =
            m_client->post(m_messages, textTo(Siti, QStringLiteral("Ya kak?")));
        const QString businessWamid = sent.json()
                                          .value(QStringLiteral("messages"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("id"))
                                          .toString();
        QCOMPARE(m_control
                     ->post(path, {{QStringLiteral("type"), QStringLiteral("location")},
                                   {QStringLiteral("latitude"), -6.2},
                                   {QStringLiteral("longitude"), 106.816666},
                                   {QStringLiteral("name"), QStringLiteral("Rumah")}})
                     .status,
                 200);
        QCOMPARE(m_control->post(path, {{QStringLiteral("type"), QStringLiteral("audio")}}).status,
                 200);
        QCOMPARE(m_control
                     ->post(path, {{QStringLiteral("type"), QStringLiteral("reaction")},
                                   {QStringLiteral("emoji"), QStringLiteral("👍")}})
                     .status,
                 200);
        QCOMPARE(
            m_control
                ->post(path, {{QStringLiteral("type"), QStringLiteral("interactive")},
                              {QStringLiteral("button_reply"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("keep")},
                                           {QStringLiteral("title"), QStringLiteral("Tetap")}}}})
                .status,
            200);
        QTRY_COMPARE(m_receiver->messages().size(), 5);
        const QList<QJsonObject> messages = m_receiver->messages();
        QCOMPARE(messages.at(0).value(QStringLiteral("id")).toString(), firstWamid);
        QCOMPARE(messages.at(1)
                     .value(QStringLiteral("location"))
                     .toObject()
                     .value(QStringLiteral("latitude"))
                     .toDouble(),
                 -6.2);
        QVERIFY(messages.at(2)
                    .value(QStringLiteral("audio"))
                    .toObject()
                    .value(QStringLiteral("voice"))
                    .toBool());
        QCOMPARE(messages.at(3)
                     .value(QStringLiteral("reaction"))
                     .toObject()
                     .value(QStringLiteral("message_id"))
                     .toString(),
                 businessWamid);
        const QJsonObject tap = messages.at(4);
        QCOMPARE(tap.value(QStringLiteral("interactive"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("button_reply"));
        QCOMPARE(
            tap.value(QStringLiteral("context")).toObject().value(QStringLiteral("id")).toString(),
            businessWamid);
        QVERIFY(messagesFrom(*m_receiver, Budi).isEmpty());
        QCOMPARE(m_sim->customers().nextStep(Siti), 0);
    }

    void shouldRefuseMessagesItCannotBuild()
    {
        startSim(0);
        const QString path = QStringLiteral("/_sim/customers/%1/messages").arg(Budi);
        QCOMPARE(
            m_control->post(path, {{QStringLiteral("text"), QStringLiteral("no type")}}).status,
            400);
        QCOMPARE(m_control
                     ->post(path, {{QStringLiteral("type"), QStringLiteral("reaction")},
                                   {QStringLiteral("emoji"), QStringLiteral("👍")}})
                     .status,
                 400);
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/customers/siti/messages"),
                            {{QStringLiteral("type"), QStringLiteral("text")},
                             {QStringLiteral("text"), QStringLiteral("x")}})
                     .status,
                 400);
    }

    void shouldListCustomersWithTheirWindows()
    {
        startSim(0);
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/customers/6281299990000/messages"),
                            {{QStringLiteral("type"), QStringLiteral("text")},
                             {QStringLiteral("text"), QStringLiteral("Halo")},
                             {QStringLiteral("profile_name"), QStringLiteral("Rina Wulandari")}})
                     .status,
                 200);
        QCOMPARE(m_control
                     ->post(QStringLiteral("/_sim/customers/%1/window").arg(Budi),
                            {{QStringLiteral("last_inbound_seconds_ago"), 3600}})
                     .json()
                     .value(QStringLiteral("window_open"))
                     .toBool(),
                 true);
        const QJsonArray customers = m_control->get(QStringLiteral("/_sim/customers"))
                                         .json()
                                         .value(QStringLiteral("customers"))
                                         .toArray();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &customer : customers)
            byName.insert(customer.toObject().value(QStringLiteral("name")).toString(),
                          customer.toObject());
        QVERIFY(byName.value(QStringLiteral("Rina Wulandari"))
                    .value(QStringLiteral("window_open"))
                    .toBool());
        QVERIFY(byName.value(QStringLiteral("Budi Santoso"))
                    .value(QStringLiteral("window_open"))
                    .toBool());
        QVERIFY(!byName.value(QStringLiteral("Siti Rahmawati"))
                     .value(QStringLiteral("window_open"))
                     .toBool());
        QCOMPARE(
            byName.value(QStringLiteral("Siti Rahmawati")).value(QStringLiteral("steps")).toInt(),
            3);
    }

    void shouldPrintAReadableTranscript()
    {
        startSim(0);
        QBuffer transcript;
        transcript.open(QIODevice::ReadWrite);
        m_sim->printConversationTo(&transcript);
        QString error;
        m_sim->customers().sendMessage(Siti,
                                       {{QStringLiteral("type"), QStringLiteral("text")},
                                        {QStringLiteral("text"), QStringLiteral("Halo kak 🙏")}},
                                       &error);
        QCOMPARE(m_client->post(m_messages, textTo(Siti, QStringLiteral("Halo juga kak"))).status,
                 200);
        QCOMPARE(m_client->post(m_messages, textTo(Budi, QStringLiteral("Halo?"))).status, 400);
        const QString text = QString::fromUtf8(transcript.data());
        QVERIFY2(text.contains(QStringLiteral("Siti Rahmawati → Bisnis: Halo kak 🙏")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Bisnis → Siti Rahmawati: Halo juga kak")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Bisnis → Budi Santoso: ✗ ditolak (#131047)")),
                 qPrintable(text));
    }

    void shouldShipAValidTwilioDemoScript()
    {
        QString error;
        const std::optional<CustomerScript> twilio =
            CustomerScript::load(QStringLiteral(SERAMBI_DEMO_DIR "/twilio-customers.json"), &error);
        QVERIFY2(twilio, qPrintable(error));
        QVERIFY(twilio->customers.size() >= 3);
        const std::optional<CustomerScript> cloud =
            CustomerScript::load(builtInScriptPath(), &error);
        QVERIFY2(cloud, qPrintable(error));
        // One customer writes to both numbers, so the demo shows her two chats apart.
        bool onBoth = false;
        for (const ScriptedCustomer &customer : twilio->customers) {
            for (const ScriptedCustomer &other : cloud->customers)
                onBoth |= customer.waId == other.waId;
        }
        QVERIFY(onBoth);
    }

    void shouldShipAValidDemoScript()
    {
        QString error;
        const std::optional<CustomerScript> script =
            CustomerScript::load(builtInScriptPath(), &error);
        QVERIFY2(script, qPrintable(error));
        QVERIFY(script->customers.size() >= 4);
        bool sentPhoto = false;
        bool askedForHuman = false;
        for (const ScriptedCustomer &customer : script->customers) {
            QVERIFY(customer.steps.size() >= 3);
            for (const ScriptStep &step : customer.steps) {
                sentPhoto |=
                    step.message.value(QStringLiteral("type")).toString() == QLatin1String("image");
                askedForHuman |= step.message.value(QStringLiteral("text"))
                                     .toString()
                                     .contains(QLatin1String("admin"));
            }
        }
        QVERIFY(sentPhoto);
        QVERIFY(askedForHuman);
    }
};

QTEST_GUILESS_MAIN(TestCustomerSimulator)
#include "tst_customersimulator.moc"
