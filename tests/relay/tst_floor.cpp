// The support floor on a real relay store and WebSockets on loopback: presence (online, away,
// offline) and who may set it, teams made with `serambi-relay team ...`, routing of queued
// chats to a team by keyword or handoff reason, auto-assignment only to online members of the
// chat's team below capacity, and transfer to a team's queue with a note.
#include "store/dialect.h"
#include "support/relay/hubharness.h"

#include "config/relayconfig.h"
#include "hub/autoassigner.h"
#include "service/teamadmin.h"
#include "store/conversationrepo.h"
#include "store/writetxn.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject dataOf(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

QJsonObject presenceArgs(const QString &presence, const QString &username = {})
{
    QJsonObject args{{QLatin1String("presence"), presence}};
    if (!username.isEmpty())
        args.insert(QLatin1String("username"), username);
    return args;
}

// The presence each presence.changed a console received announced for username, in order.
QStringList presenceChanges(const ProtocolClient &console, const QString &username)
{
    QStringList seen;
    for (const QJsonObject &event : console.events(0)) {
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        if (event.value(QLatin1String("kind")).toString() == QLatin1String("presence.changed") &&
            data.value(QLatin1String("username")).toString() == username)
            seen.append(data.value(QLatin1String("presence")).toString());
    }
    return seen;
}

QJsonObject agentNamed(const QJsonObject &listAgents, const QString &username)
{
    for (const QJsonValue &agent : dataOf(listAgents).value(QLatin1String("agents")).toArray()) {
        if (agent.toObject().value(QLatin1String("username")).toString() == username)
            return agent.toObject();
    }
    return {};
}

} // namespace

