// Customer satisfaction end to end with the real relay and the Cloud API simulator as Meta: a
// resolved chat asks for a rating (the exact Graph body Meta received), the customer's tap is
// stored against the agent who resolved it, thanked, shown to consoles, and leaves the chat
// resolved without an AI draft; nothing is asked when CSAT is off or the window is closed; a tap
// the relay cannot take (another question, answered already, malformed, late) is a message.
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567001");
const QString OtherWaId = QStringLiteral("6281234567002");
const QString Question =
    QStringLiteral("Bagaimana pelayanan kami hari ini? Pilih 1 (buruk) sampai 5 (sangat baik).");
const QString Thanks = QStringLiteral("Terima kasih atas penilaian Anda!");
// How long a test waits for what must not happen (a question, a draft) before it says so.
constexpr int QuietMs = 1500;

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("data")).toObject();
}

QString kindOf(const QJsonObject &event)
{
    return event.value(QLatin1String("kind")).toString();
}

QString describe(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

// The Graph body of a message to the customer with this content.
QJsonObject toCustomer(QJsonObject content)
{
    content.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    content.insert(QStringLiteral("recipient_type"), QStringLiteral("individual"));
    content.insert(QStringLiteral("to"), QString(QLatin1Char('+') + CustomerWaId));
    return content;
}

// The rating question of survey 1 as the relay's defaults word it, written out by hand.
QJsonObject expectedQuestion()
{
    QJsonArray rows;
    const QStringList titles{QStringLiteral("1 ⭐"), QStringLiteral("2 ⭐⭐"), QStringLiteral("3 ⭐⭐⭐"),
                             QStringLiteral("4 ⭐⭐⭐⭐"), QStringLiteral("5 ⭐⭐⭐⭐⭐")};
    for (int score = 1; score <= 5; ++score)
        rows.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("csat:1:%1").arg(score)},
                                {QStringLiteral("title"), titles.at(score - 1)}});
    return toCustomer(
        {{QStringLiteral("type"), QStringLiteral("interactive")},
         {QStringLiteral("interactive"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("list")},
                      {QStringLiteral("body"), QJsonObject{{QStringLiteral("text"), Question}}},
                      {QStringLiteral("action"),
                       QJsonObject{{QStringLiteral("button"), QStringLiteral("Beri nilai")},
                                   {QStringLiteral("sections"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("title"), QStringLiteral("Beri nilai")},
                                        {QStringLiteral("rows"), rows}}}}}}}}});
}

QJsonObject expectedThanks()
{
    return toCustomer(
        {{QStringLiteral("type"), QStringLiteral("text")},
         {QStringLiteral("text"),
          QJsonObject{{QStringLiteral("body"), Thanks}, {QStringLiteral("preview_url"), false}}}});
}

QJsonObject listTap(const QString &rowId)
{
    return {{QStringLiteral("type"), QStringLiteral("interactive")},
            {QStringLiteral("list_reply"),
             QJsonObject{{QStringLiteral("id"), rowId}, {QStringLiteral("title"), rowId}}}};
}
} // namespace

class TestCsat : public QObject
{
    Q_OBJECT

private:
    std::optional<Test::LoopbackRelay> m_loop;
    std::optional<Test::ProtocolClient> m_agent;
    qint64 m_conversationId = 0;
    qint64 m_firstMessageId = 0; // the customer's "Halo kak"
    int m_commandId = 0;

