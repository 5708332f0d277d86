// The AI on a real relay and the simulator on loopback: a request for a person hands the chat to
// the human queue where agents see why, and auto mode sends only the drafts it is sure of; a
// burst of customer messages gets one draft, and in auto mode one answer.
#include "service/kbadmin.h"
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567002");

bool isEvent(const QJsonObject &event, const char *kind)
{
    return event.value(QLatin1String("kind")).toString() == QLatin1String(kind);
}

QJsonObject dataOf(const QJsonObject &event)
{
    return event.value(QLatin1String("data")).toObject();
}
} // namespace

class TestAiDrafts : public QObject
{
    Q_OBJECT

private:
    // Starts simulator and relay with the demo knowledge base and the given default AI mode.
    void start(const QString &aiMode, int burstQuietMs = 0)
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-ayu")));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.defaultAiMode = aiMode;
        config.aiBurstQuietMs = burstQuietMs;
        QString report;
        QTextStream out(&report);
        QTextStream err(&report);
        QCOMPARE(Relay::importKnowledgeBase(config, QStringLiteral(SERAMBI_DEMO_KB), out, err), 0);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_console.emplace();
        QVERIFY(m_console->signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                                  QStringLiteral("rahasia-ayu")));
        QVERIFY(!m_console->subscribe(0).isEmpty());
    }

    // The pending draft the relay made for the customer message with this wamid.
    QJsonObject pendingDraftFor(const QString &wamid)
    {
        const QJsonObject arrived = m_console->waitForEvent([&](const QJsonObject &event) {
            return isEvent(event, "message.created") &&
                   dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        });
        const qint64 messageId = dataOf(arrived).value(QLatin1String("id")).toInteger();
        if (messageId == 0)
            return {};
        return dataOf(m_console->waitForEvent([messageId](const QJsonObject &event) {
            return isEvent(event, "draft.updated") &&
                   dataOf(event).value(QLatin1String("for_message_id")).toInteger() == messageId;
        }));
    }

private Q_SLOTS:
    void cleanup()
    {
        m_console.reset();
        m_loop.reset();
    }

    void shouldQueueTheChatWithItsReasonWhenTheCustomerAsksForAPerson()
    {
        start(QStringLiteral("draft"));
        const QString wamid =
            m_loop->customerWrites(CustomerWaId, QStringLiteral("saya mau bicara dengan admin"));
        QVERIFY(!wamid.isEmpty());

        const QJsonObject queued = m_console->waitForEvent([](const QJsonObject &event) {
            return isEvent(event, "conversation.updated") &&
                   dataOf(event).value(QLatin1String("state")).toString() ==
                       QLatin1String("queued");
        });
        QVERIFY2(!queued.isEmpty(), "the chat never reached the human queue");
        QCOMPARE(dataOf(queued).value(QLatin1String("handoff_reason")).toString(),
                 QStringLiteral("customer_request"));
    }

    void shouldSendOnlyConfidentDraftsInAutoMode()
    {
        start(QStringLiteral("auto"));
        const int before = m_loop->sim().requests().lastSeq();

        // Out of the knowledge base's scope: the draft waits for an agent, nothing is sent.
        const QString unsure = m_loop->customerWrites(
            CustomerWaId, QStringLiteral("kak bisa pesan tiket pesawat ke bali?"));
        const QJsonObject held = pendingDraftFor(unsure);
        QVERIFY2(!held.isEmpty(), "no draft for the out-of-scope question");
        QCOMPARE(held.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QVERIFY(held.value(QLatin1String("confidence")).toDouble() < 0.8);
        QTest::qWait(300);
        QCOMPARE(m_loop->sim().requests().since(before).size(), 0);

        // A question the knowledge base answers well goes straight to the customer, from "ai".
        const QString sure = m_loop->customerWrites(CustomerWaId, QStringLiteral("bisa COD?"));
        const QJsonObject sent = pendingDraftFor(sure);
        QVERIFY2(!sent.isEmpty(), "no draft for the COD question");
        QVERIFY(sent.value(QLatin1String("confidence")).toDouble() >= 0.8);
        const QJsonObject created = m_console->waitForEvent([](const QJsonObject &event) {
            return isEvent(event, "message.created") &&
                   dataOf(event).value(QLatin1String("direction")).toString() ==
                       QLatin1String("out");
        });
        QCOMPARE(dataOf(created).value(QLatin1String("sender")).toString(), QStringLiteral("ai"));
        QTRY_COMPARE_WITH_TIMEOUT(m_loop->sim().requests().since(before).size(), 1, 10000);
        const QJsonObject body = m_loop->sim().requests().since(before).first().jsonBody();
        const QString text =
            body.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString();
        QCOMPARE(text, dataOf(created).value(QLatin1String("text")).toString());
        QVERIFY2(text.contains(QLatin1String("COD")), qPrintable(text));
    }

    void shouldAnswerABurstOfQuestionsWithOneDraft()
    {
        start(QStringLiteral("draft"), BurstQuietMs);
        QVERIFY(!m_loop->customerWrites(CustomerWaId, QStringLiteral("halo kak")).isEmpty());
        QVERIFY(!m_loop->customerWrites(CustomerWaId, QStringLiteral("bisa COD?")).isEmpty());
        const QString last =
            m_loop->customerWrites(CustomerWaId, QStringLiteral("ongkir ke bandung berapa?"));
        const QJsonObject draft = pendingDraftFor(last);
        QVERIFY2(!draft.isEmpty(), "no draft for the burst");
        const QStringList sources =
            draft.value(QLatin1String("sources")).toVariant().toStringList();
        QVERIFY2(sources.contains(QLatin1String("cod")) &&
                     sources.contains(QLatin1String("ongkir")),
                 qPrintable(sources.join(QLatin1Char(','))));
        // No other draft for the burst's first messages, however long one waits.
        QTest::qWait(2 * BurstQuietMs);
        int drafts = 0;
        for (const QJsonObject &event : m_console->events())
            drafts += isEvent(event, "draft.updated") ? 1 : 0;
        QCOMPARE(drafts, 1);
    }

    void shouldSendOneAnswerToABurstInAutoMode()
    {
        start(QStringLiteral("auto"), BurstQuietMs);
        const int before = m_loop->sim().requests().lastSeq();
        QVERIFY(!m_loop->customerWrites(CustomerWaId, QStringLiteral("bisa COD?")).isEmpty());
        QVERIFY(!m_loop->customerWrites(CustomerWaId, QStringLiteral("ongkir ke bandung berapa?"))
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_loop->sim().requests().since(before).size(), 1, 10000);
        const QString text = m_loop->sim()
                                 .requests()
                                 .since(before)
                                 .first()
                                 .jsonBody()
                                 .value(QLatin1String("text"))
                                 .toObject()
                                 .value(QLatin1String("body"))
                                 .toString();
        QVERIFY2(text.contains(QLatin1String("COD")) &&
                     text.contains(QLatin1String("ongkir"), Qt::CaseInsensitive),
                 qPrintable(text));
        QTest::qWait(2 * BurstQuietMs);
        QCOMPARE(m_loop->sim().requests().since(before).size(), 1);
    }

private:
    // Long enough for the simulator's webhooks of one burst to arrive within it on a busy
    // machine.
    static constexpr int BurstQuietMs = 1500;
    std::optional<Test::LoopbackRelay> m_loop;
    std::optional<Test::ProtocolClient> m_console;
};

QTEST_GUILESS_MAIN(TestAiDrafts)
#include "tst_aidrafts.moc"
