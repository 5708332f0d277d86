// The console when the relay ends its session (issue 11, revocation): signed out with the
// reason, shown in English and Indonesian; a role change reconnects; signing out logs the
// session out at the relay.
#include "app/relayclient.h"
#include "service/useradmin.h"
#include "support/console/consolefixture.h"
#include "ui/errortext.h"
#include "ui/languageswitcher.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;

class TestSessionEnd : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    // A signed-in client and its session token.
    QString signIn(RelayClient &client)
    {
        QSignalSpy welcomed(&client, &RelayClient::welcomed);
        client.signInWithPassword(m_loop->agentsUrl(), Agent, AgentPassword);
        if (!welcomed.wait(5000))
            return {};
        return welcomed.first().at(1).toString();
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
    }

    void cleanup() { stopLoopback(); }

    void shouldSignOutWithTheReasonWhenTheRelayRevokesTheSession()
    {
        RelayClient client;
        QVERIFY(!signIn(client).isEmpty());
        QSignalSpy refused(&client, &RelayClient::authenticationFailed);
        QString output;
        QTextStream out(&output);
        QTextStream err(&output);
        QCOMPARE(Relay::revokeUserSessions(m_loop->relayConfig(), Agent, out, err), 0);
        QVERIFY(refused.wait(5000));
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("session_revoked"));
        QCOMPARE(refused.first().at(2).toBool(), true);
        QCOMPARE(client.status().state, ConnectionState::SignedOut);
        QCOMPARE(client.status().lastErrorCode, QStringLiteral("session_revoked"));
    }

    void shouldReconnectWithTheNewRoleWhenItChanges()
    {
        RelayClient client;
        client.setOptions({100, 1000, 3, {}});
        QVERIFY(!signIn(client).isEmpty());
        QSignalSpy welcomed(&client, &RelayClient::welcomed);
        QString output;
        QTextStream out(&output);
        QCOMPARE(Relay::setUserRole(m_loop->relayConfig(), Agent, QStringLiteral("supervisor"), out,
                                    out),
                 0);
        QVERIFY(welcomed.wait(10000));
        QCOMPARE(welcomed.first().at(0).value<CurrentUser>().role, QStringLiteral("supervisor"));
        QCOMPARE(client.status().state, ConnectionState::Online);
    }

    void shouldLogTheSessionOutAtTheRelayOnSignOut()
    {
        RelayClient client;
        const QString token = signIn(client);
        QVERIFY(!token.isEmpty());
        client.signOut();
        RelayClient again;
        QSignalSpy refused(&again, &RelayClient::authenticationFailed);
        again.signInWithToken(m_loop->agentsUrl(), token);
        QVERIFY(refused.wait(5000));
        QCOMPARE(refused.first().at(0).toString(), QStringLiteral("auth_failed"));
    }

    void shouldExplainEveryEndOfASessionInEnglishAndIndonesian()
    {
        const QStringList codes{QStringLiteral("session_revoked"),
                                QStringLiteral("session_expired"),
                                QStringLiteral("account_disabled"), QStringLiteral("logged_out"),
                                QStringLiteral("role_changed")};
        const QString generic = Ui::ErrorText::forName(QStringLiteral("no_such_code"));
        QStringList english;
        for (const QString &code : codes) {
            const QString text = Ui::ErrorText::forName(code);
            QVERIFY2(text != generic, qPrintable(code));
            english.append(text);
        }
        QTranslator indonesian;
        QVERIFY(indonesian.load(QStringLiteral(":/i18n/serambi_id.qm")));
        QCoreApplication::installTranslator(&indonesian);
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const QString text = Ui::ErrorText::forName(codes.at(i));
            QVERIFY2(text != english.at(i), qPrintable(codes.at(i)));
        }
        QCOMPARE(Ui::ErrorText::forName(QStringLiteral("session_revoked")),
                 QStringLiteral("Administrator mengakhiri sesi Anda atau mengganti kata sandi "
                                "Anda. Silakan masuk lagi."));
        QCoreApplication::removeTranslator(&indonesian);
    }

    void shouldCountInWordsInEitherLanguage()
    {
        Ui::LanguageSwitcher language;
        language.apply(QStringLiteral("en"));
        QCOMPARE(Ui::ErrorText::forName(QStringLiteral("auth_throttled"), 1),
                 QStringLiteral("Too many failed sign-ins. Try again in 1 second."));
        QCOMPARE(Ui::ErrorText::forName(QStringLiteral("auth_throttled"), 30),
                 QStringLiteral("Too many failed sign-ins. Try again in 30 seconds."));
        language.apply(QStringLiteral("id"));
        QVERIFY(Ui::ErrorText::forName(QStringLiteral("auth_throttled"), 30)
                    .contains(QStringLiteral("30 detik")));
        language.apply(QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestSessionEnd)
#include "tst_sessionend.moc"
