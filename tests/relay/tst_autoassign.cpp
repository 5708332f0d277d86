// Queued chats reach online agents without a supervisor: least loaded first, equal loads in
// turn, never past capacity, never to supervisors, and waiting chats move when room frees up.
#include "support/relay/hubharness.h"

#include "hub/autoassigner.h"
#include "store/conversationrepo.h"
#include "store/writetxn.h"

#include <QSignalSpy>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Test;

namespace {

const QString Password = QStringLiteral("kopi-tubruk-42");

bool isConversationUpdate(const QJsonObject &frame, qint64 conversationId)
{
    return frame.value(QLatin1String("type")).toString() == QLatin1String("event") &&
           frame.value(QLatin1String("kind")).toString() == QLatin1String("conversation.updated") &&
           frame.value(QLatin1String("conversation_id")).toInteger() == conversationId;
}

} // namespace

class TestAutoAssign : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubHarness> m_harness;
    std::unique_ptr<Relay::AutoAssigner> m_assigner;
    QHash<QString, qint64> m_users;

    void startWithCapacity(int capacity)
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        m_assigner =
            std::make_unique<Relay::AutoAssigner>(m_harness->writer(), m_harness->hub(), capacity);
        QObject::connect(m_harness->writer(), &Relay::StoreWriter::eventsCommitted,
                         m_assigner.get(), &Relay::AutoAssigner::handleEvents);
        m_users.insert(
            QStringLiteral("ayu"),
            m_harness->addUser(QStringLiteral("ayu"), QStringLiteral("agent"), Password));
        m_users.insert(
            QStringLiteral("budi"),
            m_harness->addUser(QStringLiteral("budi"), QStringLiteral("agent"), Password));
        m_users.insert(
            QStringLiteral("sari"),
            m_harness->addUser(QStringLiteral("sari"), QStringLiteral("supervisor"), Password));
    }

    // Logs a console in and waits until the assigner has looked at the queue for it.
    std::unique_ptr<ProtocolClient> online(const QString &username)
    {
        QSignalSpy pass(m_assigner.get(), &Relay::AutoAssigner::passFinished);
        auto console = std::make_unique<ProtocolClient>();
        const QJsonObject welcome = console->login(m_harness->url(), username, Password);
        if (frameType(welcome) != QLatin1String("welcome"))
            return nullptr;
        console->subscribe(0);
        // The pass may have finished while the login waited for frames.
        if (pass.isEmpty() && !pass.wait(5000))
            return nullptr;
        return console;
    }

    // The bot hands a customer's chat to the human queue, as the drafter's handoff does.
    qint64 queueChat(const QString &waId)
    {
        const qint64 id = m_harness->receiveInbound(waId, QStringLiteral("mau bicara sama admin"));
        const bool queued =
            m_harness
                ->run([id](Relay::WriteTxn &txn) {
                    auto conversation = Relay::ConversationRepo::load(txn.db(), id);
                    conversation->state = Protocol::ConversationState::Queued;
                    conversation->handoffReason = QStringLiteral("customer_request");
                    Relay::ConversationRepo::update(txn, *conversation);
                    Relay::ConversationRepo::publishConversation(txn, *conversation);
                    return Relay::WriteResult::success();
                })
                .ok;
        return queued ? id : 0;
    }

    std::optional<Relay::Conversation> conversation(qint64 id)
    {
        return Relay::ConversationRepo::load(m_harness->reader()->db(), id);
    }

    // Waits for the conversation.updated that hands chat `id` to someone, as console sees it.
    QJsonObject assignment(ProtocolClient &console, qint64 id)
    {
        const QJsonObject frame = console.take([id](const QJsonObject &candidate) {
            return isConversationUpdate(candidate, id) &&
                   candidate.value(QLatin1String("data"))
                           .toObject()
                           .value(QLatin1String("state"))
                           .toString() == QLatin1String("assigned");
        });
        return frame.value(QLatin1String("data")).toObject();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_assigner.reset();
        m_harness.reset();
        m_users.clear();
    }

    void leastLoadedAgentGetsTheChatAndEqualLoadsTakeTurns()
    {
        startWithCapacity(5);
        const qint64 budisChat =
            m_harness->receiveInbound(QStringLiteral("6281100000001"), QStringLiteral("halo"));
        QVERIFY(m_harness->assignDirectly(budisChat, m_users.value(QStringLiteral("budi"))));
        auto ayu = online(QStringLiteral("ayu"));
        auto budi = online(QStringLiteral("budi"));
        auto sari = online(QStringLiteral("sari"));
        QVERIFY(ayu && budi && sari);

        // Ayu has nothing open, Budi one chat: Ayu gets it, and sees why it waited.
        const qint64 first = queueChat(QStringLiteral("6281100000002"));
        QJsonObject data = assignment(*ayu, first);
        QCOMPARE(data.value(QLatin1String("assignee")).toString(), QStringLiteral("ayu"));
        QCOMPARE(data.value(QLatin1String("handoff_reason")).toString(),
                 QStringLiteral("customer_request"));
        QCOMPARE(data.value(QLatin1String("ai_mode")).toString(), QStringLiteral("draft"));
        // Now both have one: Budi's turn, then Ayu's again (two each), never the supervisor.
        const qint64 second = queueChat(QStringLiteral("6281100000003"));
        QCOMPARE(assignment(*budi, second).value(QLatin1String("assignee")).toString(),
                 QStringLiteral("budi"));
        const qint64 third = queueChat(QStringLiteral("6281100000004"));
        QCOMPARE(assignment(*ayu, third).value(QLatin1String("assignee")).toString(),
                 QStringLiteral("ayu"));
        // The supervisor watches every assignment happen, but gets none.
        QCOMPARE(assignment(*sari, third).value(QLatin1String("assignee")).toString(),
                 QStringLiteral("ayu"));
        QCOMPARE(m_assigner->assignedTotal(), quint64(3));
    }

    void fullAgentsLeaveChatsQueuedUntilOneIsResolved()
    {
        startWithCapacity(1);
        auto ayu = online(QStringLiteral("ayu"));
        QVERIFY(ayu);
        const qint64 first = queueChat(QStringLiteral("6281100000011"));
        QCOMPARE(assignment(*ayu, first).value(QLatin1String("assignee")).toString(),
                 QStringLiteral("ayu"));

        QSignalSpy pass(m_assigner.get(), &Relay::AutoAssigner::passFinished);
        const qint64 second = queueChat(QStringLiteral("6281100000012"));
        QTRY_VERIFY(!pass.isEmpty());
        QCOMPARE(pass.last().at(1).toInt(), 1); // one chat still waits
        QCOMPARE(conversation(second)->state, Protocol::ConversationState::Queued);
        QCOMPARE(conversation(second)->assigneeId, qint64(0));

        // Resolving her chat makes room: the waiting one is hers now.
        const QJsonObject resolved =
            ayu->command(QStringLiteral("resolve"), {{QStringLiteral("conversation_id"), first}});
        QVERIFY2(resolved.value(QLatin1String("ok")).toBool(), qPrintable(errorCode(resolved)));
        QCOMPARE(assignment(*ayu, second).value(QLatin1String("assignee")).toString(),
                 QStringLiteral("ayu"));
    }

    void chatsWaitForAnAgentToComeOnline()
    {
        startWithCapacity(2);
        auto sari = online(QStringLiteral("sari"));
        QVERIFY(sari);
        const qint64 first = queueChat(QStringLiteral("6281100000021"));
        const qint64 second = queueChat(QStringLiteral("6281100000022"));
        const qint64 third = queueChat(QStringLiteral("6281100000023"));
        // Only a supervisor is online: nobody is assigned.
        QCOMPARE(conversation(first)->state, Protocol::ConversationState::Queued);

        auto budi = online(QStringLiteral("budi"));
        QVERIFY(budi);
        // The two that waited longest, up to his capacity; the newest stays queued.
        QTRY_COMPARE(conversation(first)->assigneeId, m_users.value(QStringLiteral("budi")));
        QTRY_COMPARE(conversation(second)->assigneeId, m_users.value(QStringLiteral("budi")));
        QCOMPARE(conversation(third)->state, Protocol::ConversationState::Queued);
    }
};

QTEST_GUILESS_MAIN(TestAutoAssign)
#include "tst_autoassign.moc"
