// A shop closed today and tomorrow (holidays on Jakarta's calendar): a customer who writes twice
// gets one out-of-hours reply, which reaches Meta (the simulator's recorded Graph requests) and
// agents' consoles as the AI's automatic message; the AI still drafts an answer to the
// customer's messages for the agents to approve in the morning.
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QTest>
#include <QTimeZone>

using namespace Serambi;

namespace {

const QString CustomerWaId = QStringLiteral("6281234567301");

QString kind(const QJsonObject &event)
{
    return event.value(QLatin1String("kind")).toString();
}

QJsonObject dataOf(const QJsonObject &event)
{
    return event.value(QLatin1String("data")).toObject();
}

} // namespace

class TestOutOfHours : public QObject
{
    Q_OBJECT

private:
    // Graph requests since `since` that carry the out-of-hours reply.
    int repliesSince(int since)
    {
        int replies = 0;
        for (const auto &request : m_loop->sim().requests().since(since)) {
            if (request.body.contains("di luar jam layanan"))
                ++replies;
        }
        return replies;
    }

    // The id of the customer's message with this wamid, once the console has it.
    static qint64 messageId(Test::ProtocolClient &console, const QString &wamid)
    {
        const QJsonObject created = console.waitForEvent([&wamid](const QJsonObject &event) {
            return kind(event) == QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        });
        return dataOf(created).value(QLatin1String("id")).toInteger();
    }

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-ayu")));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.aiBurstQuietMs = 300;
        const QDate today =
            QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Jakarta")).date();
        const auto hours = Relay::BusinessHours::parse(
            QStringLiteral("mon-sun 08:00-17:00"), QStringLiteral("Asia/Jakarta"),
            today.toString(Qt::ISODate) + QLatin1Char(',') + today.addDays(1).toString(Qt::ISODate),
            &error);
        QVERIFY2(hours, qPrintable(error));
        config.businessHours = *hours;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
    }

    void cleanup() { m_loop.reset(); }

    void shouldAnswerACustomerOnceWhileTheShopIsClosed()
    {
        Test::ProtocolClient console;
        QVERIFY(console.signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                               QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());
        const int before = m_loop->sim().requests().lastSeq();

        const QString first =
            m_loop->customerWrites(CustomerWaId, QStringLiteral("Kak, bisa COD?"));
        QVERIFY(!first.isEmpty());
        const qint64 firstId = messageId(console, first);
        QVERIFY(firstId > 0);
        const QJsonObject reply = console.waitForEvent([](const QJsonObject &event) {
            return kind(event) == QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("direction")).toString() ==
                       QLatin1String("out");
        });
        QVERIFY(!reply.isEmpty());
        QCOMPARE(dataOf(reply).value(QLatin1String("sender")).toString(), QStringLiteral("ai"));
        QCOMPARE(dataOf(reply).value(QLatin1String("sender_name")).toString(),
                 QStringLiteral("Jam layanan"));
        // Closed today and tomorrow: the shop opens the day after at 08.00.
        const QString text = dataOf(reply).value(QLatin1String("text")).toString();
        QVERIFY2(text.contains(QStringLiteral("pukul 08.00")), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(repliesSince(before), 1, 10000);

        // The reply came during the customer's quiet period and answered nothing: the AI
        // still drafts an answer to the question for the agents.
        const QJsonObject draft = console.waitForEvent([firstId](const QJsonObject &event) {
            return kind(event) == QLatin1String("draft.updated") &&
                   dataOf(event).value(QLatin1String("state")).toString() ==
                       QLatin1String("pending") &&
                   dataOf(event).value(QLatin1String("for_message_id")).toInteger() == firstId;
        });
        QVERIFY(!draft.isEmpty());

        // More from the same customer the same night: no second reply.
        const QString second =
            m_loop->customerWrites(CustomerWaId, QStringLiteral("Ongkir ke Bandung berapa?"));
        QVERIFY(messageId(console, second) > firstId);
        QTest::qWait(500);
        QCOMPARE(repliesSince(before), 1);
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
};

QTEST_GUILESS_MAIN(TestOutOfHours)
#include "tst_outofhours.moc"
