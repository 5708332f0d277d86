// Session on its own: what is remembered between runs (once, in session.json: the last relay
// and user; the token in the keychain; the resume seq in the cache), signing in, restoring and
// signing out.
#include "app/localstore.h"
#include "app/memorycredentialstore.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "support/console/consolefixture.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;

namespace {
const QUrl Unreachable(QStringLiteral("ws://127.0.0.1:9/agents")); // nothing listens

struct Console
{
    Console(const QString &dataDir, CredentialStore *credentials)
        : session(&relay, credentials, dataDir)
    {}

    RelayClient relay;
    Session session;
};
} // namespace

class TestSession : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Console> newConsole()
    {
        return std::make_unique<Console>(m_dir->path(), &*m_credentials);
    }

    void startRelay()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_credentials.emplace();
    }

    void cleanup()
    {
        stopLoopback();
        m_dir.reset();
        m_credentials.reset();
    }

    void shouldNeedTheFormWithoutALastSession()
    {
        auto console = newConsole();
        QVERIFY(!console->session.restore());
        QVERIFY(console->session.lastRelayUrl().isEmpty());
        QVERIFY(console->session.lastUsername().isEmpty());
        QCOMPARE(console->session.connectionStatus().state, ConnectionState::SignedOut);
        QVERIFY(!console->session.store());
    }

    void shouldRememberWhatTheAgentTypedEvenWhenTheRelayCannotBeReached()
    {
        {
            auto console = newConsole();
            QSignalSpy failed(&console->session, &Session::signInFailed);
            console->session.signIn(Unreachable, Agent, AgentPassword);
            QVERIFY(failed.wait(Timeout));
            QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("unreachable"));
        }
        auto again = newConsole();
        QCOMPARE(again->session.lastRelayUrl(), Unreachable);
        QCOMPARE(again->session.lastUsername(), Agent);
        QVERIFY2(QDir(m_dir->path()).entryList({QStringLiteral("*.ini")}, QDir::Files).isEmpty(),
                 "remembered in one place");
        QVERIFY(QFile::exists(QDir(m_dir->path()).filePath(QStringLiteral("session.json"))));
    }

    void shouldShowTheCacheAndAskForThePasswordWithoutAToken()
    {
        auto console = newConsole();
        console->session.remember(Unreachable, Agent);
        QSignalSpy loaded(&console->session, &Session::cacheLoaded);
        QSignalSpy passwordRequired(&console->session, &Session::passwordRequired);
        QVERIFY(console->session.restore());
        QCOMPARE(console->session.connectionStatus().state, ConnectionState::Connecting);
        QVERIFY(passwordRequired.wait(Timeout));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(console->session.store());
        QCOMPARE(console->session.connectionStatus().state, ConnectionState::SignedOut);
    }

    void shouldSignInAgainWithTheTokenAndResumeAfterTheLastSeq()
    {
        startRelay();
        qint64 lastSeq = 0;
        {
            auto console = newConsole();
            QSignalSpy signedIn(&console->session, &Session::signedIn);
            console->session.signIn(m_loop->agentsUrl(), Agent, AgentPassword);
            QVERIFY(signedIn.wait(Timeout));
            QCOMPARE(console->session.currentUser().displayName, QStringLiteral("Ayu Lestari"));
            QCOMPARE(console->session.lastUsername(), Agent);
            QTRY_VERIFY_WITH_TIMEOUT(console->relay.isOnline(), Timeout);
            QVERIFY(!m_loop
                         ->customerWrites(QStringLiteral("6281234567001"),
                                          QStringLiteral("Halo, saya mau tanya"))
                         .isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(console->relay.lastSeq() > 0, Timeout);
            lastSeq = console->relay.lastSeq();
        }
        auto again = newConsole();
        QSignalSpy loaded(&again->session, &Session::cacheLoaded);
        QSignalSpy signedIn(&again->session, &Session::signedIn);
        QVERIFY(again->session.restore());
        QVERIFY(loaded.wait(Timeout));
        QCOMPARE(loaded.at(0).at(0).value<CachedState>().lastSeq, lastSeq);
        QCOMPARE(loaded.at(0).at(0).value<CachedState>().user.displayName,
                 QStringLiteral("Ayu Lestari"));
        QVERIFY2(signedIn.wait(Timeout), "the token from the keychain, no password");
    }

    void shouldForgetTheTokenOnSignOut()
    {
        startRelay();
        auto console = newConsole();
        QSignalSpy signedIn(&console->session, &Session::signedIn);
        console->session.signIn(m_loop->agentsUrl(), Agent, AgentPassword);
        QVERIFY(signedIn.wait(Timeout));
        QSignalSpy signedOut(&console->session, &Session::signedOut);
        console->session.signOut();
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(console->session.currentUser().username.isEmpty());
        QVERIFY(!console->session.store());
        QCOMPARE(console->session.connectionStatus().state, ConnectionState::SignedOut);
        QCOMPARE(console->session.lastUsername(), Agent);

        QSignalSpy passwordRequired(&console->session, &Session::passwordRequired);
        QVERIFY(console->session.restore());
        QVERIFY(passwordRequired.wait(Timeout));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<MemoryCredentialStore> m_credentials; // the keychain: outlives a console
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
