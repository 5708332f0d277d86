// CommandQueue on its own: a command is kept from the moment it is issued, shows a placeholder
// while offline, survives a restart, and reaches the relay exactly once, also when the
// connection drops before its result. Its result comes back to the queue alone
// (RelayClient::request), never to every listener.
#include "app/commandqueue.h"
#include "app/localstore.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "protocol/commandargs.h"
#include "support/console/consolefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;

namespace {
constexpr qint64 UnknownChat = 987654;

// A relay client, a session over the data directory and the queue: nothing else of the core.
struct Core
{
    explicit Core(const QString &dataDir)
        : session(&relay, &credentials, dataDir), queue(&relay, &session, &messages)
    {
        RelayClient::Options options;
        options.minBackoffMs = 50;
        options.maxBackoffMs = 400;
        relay.setOptions(options);
    }

    RelayClient relay;
    MemoryCredentialStore credentials;
    MessageListModel messages;
    Session session;
    CommandQueue queue;
};

QJsonObject textFor(qint64 conversationId, const QString &text)
{
    return {{QStringLiteral("conversation_id"), conversationId}, {QStringLiteral("text"), text}};
}
} // namespace

class TestCommandQueue : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    // Opens the cache of an unreachable relay: the queue works offline.
    static bool openOffline(Core &core)
    {
        QSignalSpy loaded(&core.session, &Session::cacheLoaded);
        core.session.remember(QUrl(QStringLiteral("ws://127.0.0.1:9/agents")), Agent);
        return core.session.restore() && loaded.wait(5000);
    }

    bool signIn(Core &core)
    {
        QSignalSpy signedIn(&core.session, &Session::signedIn);
        core.session.signIn(m_loop->agentsUrl(), Agent, AgentPassword);
        return signedIn.wait(Timeout) && QTest::qWaitFor([&] { return core.relay.isOnline(); });
    }

