// Revocation that bites (issue 11): `serambi-relay user ...` verbs run against the database
// the running hub uses, the console's logout, and session limits, each taking effect on live
// connections.
#include "support/relay/hubharness.h"

#include "config/relayconfig.h"
#include "service/useradmin.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;

QList<qint64> conversationIds(const QJsonObject &snapshot)
{
    QList<qint64> ids;
    for (const QJsonValue &conversation : snapshot.value(QLatin1String("conversations")).toArray())
        ids.append(conversation.toObject().value(QLatin1String("id")).toInteger());
    return ids;
}

} // namespace

class tst_Revocation : public QObject
{
    Q_OBJECT

private:
    RelayConfig config() const
    {
        RelayConfig relay;
        relay.dataDir = m_harness->dataDir();
        relay.pbkdf2Iterations = 1000;
        return relay;
    }

    // The console's closing error, after the hub has looked for changes.
    QString closedWith(ProtocolClient &console)
    {
        m_harness->hub()->pollUserChanges();
        const QJsonObject error = console.takeType(QStringLiteral("error"));
        if (!console.waitForDisconnected())
            return QStringLiteral("still connected");
        return errorCode(error);
    }

    QString token(ProtocolClient &console, const QString &username, const QString &password)
    {
        return console.login(m_harness->url(), username, password)
            .value(QLatin1String("token"))
            .toString();
    }

