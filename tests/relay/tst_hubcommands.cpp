#include "support/relay/hubharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

constexpr qint64 Hour = 3600LL * 1000;

QJsonObject conversationArgs(qint64 conversationId, QJsonObject extra = {})
{
    extra.insert(QLatin1String("conversation_id"), conversationId);
    return extra;
}

QJsonObject resultData(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

} // namespace

class tst_HubCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        const HubHarness::Colleagues colleagues = m_harness->addColleagues();
        QVERIFY(colleagues.ok());
        m_sariId = colleagues.sari;
        m_budiId = colleagues.budi;
        m_rinaId = colleagues.rina;
    }

    void cleanup() { m_harness.reset(); }

    void shouldApplyACommandOnceWhenResent()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        const QJsonObject args =
            conversationArgs(chat, {{QLatin1String("text"), QLatin1String("Selamat pagi")}});
        auto console = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject first =
            console->command(QStringLiteral("send_text"), args, QStringLiteral("send-1"));
        QVERIFY2(isOk(first), qPrintable(errorCode(first)));
        const QJsonObject message = resultData(first).value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Selamat pagi"));
        QCOMPARE(message.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(message.value(QLatin1String("direction")).toString(), QStringLiteral("out"));

        const QJsonObject again =
            console->command(QStringLiteral("send_text"), args, QStringLiteral("send-1"));
        QCOMPARE(again, first);

        console = m_harness->loggedIn(QStringLiteral("sari")); // a reconnect, resending the same id
        QCOMPARE(console->command(QStringLiteral("send_text"), args, QStringLiteral("send-1")),
                 first);
        QCOMPARE(m_harness->count(
                     QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")),
                 1);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);

        // The same id from another user is another command.
        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(
            isOk(supervisor->command(QStringLiteral("send_text"), args, QStringLiteral("send-1"))));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 2);
    }

    void shouldQueueTheGraphRequestForTheOutbox()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto console = m_harness->loggedIn(QStringLiteral("sari"));
        QVERIFY(isOk(console->command(
            QStringLiteral("send_text"),
            conversationArgs(chat, {{QLatin1String("text"), QLatin1String("Siap")},
                                    {QLatin1String("reply_to"), QLatin1String("wamid.test.1")}}))));
        QSqlQuery query(m_harness->reader()->db());
        QVERIFY(query.exec(QStringLiteral("SELECT request, state FROM outbox")) && query.next());
        const QJsonObject request =
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        QCOMPARE(query.value(1).toString(), QStringLiteral("pending"));
        QCOMPARE(request.value(QLatin1String("messaging_product")).toString(),
                 QStringLiteral("whatsapp"));
        QCOMPARE(request.value(QLatin1String("to")).toString(), QStringLiteral("+628111"));
        QCOMPARE(request.value(QLatin1String("type")).toString(), QStringLiteral("text"));
        QCOMPARE(
            request.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString(),
            QStringLiteral("Siap"));
        QCOMPARE(request.value(QLatin1String("context"))
                     .toObject()
                     .value(QLatin1String("message_id"))
                     .toString(),
                 QStringLiteral("wamid.test.1"));
    }

    void shouldShowAnOutboundMessagesContentWithoutTheEnvelope()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto console = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject sent = resultData(console->command(
            QStringLiteral("send_text"),
            conversationArgs(chat, {{QLatin1String("text"), QLatin1String("Siap kak")},
                                    {QLatin1String("reply_to"), QLatin1String("wamid.test.1")}})));
        const QJsonObject expected = QJsonDocument::fromJson(R"({"type":"text",
            "text":{"body":"Siap kak","preview_url":false},
            "context":{"message_id":"wamid.test.1"}})")
                                         .object();
        QCOMPARE(sent.value(QLatin1String("message")).toObject().value(QLatin1String("content")),
                 QJsonValue(expected));
        const QJsonArray history =
            resultData(console->command(QStringLiteral("history"), conversationArgs(chat)))
                .value(QLatin1String("messages"))
                .toArray();
        QCOMPARE(history.last().toObject().value(QLatin1String("content")), QJsonValue(expected));
    }

    void shouldRefuseFreeFormTextOutsideTheWindow()
    {
        const qint64 now = m_harness->clockMs;
        const qint64 stale = m_harness->receiveInbound(QStringLiteral("628111"),
                                                       QStringLiteral("old"), now - 25 * Hour);
        const qint64 fresh = m_harness->receiveInbound(QStringLiteral("628222"),
                                                       QStringLiteral("new"), now - 23 * Hour);
        auto console = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject text{{QLatin1String("text"), QLatin1String("Halo")}};
        const QJsonObject refused =
            console->command(QStringLiteral("send_text"), conversationArgs(stale, text));
        QCOMPARE(errorCode(refused), QStringLiteral("window_closed"));
        QVERIFY(isOk(console->command(QStringLiteral("send_text"), conversationArgs(fresh, text))));
        QCOMPARE(errorCode(console->command(
                     QStringLiteral("send_media"),
                     conversationArgs(stale, {{QLatin1String("media"), QString(64, u'a')}}))),
                 QStringLiteral("window_closed"));

        m_harness->clockMs += 2 * Hour; // the fresh one is now 25 h old too
        QCOMPARE(
            errorCode(console->command(QStringLiteral("send_text"), conversationArgs(fresh, text))),
            QStringLiteral("window_closed"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM commands")), 1);
    }

    void shouldTakeOverAnUnassignedChatWhenAnAgentAnswers()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto console = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(console->subscribe(0)), QStringLiteral("snapshot"));
        QVERIFY(isOk(console->command(
            QStringLiteral("send_text"),
            conversationArgs(chat, {{QLatin1String("text"), QLatin1String("Saya bantu")}}))));
        const QList<QJsonObject> events = console->events(chat);
        QCOMPARE(events.size(), 2); // delivered before the result
        QCOMPARE(events.at(0).value(QLatin1String("kind")).toString(),
                 QStringLiteral("message.created"));
        const QJsonObject conversation = events.at(1).value(QLatin1String("data")).toObject();
        QCOMPARE(conversation.value(QLatin1String("state")).toString(), QStringLiteral("assigned"));
        QCOMPARE(conversation.value(QLatin1String("assignee")).toString(), QStringLiteral("sari"));
        QCOMPARE(conversation.value(QLatin1String("ai_mode")).toString(), QStringLiteral("draft"));
        QCOMPARE(conversation.value(QLatin1String("unread")).toInt(), 0);

        auto other = m_harness->loggedIn(QStringLiteral("budi"));
        QCOMPARE(errorCode(other->command(QStringLiteral("send_text"),
                                          conversationArgs(chat, {{QLatin1String("text"),
                                                                   QLatin1String("Saya juga")}}))),
                 QStringLiteral("forbidden"));
    }

    void shouldLetOnlySupervisorsAssign()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        const QJsonObject args =
            conversationArgs(chat, {{QLatin1String("username"), QLatin1String("budi")}});
        auto agent = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(agent->command(QStringLiteral("assign"), args)),
                 QStringLiteral("forbidden"));

        auto supervisor = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject assigned = supervisor->command(QStringLiteral("assign"), args);
        QVERIFY(isOk(assigned));
        const QJsonObject conversation =
            resultData(assigned).value(QLatin1String("conversation")).toObject();
        QCOMPARE(conversation.value(QLatin1String("assignee")).toString(), QStringLiteral("budi"));
        QCOMPARE(conversation.value(QLatin1String("state")).toString(), QStringLiteral("assigned"));
        QCOMPARE(conversation.value(QLatin1String("ai_mode")).toString(), QStringLiteral("draft"));

        QCOMPARE(
            errorCode(supervisor->command(
                QStringLiteral("assign"),
                conversationArgs(chat, {{QLatin1String("username"), QLatin1String("nobody")}}))),
            QStringLiteral("not_found"));
    }

    void shouldHideAnotherAgentsChatFromAnAgent()
    {
        const qint64 budisChat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Rahasia"));
        QVERIFY(m_harness->assignDirectly(budisChat, m_budiId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject snapshot = sari->subscribe(0);
        QCOMPARE(snapshot.value(QLatin1String("conversations")).toArray().size(), 0);
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(rina->subscribe(0).value(QLatin1String("conversations")).toArray().size(), 1);

        QCOMPARE(errorCode(sari->command(QStringLiteral("history"), conversationArgs(budisChat))),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("mark_read"), conversationArgs(budisChat))),
                 QStringLiteral("forbidden"));
        const QJsonObject history =
            rina->command(QStringLiteral("history"), conversationArgs(budisChat));
        QVERIFY(isOk(history));
        const QJsonArray messages = resultData(history).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("Rahasia"));

        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Masih rahasia"));
        // A later event Sari may see: once it arrived, the earlier ones were decided.
        const qint64 queue =
            m_harness->receiveInbound(QStringLiteral("628999"), QStringLiteral("Antri"));
        QTRY_COMPARE(sari->events(queue).size(), 2);
        QCOMPARE(sari->events(budisChat).size(), 0);
        QTRY_COMPARE(rina->events(budisChat).size(), 2);
    }

    void shouldTellAnAgentWhenTheirChatMovesAway()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        QVERIFY(m_harness->assignDirectly(chat, m_sariId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const qint64 seq = sari->subscribe(0).value(QLatin1String("seq")).toInteger();
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(rina->command(
            QStringLiteral("assign"),
            conversationArgs(chat, {{QLatin1String("username"), QLatin1String("budi")}}))));
        QTRY_COMPARE(sari->events(chat).size(), 1);
        const QJsonObject moved = sari->events(chat).constFirst();
        QCOMPARE(moved.value(QLatin1String("kind")).toString(),
                 QStringLiteral("conversation.updated"));
        QCOMPARE(moved.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("assignee"))
                     .toString(),
                 QStringLiteral("budi"));

        // A resume replays the same drop, and nothing of Budi's chat after it.
        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Untuk Budi"));
        auto resumed = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(resumed->subscribe(seq)), QStringLiteral("subscribed"));
        QCOMPARE(resumed->events(chat).size(), 1);
    }

    void shouldTellOtherAgentsWhenAnUnassignedChatIsTaken()
    {
        const qint64 taken =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        const qint64 answered =
            m_harness->receiveInbound(QStringLiteral("628222"), QStringLiteral("Permisi"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const qint64 seq = sari->subscribe(0).value(QLatin1String("seq")).toInteger();
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        QVERIFY(isOk(budi->command(QStringLiteral("take_over"), conversationArgs(taken))));
        QVERIFY(isOk(budi->command(
            QStringLiteral("send_text"),
            conversationArgs(answered, {{QLatin1String("text"), QLatin1String("Baik kak")}}))));
        // Sari's queue drops both chats Budi took, and sees nothing of Budi's answer.
        for (const qint64 chat : {taken, answered}) {
            QTRY_COMPARE(sari->events(chat).size(), 1);
            const QJsonObject update = sari->events(chat).constFirst();
            QCOMPARE(update.value(QLatin1String("kind")).toString(),
                     QStringLiteral("conversation.updated"));
            QCOMPARE(update.value(QLatin1String("data"))
                         .toObject()
                         .value(QLatin1String("assignee"))
                         .toString(),
                     QStringLiteral("budi"));
        }

        // A resume replays the same drops, and nothing of Budi's chats after them.
        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Untuk Budi"));
        auto resumed = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(resumed->subscribe(seq)), QStringLiteral("subscribed"));
        QCOMPARE(resumed->events(taken).size(), 1);
        QCOMPARE(resumed->events(answered).size(), 1);
    }

    void shouldRefuseTakingOverAnotherAgentsChat()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        QVERIFY(isOk(budi->command(QStringLiteral("take_over"), conversationArgs(chat))));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("take_over"), conversationArgs(chat))),
                 QStringLiteral("conflict"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject taken = rina->command(
            QStringLiteral("take_over"),
            conversationArgs(chat, {{QLatin1String("ai_mode"), QLatin1String("off")}}));
        QVERIFY(isOk(taken));
        const QJsonObject conversation =
            resultData(taken).value(QLatin1String("conversation")).toObject();
        QCOMPARE(conversation.value(QLatin1String("assignee")).toString(), QStringLiteral("rina"));
        QCOMPARE(conversation.value(QLatin1String("ai_mode")).toString(), QStringLiteral("off"));
    }

    void shouldLetOnlyTheAssigneeOrASupervisorManageAChat()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("resolve"), conversationArgs(chat))),
                 QStringLiteral("forbidden"));
        QVERIFY(isOk(sari->command(QStringLiteral("take_over"), conversationArgs(chat))));
        const QJsonObject mode =
            sari->command(QStringLiteral("set_ai_mode"),
                          conversationArgs(chat, {{QLatin1String("mode"), QLatin1String("off")}}));
        QCOMPARE(resultData(mode)
                     .value(QLatin1String("conversation"))
                     .toObject()
                     .value(QLatin1String("ai_mode"))
                     .toString(),
                 QStringLiteral("off"));
        const QJsonObject resolved =
            sari->command(QStringLiteral("resolve"), conversationArgs(chat));
        const QJsonObject conversation =
            resultData(resolved).value(QLatin1String("conversation")).toObject();
        QCOMPARE(conversation.value(QLatin1String("state")).toString(), QStringLiteral("resolved"));
        QCOMPARE(conversation.value(QLatin1String("assignee")).toString(), QStringLiteral("sari"));

        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject handedBack =
            rina->command(QStringLiteral("hand_back"), conversationArgs(chat));
        const QJsonObject bot =
            resultData(handedBack).value(QLatin1String("conversation")).toObject();
        QCOMPARE(bot.value(QLatin1String("state")).toString(), QStringLiteral("bot"));
        QVERIFY(bot.value(QLatin1String("assignee")).isNull());
        QCOMPARE(bot.value(QLatin1String("ai_mode")).toString(), QStringLiteral("auto"));
    }

    void shouldMarkAChatRead()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo lagi"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject read = sari->command(QStringLiteral("mark_read"), conversationArgs(chat));
        QCOMPARE(resultData(read)
                     .value(QLatin1String("conversation"))
                     .toObject()
                     .value(QLatin1String("unread"))
                     .toInt(),
                 0);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT unread FROM conversations")), 0);
        QCOMPARE(
            errorCode(sari->command(QStringLiteral("mark_read"),
                                    conversationArgs(chat, {{QLatin1String("message_id"), 999}}))),
            QStringLiteral("not_found"));
    }

    void shouldAnswerBadCommandsWithCodes()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("launch_rocket"), {})),
                 QStringLiteral("unknown_command"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("send_text"), conversationArgs(chat))),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(
            errorCode(sari->command(QStringLiteral("send_text"),
                                    conversationArgs(chat, {{QLatin1String("text"),
                                                             QString(4097, QLatin1Char('a'))}}))),
            QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("resolve"),
                                         {{QLatin1String("conversation_id"), QLatin1String("1")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("resolve"), conversationArgs(999))),
                 QStringLiteral("not_found"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("history"), conversationArgs(999))),
                 QStringLiteral("not_found"));
    }

    void shouldPageHistory()
    {
        qint64 chat = 0;
        for (int i = 1; i <= 5; ++i)
            chat =
                m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("m%1").arg(i));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonArray newest =
            resultData(sari->command(QStringLiteral("history"),
                                     conversationArgs(chat, {{QLatin1String("limit"), 2}})))
                .value(QLatin1String("messages"))
                .toArray();
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest.at(0).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("m4"));
        QCOMPARE(newest.at(1).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("m5"));
        const qint64 oldestShown = newest.at(0).toObject().value(QLatin1String("id")).toInteger();
        const QJsonArray older =
            resultData(
                sari->command(QStringLiteral("history"),
                              conversationArgs(chat, {{QLatin1String("before_id"), oldestShown}})))
                .value(QLatin1String("messages"))
                .toArray();
        QCOMPARE(older.size(), 3);
        QCOMPARE(older.at(2).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("m3"));
    }

    void shouldListAgentsForSupervisorsOnly()
    {
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("list_agents"), {})),
                 QStringLiteral("forbidden"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonArray agents = resultData(rina->command(QStringLiteral("list_agents"), {}))
                                      .value(QLatin1String("agents"))
                                      .toArray();
        QCOMPARE(agents.size(), 3);
        for (const QJsonValue &value : agents) {
            const QJsonObject agent = value.toObject();
            const QString name = agent.value(QLatin1String("username")).toString();
            QCOMPARE(agent.value(QLatin1String("online")).toBool(), name != QLatin1String("budi"));
            QCOMPARE(agent.value(QLatin1String("role")).toString(),
                     name == QLatin1String("rina") ? QStringLiteral("supervisor")
                                                   : QStringLiteral("agent"));
        }
    }

private:
    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sariId = 0;
    qint64 m_budiId = 0;
    qint64 m_rinaId = 0;
};

QTEST_GUILESS_MAIN(tst_HubCommands)
#include "tst_hubcommands.moc"