private Q_SLOTS:
    void init() { m_dir.emplace(); }

    void cleanup()
    {
        stopLoopback();
        m_dir.reset();
    }

    void shouldNotQueueBeforeTheCacheIsOpen()
    {
        Core core(m_dir->path());
        QVERIFY(core.queue.issue(Protocol::Command::Resolve, 1, {}).isEmpty());
        QVERIFY(core.queue.pending().isEmpty());
    }

    void shouldShowATextQueuedOfflineInItsOpenChatOnly()
    {
        Core core(m_dir->path());
        QVERIFY(openOffline(core));
        core.messages.setConversation(5);
        QVERIFY(!core.queue
                     .issue(Protocol::Command::SendText, 5, textFor(5, QStringLiteral("Halo Kak")),
                            true)
                     .isEmpty());
        QVERIFY(!core.queue
                     .issue(Protocol::Command::SendText, 6,
                            textFor(6, QStringLiteral("Untuk chat lain")), true)
                     .isEmpty());
        QVERIFY(!core.queue.issue(Protocol::Command::Resolve, 5, {}).isEmpty());
        QCOMPARE(core.queue.pending().size(), 3);
        QVERIFY(core.queue.hasPendingFor(6));
        QVERIFY(!core.queue.hasPendingFor(7));
        QCOMPARE(core.messages.rowCount(), 1);
        const QModelIndex row = core.messages.index(0);
        QCOMPARE(row.data(MessageListModel::TextRole).toString(), QStringLiteral("Halo Kak"));
        QCOMPARE(row.data(MessageListModel::StatusRole).toString(),
                 QStringLiteral("queued-offline"));
        QVERIFY(row.data(MessageListModel::IdRole).toLongLong() < 0);
        QCOMPARE(core.queue.placeholders(6).size(), 1);
        QVERIFY2(core.queue.placeholders(7).isEmpty(), "only texts have placeholders");
    }

    void shouldRefuseATextTheRelayWouldRefuseAtOnceAndKeepNothing()
    {
        Core core(m_dir->path());
        QVERIFY(openOffline(core));
        core.messages.setConversation(5);
        QSignalSpy refused(&core.queue, &CommandQueue::refused);
        const QString tooLong(Protocol::ArgumentLimits::Text + 1, QLatin1Char('a'));
        const QString id =
            core.queue.issue(Protocol::Command::SendText, 5, textFor(5, tooLong), true);
        QVERIFY(!id.isEmpty());
        QVERIFY(refused.wait(1000));
        const auto command = refused.first().at(0).value<PendingCommand>();
        QCOMPARE(command.id, id);
        QCOMPARE(command.args.value(QLatin1String("text")).toString(), tooLong);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("invalid_argument"));
        QVERIFY(core.queue.pending().isEmpty());
        QCOMPARE(core.messages.rowCount(), 0);

        // Nothing of it is kept for the next start either.
        Core again(m_dir->path());
        QVERIFY(openOffline(again));
        QVERIFY(again.queue.pending().isEmpty());
    }

    void shouldKeepQueuedCommandsAcrossARestartWithTheirIds()
    {
        QStringList ids;
        {
            Core core(m_dir->path());
            QVERIFY(openOffline(core));
            ids << core.queue.issue(Protocol::Command::SendText, 5,
                                    textFor(5, QStringLiteral("Pertama")), true)
                << core.queue.issue(Protocol::Command::Resolve, 5, {});
        }
        Core again(m_dir->path());
        QVERIFY(openOffline(again));
        QStringList restored;
        for (const PendingCommand &command : again.queue.pending())
            restored << command.id;
        QCOMPARE(restored, ids);
        again.messages.setConversation(5);
        again.queue.refreshPlaceholders();
        QCOMPARE(again.messages.rowCount(), 1);
        const qint64 placeholder =
            again.messages.index(0).data(MessageListModel::IdRole).toLongLong();
        again.queue.issue(Protocol::Command::SendText, 5, textFor(5, QStringLiteral("Kedua")),
                          true);
        QCOMPARE(again.messages.rowCount(), 2);
        QVERIFY2(again.messages.index(1).data(MessageListModel::IdRole).toLongLong() < placeholder,
                 "a new placeholder never takes the id of a restored one");
    }

    void shouldSendACommandAgainAfterTheConnectionDroppedBeforeItsResult()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        Core core(m_dir->path());
        QVERIFY(signIn(core));
        QSignalSpy refused(&core.queue, &CommandQueue::refused);
        QSignalSpy succeeded(&core.queue, &CommandQueue::succeeded);

        // The relay goes before it could read the command: its result is lost, not refused.
        const QString id = core.queue.issue(Protocol::Command::Resolve, UnknownChat,
                                            {{QStringLiteral("conversation_id"), UnknownChat}});
        QVERIFY(!id.isEmpty());
        m_loop->stopRelay();
        QTRY_VERIFY_WITH_TIMEOUT(!core.relay.isOnline(), Timeout);
        QCOMPARE(core.queue.pending().size(), 1);
        QCOMPARE(refused.count(), 0);

        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, Timeout);
        const PendingCommand answered = refused.at(0).at(0).value<PendingCommand>();
        QCOMPARE(answered.id, id);
        QCOMPARE(refused.at(0).at(1).toString(), QStringLiteral("not_found"));
        QVERIFY(core.queue.pending().isEmpty());
        QTest::qWait(200);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(succeeded.count(), 0);
    }

    void shouldAnswerARequestToItsAskerOnlyAndSayWhenItWasLost()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        Core core(m_dir->path());
        QVERIFY(signIn(core));

        QList<RelayResult> first;
        QList<RelayResult> second;
        QVERIFY(core.relay.request(Protocol::Command::ListAgents, {}, this,
                                   [&](const RelayResult &r) { first.append(r); }));
        QVERIFY(core.relay.request(Protocol::Command::History,
                                   {{QStringLiteral("conversation_id"), UnknownChat}}, this,
                                   [&](const RelayResult &r) { second.append(r); }));
        QTRY_VERIFY_WITH_TIMEOUT(!first.isEmpty() && !second.isEmpty(), Timeout);
        QCOMPARE(first.size(), 1);
        QCOMPARE(second.size(), 1);
        QCOMPARE(first.constFirst().errorCode, QStringLiteral("forbidden")); // an agent asked
        QCOMPARE(second.constFirst().errorCode, QStringLiteral("not_found"));

        QList<RelayResult> lost;
        {
            QObject gone;
            QVERIFY(core.relay.request(Protocol::Command::ListCanned, {}, &gone,
                                       [&](const RelayResult &r) { lost.append(r); }));
        }
        QVERIFY(core.relay.request(Protocol::Command::ListCanned, {}, this,
                                   [&](const RelayResult &r) { lost.append(r); }));
        m_loop->stopRelay();
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, Timeout);
        QVERIFY(lost.constFirst().lost);
        QCOMPARE(lost.constFirst().errorCode, QStringLiteral("unreachable"));
        QVERIFY2(!core.relay.request(Protocol::Command::ListCanned, {}, this,
                                     [&](const RelayResult &r) { lost.append(r); }),
                 "nothing is sent offline");
        QTest::qWait(100);
        QCOMPARE(lost.size(), 1);
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCommandQueue)
#include "tst_commandqueue.moc"