    // Meta, the relay (CSAT as given) and Ayu, signed in, with the customer's chat taken over.
    void start(bool csat, const QDateTime &customerWroteAt = {})
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-ayu")));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.csat.enabled = csat;
        config.csat.acceptMs = 3600 * 1000;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_agent.emplace();
        QVERIFY(m_agent->signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                                QStringLiteral("rahasia-ayu")));
        QVERIFY(!m_agent->subscribe(0).isEmpty());
        const QString wamid =
            customerWroteAt.isValid()
                ? m_loop->customerWroteAt(CustomerWaId, QStringLiteral("Halo kak"), customerWroteAt)
                : m_loop->customerWrites(CustomerWaId, QStringLiteral("Halo kak"),
                                         QStringLiteral("Siti"));
        const QJsonObject arrived = m_agent->waitForEvent([&](const QJsonObject &event) {
            return dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        });
        QVERIFY2(!arrived.isEmpty(), "the customer's message never arrived");
        m_conversationId = arrived.value(QLatin1String("conversation_id")).toInteger();
        m_firstMessageId = dataOf(arrived).value(QLatin1String("id")).toInteger();
        QVERIFY(command(QStringLiteral("take_over")).value(QLatin1String("ok")).toBool());
    }

    QJsonObject command(const QString &name)
    {
        return m_agent->command(name, {{QStringLiteral("conversation_id"), m_conversationId}},
                                QStringLiteral("csat-%1").arg(++m_commandId));
    }

    // POSTs to the messages endpoint after seq `after`, as the simulator recorded them.
    QList<QJsonObject> messagePosts(int after)
    {
        QList<QJsonObject> bodies;
        for (const Sim::RecordedRequest &request : m_loop->sim().requests().since(after)) {
            if (request.method == QLatin1String("POST") && request.path.endsWith(u"/messages")) {
                QJsonObject body = request.jsonBody();
                body.remove(QStringLiteral("biz_opaque_callback_data"));
                if (body.value(QLatin1String("status")).toString() != QLatin1String("read"))
                    bodies.append(body);
            }
        }
        return bodies;
    }

    // The one Graph message body sent after seq `after` (empty when none or more came).
    QJsonObject sentBody(int after)
    {
        if (!QTest::qWaitFor([&] { return !messagePosts(after).isEmpty(); }, 10000))
            return {};
        const QList<QJsonObject> bodies = messagePosts(after);
        return bodies.size() == 1 ? bodies.first() : QJsonObject();
    }

    int requestSeq() { return m_loop->sim().requests().lastSeq(); }

    QString customerTaps(const QString &rowId)
    {
        QString error;
        const QString wamid =
            m_loop->sim().customers().sendMessage(CustomerWaId, listTap(rowId), &error);
        if (wamid.isEmpty())
            qWarning("the customer could not tap: %s", qPrintable(error));
        return wamid;
    }

    // The first conversation.updated of the chat whose conversation matches predicate.
    QJsonObject conversationUpdate(const std::function<bool(const QJsonObject &)> &predicate)
    {
        return m_agent->waitForEvent([&](const QJsonObject &event) {
            return kindOf(event) == QLatin1String("conversation.updated") &&
                   event.value(QLatin1String("conversation_id")).toInteger() == m_conversationId &&
                   predicate(dataOf(event));
        });
    }

    // The chat's conversation.updated that came with event (the same webhook's batch).
    QJsonObject conversationUpdateAfter(const QJsonObject &event)
    {
        const qint64 seq = event.value(QLatin1String("seq")).toInteger();
        return m_agent->waitForEvent([&](const QJsonObject &update) {
            return kindOf(update) == QLatin1String("conversation.updated") &&
                   update.value(QLatin1String("conversation_id")).toInteger() == m_conversationId &&
                   update.value(QLatin1String("seq")).toInteger() > seq;
        });
    }

    // Resolves the chat and returns the rating question Meta received.
    QJsonObject resolveAndAsk()
    {
        const int before = requestSeq();
        const QJsonObject resolved = command(QStringLiteral("resolve"));
        if (!resolved.value(QLatin1String("ok")).toBool()) {
            qWarning("resolve failed: %s", qPrintable(describe(resolved)));
            return {};
        }
        return sentBody(before);
    }

    // Events of the chat of the given kind received so far.
    int eventsOf(const QString &kind)
    {
        int count = 0;
        for (const QJsonObject &event : m_agent->events(m_conversationId))
            count += kindOf(event) == kind ? 1 : 0;
        return count;
    }

    // Drafts asked for or written for anything but the customer's first message.
    int laterDrafts()
    {
        int count = 0;
        for (const QJsonObject &event : m_agent->events(m_conversationId)) {
            if (kindOf(event) == QLatin1String("draft.updated") &&
                dataOf(event).value(QLatin1String("for_message_id")).toInteger() !=
                    m_firstMessageId)
                ++count;
        }
        return count;
    }

    // A signed webhook of the customer tapping rowId at sentAt (Meta's timestamp).
    int tapAt(const QString &rowId, const QString &wamid, const QDateTime &sentAt)
    {
        QJsonObject body =
            QJsonDocument::fromJson(m_loop->textWebhook(CustomerWaId, wamid, QStringLiteral("-"),
                                                        sentAt.toSecsSinceEpoch()))
                .object();
        QJsonArray entries = body.value(QLatin1String("entry")).toArray();
        QJsonObject entry = entries.at(0).toObject();
        QJsonArray changes = entry.value(QLatin1String("changes")).toArray();
        QJsonObject change = changes.at(0).toObject();
        QJsonObject value = change.value(QLatin1String("value")).toObject();
        QJsonArray messages = value.value(QLatin1String("messages")).toArray();
        QJsonObject message = messages.at(0).toObject();
        message.remove(QStringLiteral("text"));
        message.insert(QStringLiteral("type"), QStringLiteral("interactive"));
        message.insert(
            QStringLiteral("interactive"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("list_reply")},
                        {QStringLiteral("list_reply"),
                         QJsonObject{{QStringLiteral("id"), rowId},
                                     {QStringLiteral("title"), QStringLiteral("4 ⭐⭐⭐⭐")}}}});
        messages.replace(0, message);
        value.insert(QStringLiteral("messages"), messages);
        change.insert(QStringLiteral("value"), value);
        changes.replace(0, change);
        entry.insert(QStringLiteral("changes"), changes);
        entries.replace(0, entry);
        body.insert(QStringLiteral("entry"), entries);
        return m_loop->postWebhook(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // The tap with this wamid became an ordinary message: it is in the timeline, the resolved
    // chat reopened, and the AI drafted an answer to it. Returns the chat as it reopened.
    QJsonObject expectStoredAsMessage(const QString &wamid)
    {
        const QJsonObject stored = m_agent->waitForEvent([&](const QJsonObject &event) {
            return kindOf(event) == QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        });
        if (stored.isEmpty()) {
            QTest::qFail("the tap is not in the timeline", __FILE__, __LINE__);
            return {};
        }
        if (dataOf(stored).value(QLatin1String("type")).toString() != QLatin1String("interactive"))
            QTest::qFail("the tap is not an interactive message", __FILE__, __LINE__);
        const QJsonObject reopened = dataOf(conversationUpdateAfter(stored));
        if (reopened.value(QLatin1String("state")).toString() != QLatin1String("assigned"))
            QTest::qFail("the resolved chat did not reopen", __FILE__, __LINE__);
        const qint64 messageId = dataOf(stored).value(QLatin1String("id")).toInteger();
        const QJsonObject drafted = m_agent->waitForEvent([&](const QJsonObject &event) {
            return kindOf(event) == QLatin1String("draft.updated") &&
                   dataOf(event).value(QLatin1String("for_message_id")).toInteger() == messageId;
        });
        if (drafted.isEmpty())
            QTest::qFail("no draft for the tap", __FILE__, __LINE__);
        return reopened;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_agent.reset();
        m_loop.reset();
    }

    void shouldAskForARatingTakeTheTapAndThankTheCustomer()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        const QJsonObject asked = m_agent->waitForEvent([&](const QJsonObject &event) {
            return kindOf(event) == QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("text")).toString() == Question;
        });
        QCOMPARE(dataOf(asked).value(QLatin1String("sender")).toString(), QStringLiteral("agent"));
        QCOMPARE(dataOf(asked).value(QLatin1String("sender_name")).toString(),
                 QStringLiteral("Ayu"));
        const int messagesBefore = eventsOf(QStringLiteral("message.created"));

        const int beforeTap = requestSeq();
        const QString tap = customerTaps(QStringLiteral("csat:1:4"));
        QVERIFY(!tap.isEmpty());
        const QJsonObject rated = conversationUpdate([](const QJsonObject &conversation) {
            return conversation.value(QLatin1String("csat")).isObject();
        });
        QVERIFY2(!rated.isEmpty(), "no conversation.updated with the rating");
        const QJsonObject csat = dataOf(rated).value(QLatin1String("csat")).toObject();
        QCOMPARE(csat.value(QLatin1String("score")).toInt(), 4);
        QVERIFY(csat.value(QLatin1String("rated_at")).toInteger() > 0);
        QCOMPARE(dataOf(rated).value(QLatin1String("state")).toString(),
                 QStringLiteral("resolved"));
        QCOMPARE(sentBody(beforeTap), expectedThanks());

        // The tap is no message of the timeline and asks the AI for nothing.
        QTest::qWait(QuietMs);
        QCOMPARE(eventsOf(QStringLiteral("message.created")), messagesBefore + 1); // the thanks
        QCOMPARE(laterDrafts(), 0);
        const QJsonArray history =
            dataOf(command(QStringLiteral("history"))).value(QLatin1String("messages")).toArray();
        QVERIFY(history.size() >= 3);
        for (const QJsonValue &message : history)
            QVERIFY(message.toObject().value(QLatin1String("wamid")).toString() != tap);
        const QJsonObject last = history.last().toObject();
        QCOMPARE(last.value(QLatin1String("text")).toString(), Thanks);
        QCOMPARE(last.value(QLatin1String("sender_name")).toString(), QStringLiteral("Ayu"));
        QCOMPARE(history.at(history.size() - 2).toObject().value(QLatin1String("text")).toString(),
                 Question);

        // A console signing in later sees the rating on the chat.
        Test::ProtocolClient later;
        QVERIFY(later.signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                             QStringLiteral("rahasia-ayu")));
        const QJsonObject snapshot = later.subscribe(0);
        const QJsonArray conversations = snapshot.value(QLatin1String("conversations")).toArray();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first().toObject().value(QLatin1String("csat")).toObject(), csat);
    }

    void shouldAskNothingWhenCsatIsOff()
    {
        start(false);
        const int before = requestSeq();
        QVERIFY(command(QStringLiteral("resolve")).value(QLatin1String("ok")).toBool());
        QTest::qWait(QuietMs);
        QCOMPARE(messagePosts(before), QList<QJsonObject>());
    }

    void shouldAskNothingWhenTheWindowIsClosed()
    {
        start(true, QDateTime::currentDateTimeUtc().addSecs(-25 * 3600));
        const int before = requestSeq();
        QVERIFY(command(QStringLiteral("resolve")).value(QLatin1String("ok")).toBool());
        QTest::qWait(QuietMs);
        QCOMPARE(messagePosts(before), QList<QJsonObject>());
    }

    void shouldTakeATapOnAnUnknownQuestionAsAMessage()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        expectStoredAsMessage(customerTaps(QStringLiteral("csat:99:4")));
    }

    void shouldTakeATapOnAnotherChatsQuestionAsAMessageOfItsOwnChat()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        // Another customer sends a tap naming Siti's question (survey 1).
        QString error;
        const QString foreign = m_loop->sim().customers().sendMessage(
            OtherWaId, listTap(QStringLiteral("csat:1:2")), &error, QStringLiteral("Rudi"));
        QVERIFY2(!foreign.isEmpty(), qPrintable(error));
        const QJsonObject stored = m_agent->waitForEvent([&](const QJsonObject &event) {
            return kindOf(event) == QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("wamid")).toString() == foreign;
        });
        QVERIFY2(!stored.isEmpty(), "the other customer's tap is not in their timeline");
        QVERIFY(stored.value(QLatin1String("conversation_id")).toInteger() != m_conversationId);
        // Siti's question is still hers to answer.
        QVERIFY(!customerTaps(QStringLiteral("csat:1:3")).isEmpty());
        const QJsonObject rated = conversationUpdate([](const QJsonObject &conversation) {
            return conversation.value(QLatin1String("csat")).isObject();
        });
        QCOMPARE(
            dataOf(rated).value(QLatin1String("csat")).toObject().value(QLatin1String("score")),
            QJsonValue(3));
    }

    void shouldTakeASecondTapAsAMessage()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        customerTaps(QStringLiteral("csat:1:5"));
        QVERIFY(!conversationUpdate([](const QJsonObject &conversation) {
                     return conversation.value(QLatin1String("csat")).isObject();
                 }).isEmpty());
        const QJsonObject reopened =
            expectStoredAsMessage(customerTaps(QStringLiteral("csat:1:1")));
        // The first answer stands.
        QCOMPARE(reopened.value(QLatin1String("csat")).toObject().value(QLatin1String("score")),
                 QJsonValue(5));
    }

    void shouldTakeAMalformedTapAsAMessage()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        expectStoredAsMessage(customerTaps(QStringLiteral("csat:1:9")));
    }

    void shouldTakeALateTapAsAMessage()
    {
        start(true);
        QCOMPARE(resolveAndAsk(), expectedQuestion());
        // Meta's timestamp: the customer tapped two hours after the question; one is accepted.
        const QString wamid = QStringLiteral("wamid.csat.late");
        QCOMPARE(tapAt(QStringLiteral("csat:1:4"), wamid,
                       QDateTime::currentDateTimeUtc().addSecs(2 * 3600)),
                 200);
        expectStoredAsMessage(wamid);
    }
};

QTEST_GUILESS_MAIN(TestCsat)
#include "tst_csat.moc"
