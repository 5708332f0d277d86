// Presence on its own against a real relay: the console is online once signed in, goes away by
// itself after the idle time and comes back at the next input, stays away when set so by hand,
// and follows what a supervisor sets; the supervisor's console sees every change as it happens.
#include "app/memorycredentialstore.h"
#include "app/presence.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "support/console/consolefixture.h"
#include "support/protocolclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;

using State = Protocol::Presence;

namespace {

struct Core
{
    explicit Core(const QString &dataDir) : session(&relay, &credentials, dataDir), presence(&relay)
    {}

    RelayClient relay;
    MemoryCredentialStore credentials;
    Session session;
    App::Presence presence;
};

// What the supervisor's console was told about Ayu, in order.
QStringList changesOfAyu(const ProtocolClient &supervisor)
{
    QStringList seen;
    for (const QJsonObject &event : supervisor.events(0)) {
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        if (event.value(QLatin1String("kind")).toString() == QLatin1String("presence.changed") &&
            data.value(QLatin1String("username")).toString() == Agent)
            seen.append(data.value(QLatin1String("presence")).toString());
    }
    return seen;
}

} // namespace

class TestPresence : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<Core> m_core;
    std::unique_ptr<ProtocolClient> m_supervisor;

    bool signIn()
    {
        // presence.changed is live only: wait until the console is subscribed.
        QSignalSpy subscribed(&m_core->relay, &RelayClient::snapshotReceived);
        m_core->session.signIn(m_loop->agentsUrl(), Agent, AgentPassword);
        return subscribed.wait(Timeout) &&
               QTest::qWaitFor([this] { return m_core->presence.mine() == State::Online; });
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        m_supervisor = std::make_unique<ProtocolClient>();
        QVERIFY(m_supervisor->signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword));
        QVERIFY(!m_supervisor->subscribe(0).isEmpty());
        m_core = std::make_unique<Core>(m_dir->path());
        QCOMPARE(m_core->presence.mine(), State::Offline);
    }

    void cleanup()
    {
        m_core.reset();
        m_supervisor.reset();
        stopLoopback();
        m_dir.reset();
    }

    void shouldGoAwayWhenIdleAndComeBackAtTheNextInput()
    {
        m_core->presence.setIdleTimeoutMs(300);
        QVERIFY(signIn());
        QTRY_COMPARE_WITH_TIMEOUT(m_core->presence.mine(), State::Away, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(changesOfAyu(*m_supervisor),
                                  (QStringList{QStringLiteral("online"), QStringLiteral("away")}),
                                  Timeout);
        m_core->presence.noteInput();
        QTRY_COMPARE_WITH_TIMEOUT(m_core->presence.mine(), State::Online, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(changesOfAyu(*m_supervisor).size(), 3, Timeout);
    }

    void shouldStayAwayWhenSetByHandUntilSetOnline()
    {
        m_core->presence.setIdleTimeoutMs(0);
        QVERIFY(signIn());
        QVERIFY(m_core->presence.request(State::Away));
        QTRY_COMPARE_WITH_TIMEOUT(m_core->presence.mine(), State::Away, Timeout);
        m_core->presence.noteInput();
        QTest::qWait(300);
        QCOMPARE(m_core->presence.mine(), State::Away);
        QVERIFY(!m_core->presence.request(State::Away)); // already
        QVERIFY(m_core->presence.request(State::Online));
        QTRY_COMPARE_WITH_TIMEOUT(m_core->presence.mine(), State::Online, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(changesOfAyu(*m_supervisor),
                                  (QStringList{QStringLiteral("online"), QStringLiteral("away"),
                                               QStringLiteral("online")}),
                                  Timeout);
    }

    void shouldFollowWhatASupervisorSets()
    {
        m_core->presence.setIdleTimeoutMs(0);
        QVERIFY(signIn());
        QSignalSpy changed(&m_core->presence, &App::Presence::mineChanged);
        const QJsonObject result = m_supervisor->command(
            QStringLiteral("set_presence"), {{QStringLiteral("presence"), QStringLiteral("away")},
                                             {QStringLiteral("username"), Agent}});
        QVERIFY(result.value(QLatin1String("ok")).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(m_core->presence.mine(), State::Away, Timeout);
        QCOMPARE(changed.size(), 1);
        // Signed out, the console is offline and the supervisor is told.
        m_core.reset();
        QTRY_COMPARE_WITH_TIMEOUT(changesOfAyu(*m_supervisor).constLast(),
                                  QStringLiteral("offline"), Timeout);
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