    std::unique_ptr<HubHarness> m_harness;
    QString m_output;
    QString m_errors;
    std::unique_ptr<QTextStream> m_out;
    std::unique_ptr<QTextStream> m_err;
    qint64 m_sariId = 0;
    qint64 m_rinaId = 0;

private Q_SLOTS:
    void init()
    {
        HubOptions options = fastHubOptions();
        options.authPollMs = 60 * 60 * 1000; // the tests poll themselves
        m_harness = std::make_unique<HubHarness>(options);
        QVERIFY(m_harness->start());
        m_sariId = m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                      QStringLiteral("kopi-tubruk"));
        m_rinaId = m_harness->addUser(QStringLiteral("rina"), QStringLiteral("supervisor"),
                                      QStringLiteral("teh-tarik"));
        m_output.clear();
        m_errors.clear();
        m_out = std::make_unique<QTextStream>(&m_output);
        m_err = std::make_unique<QTextStream>(&m_errors);
    }

    void cleanup() { m_harness.reset(); }

    void shouldCloseADisabledUsersConsolesAtOnceAndRefuseTheirToken()
    {
        ProtocolClient sari;
        const QString sariToken =
            token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(sari.subscribe(0)), QStringLiteral("snapshot"));
        QCOMPARE(setUserDisabled(config(), QStringLiteral("sari"), true, *m_out, *m_err), 0);
        QCOMPARE(closedWith(sari), QStringLiteral("account_disabled"));
        QCOMPARE(m_harness->hub()->connectedConsoles(), 0);

        ProtocolClient again;
        QCOMPARE(errorCode(again.loginWithToken(m_harness->url(), sariToken)),
                 QStringLiteral("auth_failed"));
        QCOMPARE(setUserDisabled(config(), QStringLiteral("sari"), false, *m_out, *m_err), 0);
        ProtocolClient enabled;
        QCOMPARE(frameType(enabled.login(m_harness->url(), QStringLiteral("sari"),
                                         QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
        QCOMPARE(m_errors, QString());
    }

    void shouldEndEverySessionOfARevokedUser()
    {
        ProtocolClient first;
        ProtocolClient second;
        const QString firstToken =
            token(first, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        token(second, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        ProtocolClient rina;
        token(rina, QStringLiteral("rina"), QStringLiteral("teh-tarik"));
        QCOMPARE(revokeUserSessions(config(), QStringLiteral("sari"), *m_out, *m_err), 0);
        QVERIFY(m_output.contains(QLatin1String("ended 2 session(s) of sari")));
        QCOMPARE(closedWith(first), QStringLiteral("session_revoked"));
        QCOMPARE(closedWith(second), QStringLiteral("session_revoked"));
        QVERIFY(rina.isConnected());
        ProtocolClient again;
        QCOMPARE(errorCode(again.loginWithToken(m_harness->url(), firstToken)),
                 QStringLiteral("auth_failed"));
    }

    void shouldEndSessionsWhenThePasswordChanges()
    {
        ProtocolClient sari;
        token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(setUserPassword(config(), QStringLiteral("sari"), QStringLiteral("wedang-jahe"),
                                 *m_out, *m_err),
                 0);
        QCOMPARE(closedWith(sari), QStringLiteral("session_revoked"));
        ProtocolClient old;
        QCOMPARE(errorCode(old.login(m_harness->url(), QStringLiteral("sari"),
                                     QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("auth_failed"));
        ProtocolClient fresh;
        QCOMPARE(frameType(fresh.login(m_harness->url(), QStringLiteral("sari"),
                                       QStringLiteral("wedang-jahe"))),
                 QStringLiteral("welcome"));
    }

    void shouldReevaluateVisibilityWhenTheRoleChanges()
    {
        const qint64 mine =
            m_harness->receiveInbound(QStringLiteral("6281400"), QStringLiteral("halo"));
        const qint64 queued =
            m_harness->receiveInbound(QStringLiteral("6281401"), QStringLiteral("permisi"));
        QVERIFY(m_harness->assignDirectly(mine, m_sariId));
        ProtocolClient rina;
        const QString rinaToken = token(rina, QStringLiteral("rina"), QStringLiteral("teh-tarik"));
        const QJsonObject before = rina.subscribe(0);
        QCOMPARE(conversationIds(before).size(), 2);
        const qint64 seen = before.value(QLatin1String("seq")).toInteger();

        QCOMPARE(
            setUserRole(config(), QStringLiteral("rina"), QStringLiteral("agent"), *m_out, *m_err),
            0);
        QCOMPARE(closedWith(rina), QStringLiteral("role_changed"));
        // Nothing of sari's chat reaches rina any more, and her resume is a fresh snapshot.
        m_harness->receiveInbound(QStringLiteral("6281400"), QStringLiteral("masih di sana?"));
        ProtocolClient back;
        const QJsonObject welcome = back.loginWithToken(m_harness->url(), rinaToken);
        QCOMPARE(welcome.value(QLatin1String("user")).toObject().value(QLatin1String("role")),
                 QJsonValue(QStringLiteral("agent")));
        const QJsonObject after = back.subscribe(seen);
        QCOMPARE(frameType(after), QStringLiteral("snapshot"));
        QCOMPARE(conversationIds(after), QList<qint64>{queued});
        QVERIFY(back.events(mine).isEmpty());
        QCOMPARE(
            setUserRole(config(), QStringLiteral("rina"), QStringLiteral("boss"), *m_out, *m_err),
            2);
    }

    void shouldLogOutThisSessionOnly()
    {
        ProtocolClient sari;
        const QString sariToken =
            token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        ProtocolClient other;
        token(other, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject result = sari.command(QStringLiteral("logout"), {});
        QVERIFY(result.value(QLatin1String("ok")).toBool());
        QCOMPARE(errorCode(sari.takeType(QStringLiteral("error"))), QStringLiteral("logged_out"));
        QVERIFY(sari.waitForDisconnected());
        QVERIFY(other.isConnected());
        ProtocolClient again;
        QCOMPARE(errorCode(again.loginWithToken(m_harness->url(), sariToken)),
                 QStringLiteral("auth_failed"));
    }

    void shouldExpireSessionsLeftUnusedAndSlideOnUse()
    {
        QString sariToken;
        {
            ProtocolClient sari;
            sariToken = token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        }
        QTRY_COMPARE(m_harness->hub()->connectedConsoles(), 0);
        // Used every ten days, the session lives to its absolute limit of 30 days.
        for (int day = 10; day <= 20; day += 10) {
            m_harness->clockMs += 10 * DayMs;
            ProtocolClient used;
            QCOMPARE(frameType(used.loginWithToken(m_harness->url(), sariToken)),
                     QStringLiteral("welcome"));
        }
        QTRY_COMPARE(m_harness->hub()->connectedConsoles(), 0);
        m_harness->clockMs += 11 * DayMs;
        ProtocolClient late;
        QCOMPARE(errorCode(late.loginWithToken(m_harness->url(), sariToken)),
                 QStringLiteral("auth_failed"));

        // Left unused for longer than 14 days, a session ends before its absolute limit.
        QString idleToken;
        {
            ProtocolClient rina;
            idleToken = token(rina, QStringLiteral("rina"), QStringLiteral("teh-tarik"));
        }
        QTRY_COMPARE(m_harness->hub()->connectedConsoles(), 0);
        m_harness->clockMs += 14 * DayMs + 1000;
        ProtocolClient idle;
        QCOMPARE(errorCode(idle.loginWithToken(m_harness->url(), idleToken)),
                 QStringLiteral("auth_failed"));
    }

    void shouldCloseALiveConnectionAtTheAbsoluteLimit()
    {
        ProtocolClient sari;
        token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        m_harness->hub()->pollUserChanges();
        QVERIFY(sari.isConnected());
        m_harness->clockMs += HubOptions().sessionTtlMs + 1;
        QCOMPARE(closedWith(sari), QStringLiteral("session_expired"));
    }

    void shouldApplyChangesOnItsOwnWithinAPoll()
    {
        m_harness.reset();
        HubOptions options = fastHubOptions();
        options.authPollMs = 50;
        m_harness = std::make_unique<HubHarness>(options);
        QVERIFY(m_harness->start());
        m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                           QStringLiteral("kopi-tubruk"));
        ProtocolClient sari;
        token(sari, QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(revokeUserSessions(config(), QStringLiteral("sari"), *m_out, *m_err), 0);
        QCOMPARE(errorCode(sari.takeType(QStringLiteral("error"), 2000)),
                 QStringLiteral("session_revoked"));
    }

    void shouldRefuseUnknownUsersAndOverlongNames()
    {
        QCOMPARE(revokeUserSessions(config(), QStringLiteral("nobody"), *m_out, *m_err), 1);
        QVERIFY(m_errors.contains(QLatin1String("there is no user named nobody")));
        QCOMPARE(addUser(config(), QString(65, QLatin1Char('n')), {}, QStringLiteral("agent"),
                         QStringLiteral("password"), *m_out, *m_err),
                 2);
        QCOMPARE(addUser(config(), QString(64, QLatin1Char('n')), {}, QStringLiteral("agent"),
                         QStringLiteral("password"), *m_out, *m_err),
                 0);
    }
};

QTEST_GUILESS_MAIN(tst_Revocation)
#include "tst_revocation.moc"