class tst_Floor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubHarness> m_harness;
    std::unique_ptr<AutoAssigner> m_assigner;
    QHash<QString, qint64> m_ids;

    void start(int capacity, RoutingRules routing = {})
    {
        HubOptions options = fastHubOptions();
        options.autoAssignCapacity = capacity;
        m_harness = std::make_unique<HubHarness>(options);
        QVERIFY(m_harness->start());
        m_assigner = std::make_unique<AutoAssigner>(m_harness->writer(), m_harness->hub(), capacity,
                                                    std::move(routing));
        QObject::connect(m_harness->writer(), &StoreWriter::eventsCommitted, m_assigner.get(),
                         &AutoAssigner::handleEvents);
        for (const char *agent : {"ayu", "budi", "cici"}) {
            m_ids.insert(QLatin1String(agent),
                         m_harness->addUser(QLatin1String(agent), QStringLiteral("agent"),
                                            QStringLiteral("pw-") + QLatin1String(agent)));
        }
        m_harness->addUser(QStringLiteral("sari"), QStringLiteral("supervisor"),
                           QStringLiteral("pw-sari"));
    }

    // `serambi-relay team ARGS...` against the harness's database; its exit code.
    int team(const QStringList &args, QString *output = nullptr)
    {
        RelayConfig config;
        config.dataDir = m_harness->dataDir();
        if (isPostgresUrl(m_harness->location()))
            config.dbUrl = m_harness->location();
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code = runTeamAdmin(config, args, outStream, errStream);
        outStream.flush();
        errStream.flush();
        if (output)
            *output = code == 0 ? out : err;
        return code;
    }

    std::unique_ptr<ProtocolClient> subscribed(const QString &username)
    {
        auto console = m_harness->loggedIn(username);
        if (!console || frameType(console->subscribe(0)) != QLatin1String("snapshot"))
            return nullptr;
        return console;
    }

    // The bot hands a customer's chat to the human queue with reason, as the drafter does.
    qint64 queueChat(const QString &waId, const QString &text, const QString &reason)
    {
        const qint64 id = m_harness->receiveInbound(waId, text);
        const bool queued = m_harness
                                ->run([id, reason](WriteTxn &txn) {
                                    auto conversation = ConversationRepo::load(txn.db(), id);
                                    conversation->state = Protocol::ConversationState::Queued;
                                    conversation->handoffReason = reason;
                                    ConversationRepo::update(txn, *conversation);
                                    ConversationRepo::publishConversation(txn, *conversation);
                                    return WriteResult::success();
                                })
                                .ok;
        return queued ? id : 0;
    }

    std::optional<Conversation> conversation(qint64 id)
    {
        return ConversationRepo::load(m_harness->reader()->db(), id);
    }

    // Waits until no pass is pending: one pass after the last change.
    bool settle()
    {
        QSignalSpy pass(m_assigner.get(), &AutoAssigner::passFinished);
        m_assigner->schedule();
        return pass.wait(5000);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_assigner.reset();
        m_harness.reset();
        m_ids.clear();
    }

    void presenceFollowsTheConsoleAndTheAgentsChoiceAndReachesSupervisors()
    {
        start(0);
        auto sari = subscribed(QStringLiteral("sari"));
        QVERIFY(sari);
        auto ayuLogin = m_harness->loggedIn(QStringLiteral("ayu"));
        QVERIFY(ayuLogin);
        auto budi = subscribed(QStringLiteral("budi"));
        QVERIFY(budi);
        QTRY_COMPARE(presenceChanges(*sari, QStringLiteral("ayu")),
                     QStringList{QStringLiteral("online")});

        // Ayu steps away by hand; the supervisor sees it, another agent does not.
        QJsonObject result =
            ayuLogin->command(QStringLiteral("set_presence"), presenceArgs(QStringLiteral("away")));
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        QCOMPARE(dataOf(result).value(QLatin1String("presence")).toString(),
                 QStringLiteral("away"));
        QTRY_COMPARE(presenceChanges(*sari, QStringLiteral("ayu")),
                     (QStringList{QStringLiteral("online"), QStringLiteral("away")}));
        QJsonObject agents = sari->command(QStringLiteral("list_agents"), {});
        QCOMPARE(agentNamed(agents, QStringLiteral("ayu")).value(QLatin1String("presence")),
                 QJsonValue(QStringLiteral("away")));
        QCOMPARE(agentNamed(agents, QStringLiteral("cici")).value(QLatin1String("presence")),
                 QJsonValue(QStringLiteral("offline")));

        // Refusals: an agent cannot set a colleague's presence, nobody can set offline.
        QCOMPARE(
            errorCode(budi->command(QStringLiteral("set_presence"),
                                    presenceArgs(QStringLiteral("online"), QStringLiteral("ayu")))),
            QStringLiteral("forbidden"));
        QCOMPARE(errorCode(budi->command(QStringLiteral("set_presence"),
                                         presenceArgs(QStringLiteral("offline")))),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(budi->command(QStringLiteral("set_presence"),
                                         presenceArgs(QStringLiteral("busy")))),
                 QStringLiteral("invalid_argument"));
        // A supervisor may, but not for someone with no console connected.
        QCOMPARE(
            errorCode(sari->command(QStringLiteral("set_presence"),
                                    presenceArgs(QStringLiteral("away"), QStringLiteral("cici")))),
            QStringLiteral("conflict"));
        QVERIFY(isOk(sari->command(QStringLiteral("set_presence"),
                                   presenceArgs(QStringLiteral("online"), QStringLiteral("ayu")))));
        QTRY_COMPARE(presenceChanges(*sari, QStringLiteral("ayu")).size(), 3);
        QCOMPARE(presenceChanges(*budi, QStringLiteral("ayu")), QStringList{});

        // Her console gone, Ayu is offline.
        ayuLogin->close();
        QTRY_COMPARE(presenceChanges(*sari, QStringLiteral("ayu")).constLast(),
                     QStringLiteral("offline"));
        agents = sari->command(QStringLiteral("list_agents"), {});
        QCOMPARE(agentNamed(agents, QStringLiteral("ayu")).value(QLatin1String("online")),
                 QJsonValue(false));
    }

    void autoAssignmentSkipsAgentsWhoAreAway()
    {
        start(3);
        auto ayu = subscribed(QStringLiteral("ayu"));
        QVERIFY(ayu);
        QVERIFY(isOk(
            ayu->command(QStringLiteral("set_presence"), presenceArgs(QStringLiteral("away")))));
        QVERIFY(settle());
        const qint64 chat = queueChat(QStringLiteral("6281100000001"), QStringLiteral("halo"),
                                      QStringLiteral("customer_request"));
        QVERIFY(settle());
        QCOMPARE(conversation(chat)->assigneeId, 0);
        // Back online, she gets the waiting chat without anyone asking.
        QVERIFY(isOk(
            ayu->command(QStringLiteral("set_presence"), presenceArgs(QStringLiteral("online")))));
        QTRY_COMPARE(conversation(chat)->assigneeName, QStringLiteral("ayu"));
    }

    void teamsAreMadeFromTheCommandLineAndListedToEveryone()
    {
        start(0);
        QString output;
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Komplain")}), 0);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Pembayaran")}), 0);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("komplain")}, &output), 1);
        QVERIFY(output.contains(QLatin1String("already exists")));
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("a:b")}), 2);
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("Komplain"),
                       QStringLiteral("budi")}),
                 0);
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("Komplain"),
                       QStringLiteral("ayu")}),
                 0);
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("Komplain"),
                       QStringLiteral("nobody")},
                      &output),
                 1);
        QVERIFY(output.contains(QLatin1String("no user named nobody")));
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("remove"),
                       QStringLiteral("Pembayaran"), QStringLiteral("ayu")}),
                 1);
        QCOMPARE(team({QStringLiteral("list")}, &output), 0);
        QCOMPARE(output, QStringLiteral("Komplain\tayu budi\nPembayaran\t\n"));
        QCOMPARE(team({QStringLiteral("frobnicate")}), 2);

        auto cici = subscribed(QStringLiteral("cici"));
        QVERIFY(cici);
        const QJsonArray teams = dataOf(cici->command(QStringLiteral("list_teams"), {}))
                                     .value(QLatin1String("teams"))
                                     .toArray();
        QCOMPARE(teams.size(), 2);
        QCOMPARE(teams.at(0).toObject().value(QLatin1String("members")).toArray(),
                 (QJsonArray{QStringLiteral("ayu"), QStringLiteral("budi")}));
        auto sari = subscribed(QStringLiteral("sari"));
        QVERIFY(sari);
        QCOMPARE(
            agentNamed(sari->command(QStringLiteral("list_agents"), {}), QStringLiteral("budi"))
                .value(QLatin1String("teams"))
                .toArray(),
            QJsonArray{QStringLiteral("Komplain")});
        // list_agents stays the supervisors'.
        QCOMPARE(errorCode(cici->command(QStringLiteral("list_agents"), {})),
                 QStringLiteral("forbidden"));

        QCOMPARE(team({QStringLiteral("remove"), QStringLiteral("Pembayaran")}), 0);
        QCOMPARE(team({QStringLiteral("remove"), QStringLiteral("Pembayaran")}), 1);
    }

    void queuedChatsAreRoutedByKeywordThenReasonAndGoOnlyToTheirTeam()
    {
        RoutingRules routing;
        routing.keywords = {{QStringLiteral("refund"), QStringLiteral("Pembayaran")}};
        routing.reasons = {{QStringLiteral("anger"), QStringLiteral("Komplain")}};
        start(1, routing);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Komplain")}), 0);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Pembayaran")}), 0);
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("Komplain"),
                       QStringLiteral("budi")}),
                 0);
        QCOMPARE(team({QStringLiteral("member"), QStringLiteral("add"),
                       QStringLiteral("Pembayaran"), QStringLiteral("ayu")}),
                 0);
        auto ayu = subscribed(QStringLiteral("ayu"));
        auto cici = subscribed(QStringLiteral("cici"));
        QVERIFY(ayu && cici);

        // Angry, but about a refund: the keyword wins, and Pembayaran's Ayu gets it.
        const qint64 refund =
            queueChat(QStringLiteral("6281100000001"), QStringLiteral("Mana REFUND saya??"),
                      QStringLiteral("anger"));
        QTRY_COMPARE(conversation(refund)->assigneeName, QStringLiteral("ayu"));
        QCOMPARE(conversation(refund)->teamName, QStringLiteral("Pembayaran"));
        // Angry: Komplain, whose only member Budi is offline. Cici is online with room but
        // not in the team, Ayu is full: it waits, in Komplain's queue.
        const qint64 angry = queueChat(QStringLiteral("6281100000002"),
                                       QStringLiteral("Kecewa sekali"), QStringLiteral("anger"));
        QTRY_COMPARE(conversation(angry)->teamName, QStringLiteral("Komplain"));
        QVERIFY(settle());
        QCOMPARE(conversation(angry)->assigneeId, 0);
        // No rule: any online agent with room, Cici.
        const qint64 plain = queueChat(QStringLiteral("6281100000003"), QStringLiteral("halo"),
                                       QStringLiteral("customer_request"));
        QTRY_COMPARE(conversation(plain)->assigneeName, QStringLiteral("cici"));
        QCOMPARE(conversation(plain)->teamName, QString());
        // Budi comes online: Komplain's chat is his.
        auto budi = subscribed(QStringLiteral("budi"));
        QVERIFY(budi);
        QTRY_COMPARE(conversation(angry)->assigneeName, QStringLiteral("budi"));
        // The team travels with the chat to the consoles.
        const QJsonObject update = ayu->waitForEvent([refund](const QJsonObject &event) {
            return event.value(QLatin1String("conversation_id")).toInteger() == refund &&
                   event.value(QLatin1String("data"))
                           .toObject()
                           .value(QLatin1String("assignee"))
                           .toString() == QLatin1String("ayu");
        });
        QCOMPARE(update.value(QLatin1String("data")).toObject().value(QLatin1String("team")),
                 QJsonValue(QStringLiteral("Pembayaran")));
    }

    void autoAssignmentsAreInTheAuditLog()
    {
        start(2);
        auto ayu = subscribed(QStringLiteral("ayu"));
        QVERIFY(ayu);
        const qint64 chat = queueChat(QStringLiteral("6281100000006"), QStringLiteral("halo"),
                                      QStringLiteral("customer_request"));
        QTRY_COMPARE(conversation(chat)->assigneeName, QStringLiteral("ayu"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QVERIFY(sari);
        const QJsonObject reply = sari->command(QStringLiteral("list_audit"), {});
        const QJsonArray entries =
            reply.value(QLatin1String("data")).toObject().value(QLatin1String("entries")).toArray();
        QVERIFY2(!entries.isEmpty(), "the auto-assignment is not in the audit log");
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value(QLatin1String("action")).toString(), QStringLiteral("auto_assign"));
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QString());
        QCOMPARE(entry.value(QLatin1String("conversation_id")).toInteger(), chat);
        QCOMPARE(entry.value(QLatin1String("subject")).toString(), QStringLiteral("ayu"));
        QCOMPARE(entry.value(QLatin1String("detail")).toString(), QStringLiteral("assigned"));
    }

    void queuedChatsNoRuleNamesWaitInTheirChannelsTeam()
    {
        RoutingRules routing;
        routing.keywords = {{QStringLiteral("refund"), QStringLiteral("Pembayaran")}};
        routing.channels = {{QStringLiteral("main"), QStringLiteral("Penjualan")}};
        start(0, routing);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Penjualan")}), 0);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Pembayaran")}), 0);
        const qint64 plain =
            queueChat(QStringLiteral("6281100000004"), QStringLiteral("mau tanya stok"),
                      QStringLiteral("customer_request"));
        QTRY_COMPARE(conversation(plain)->teamName, QStringLiteral("Penjualan"));
        // A rule that names a team still comes first.
        const qint64 refund =
            queueChat(QStringLiteral("6281100000005"), QStringLiteral("refund dong"),
                      QStringLiteral("customer_request"));
        QTRY_COMPARE(conversation(refund)->teamName, QStringLiteral("Pembayaran"));
    }

    void transferToATeamPutsTheChatInItsQueueWithTheNote()
    {
        start(0);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("Komplain")}), 0);
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("6281100000001"), QStringLiteral("Rusak"));
        const qint64 budisChat =
            m_harness->receiveInbound(QStringLiteral("6281100000002"), QStringLiteral("Halo"));
        QVERIFY(m_harness->assignDirectly(chat, m_ids.value(QStringLiteral("ayu"))));
        QVERIFY(m_harness->assignDirectly(budisChat, m_ids.value(QStringLiteral("budi"))));
        auto ayu = subscribed(QStringLiteral("ayu"));
        auto cici = subscribed(QStringLiteral("cici"));
        QVERIFY(ayu && cici);
        const auto toTeam = [](qint64 id, const QString &teamName) {
            return QJsonObject{{QLatin1String("conversation_id"), id},
                               {QLatin1String("team"), teamName}};
        };

        // Refusals: not her chat, no such team, both a user and a team, neither.
        QCOMPARE(errorCode(ayu->command(QStringLiteral("transfer"),
                                        toTeam(budisChat, QStringLiteral("Komplain")))),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(ayu->command(QStringLiteral("transfer"),
                                        toTeam(chat, QStringLiteral("Gudang")))),
                 QStringLiteral("not_found"));
        QJsonObject both = toTeam(chat, QStringLiteral("Komplain"));
        both.insert(QLatin1String("username"), QStringLiteral("cici"));
        QCOMPARE(errorCode(ayu->command(QStringLiteral("transfer"), both)),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(ayu->command(QStringLiteral("transfer"),
                                        {{QLatin1String("conversation_id"), chat}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(conversation(chat)->assigneeName, QStringLiteral("ayu"));

        QJsonObject args = toTeam(chat, QStringLiteral("Komplain"));
        args.insert(QLatin1String("note"), QStringLiteral("Barang rusak, minta ganti"));
        const QJsonObject result = ayu->command(QStringLiteral("transfer"), args);
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        const QJsonObject moved = dataOf(result).value(QLatin1String("conversation")).toObject();
        QCOMPARE(moved.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(moved.value(QLatin1String("assignee")), QJsonValue(QJsonValue::Null));
        QCOMPARE(moved.value(QLatin1String("team")).toString(), QStringLiteral("Komplain"));
        // In the queue every agent sees it, with the note first.
        const QJsonObject notes =
            cici->command(QStringLiteral("list_notes"), {{QLatin1String("conversation_id"), chat}});
        QCOMPARE(dataOf(notes)
                     .value(QLatin1String("notes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("Barang rusak, minta ganti"));
        QTRY_VERIFY(!cici->waitForEvent([chat](const QJsonObject &event) {
                             return event.value(QLatin1String("conversation_id")).toInteger() ==
                                        chat &&
                                    event.value(QLatin1String("kind")).toString() ==
                                        QLatin1String("note.created");
                         })
                         .isEmpty());
        // Twice into the same queue is a conflict.
        auto sari = subscribed(QStringLiteral("sari"));
        QVERIFY(sari);
        QCOMPARE(errorCode(sari->command(QStringLiteral("transfer"),
                                         toTeam(chat, QStringLiteral("Komplain")))),
                 QStringLiteral("conflict"));
    }
};

QTEST_GUILESS_MAIN(tst_Floor)
#include "tst_floor.moc"
