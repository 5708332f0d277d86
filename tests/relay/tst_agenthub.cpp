#include "support/logcapture.h"
#include "support/relay/hubharness.h"

#include "protocol/version.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject hello(int version)
{
    return {
        {QLatin1String("type"), QLatin1String("hello")},
        {QLatin1String("v"), version},
        {QLatin1String("login"), QJsonObject{{QLatin1String("username"), QLatin1String("sari")},
                                             {QLatin1String("password"), QLatin1String("pw")}}}};
}

} // namespace

class tst_AgentHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        m_agentId = m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                       QStringLiteral("kopi-tubruk"));
        QVERIFY(m_agentId > 0);
    }

    void cleanup() { m_harness.reset(); }

    void shouldLogInWithPasswordAndReconnectWithTheToken()
    {
        QSignalSpy connected(m_harness->hub(), &AgentHub::consoleConnected);
        QSignalSpy disconnected(m_harness->hub(), &AgentHub::consoleDisconnected);
        auto console = std::make_unique<ProtocolClient>();
        const QJsonObject welcome =
            console->login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(welcome), QStringLiteral("welcome"));
        QCOMPARE(welcome.value(QLatin1String("v")).toInt(), Serambi::Protocol::Version);
        const QJsonObject user = welcome.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("id")).toInteger(), m_agentId);
        QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("sari"));
        QCOMPARE(user.value(QLatin1String("display_name")).toString(), QStringLiteral("SARI"));
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("agent"));
        QCOMPARE(welcome.value(QLatin1String("relay")).toObject().value(QLatin1String("version")),
                 QJsonValue(QLatin1String(SERAMBI_VERSION)));
        const QString token = welcome.value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(connected.count(), 1);
        QCOMPARE(m_harness->hub()->connectedConsoles(), 1);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM sessions")), 1);

        console.reset();
        QTRY_COMPARE(disconnected.count(), 1);
        QCOMPARE(m_harness->hub()->connectedConsoles(), 0);

        ProtocolClient again;
        const QJsonObject resumed = again.loginWithToken(m_harness->url(), token);
        QCOMPARE(frameType(resumed), QStringLiteral("welcome"));
        QVERIFY(!resumed.contains(QLatin1String("token")));
        QCOMPARE(
            resumed.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toInteger(),
            m_agentId);
    }

    void shouldRefuseWrongPasswordAndUnknownUserAlike()
    {
        ProtocolClient wrong;
        const QJsonObject refused =
            wrong.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("teh-manis"));
        QCOMPARE(errorCode(refused), QStringLiteral("auth_failed"));
        QVERIFY(wrong.waitForDisconnected());

        ProtocolClient unknown;
        const QJsonObject alsoRefused =
            unknown.login(m_harness->url(), QStringLiteral("nobody"), QStringLiteral("teh-manis"));
        QCOMPARE(alsoRefused, refused);
        QVERIFY(unknown.waitForDisconnected());
        QCOMPARE(m_harness->hub()->connectedConsoles(), 0);
    }

    void shouldRefuseUnknownAndExpiredTokens()
    {
        ProtocolClient forged;
        QCOMPARE(errorCode(forged.loginWithToken(m_harness->url(), QStringLiteral("forged"))),
                 QStringLiteral("auth_failed"));
        QVERIFY(forged.waitForDisconnected());

        ProtocolClient first;
        const QString token =
            first.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"))
                .value(QLatin1String("token"))
                .toString();
        QVERIFY(!token.isEmpty());
        m_harness->clockMs += HubOptions().sessionTtlMs + 1;
        ProtocolClient late;
        QCOMPARE(errorCode(late.loginWithToken(m_harness->url(), token)),
                 QStringLiteral("auth_failed"));
    }

    void shouldNeverLogPasswordsOrTokens()
    {
        LogCapture log;
        QString token;
        {
            ProtocolClient console;
            token =
                console
                    .login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"))
                    .value(QLatin1String("token"))
                    .toString();
            ProtocolClient wrong;
            wrong.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("salah-sandi"));
            ProtocolClient again;
            QCOMPARE(frameType(again.loginWithToken(m_harness->url(), token)),
                     QStringLiteral("welcome"));
            ProtocolClient forged;
            forged.loginWithToken(m_harness->url(), QStringLiteral("forged-token-value"));
        }
        log.stop();
        QVERIFY(!token.isEmpty());
        const QString text = log.text();
        QVERIFY2(text.contains(QLatin1String("sari")), "the hub logged nothing to check");
        QVERIFY(!text.contains(token));
        QVERIFY(!text.contains(QLatin1String("kopi-tubruk")));
        QVERIFY(!text.contains(QLatin1String("salah-sandi")));
        QVERIFY(!text.contains(QLatin1String("forged-token-value")));
    }

    void shouldThrottleAfterFiveFailedLogins()
    {
        for (int i = 0; i < 5; ++i) {
            ProtocolClient console;
            QCOMPARE(errorCode(console.login(m_harness->url(), QStringLiteral("sari"),
                                             QStringLiteral("guess-%1").arg(i))),
                     QStringLiteral("auth_failed"));
        }
        ProtocolClient throttled;
        const QJsonObject refused = throttled.login(m_harness->url(), QStringLiteral("SARI"),
                                                    QStringLiteral("kopi-tubruk"));
        QCOMPARE(errorCode(refused), QStringLiteral("auth_throttled"));
        QVERIFY(refused.value(QLatin1String("retry_after")).toInt() > 0);
        QVERIFY(throttled.waitForDisconnected());

        m_harness->clockMs += refused.value(QLatin1String("retry_after")).toInt() * 1000LL;
        ProtocolClient oneMoreGuess;
        QCOMPARE(errorCode(oneMoreGuess.login(m_harness->url(), QStringLiteral("sari"),
                                              QStringLiteral("guess-6"))),
                 QStringLiteral("auth_failed"));
        ProtocolClient backedOff;
        const QJsonObject longer = backedOff.login(m_harness->url(), QStringLiteral("sari"),
                                                   QStringLiteral("kopi-tubruk"));
        QCOMPARE(errorCode(longer), QStringLiteral("auth_throttled"));
        QVERIFY(longer.value(QLatin1String("retry_after")).toInt() >
                refused.value(QLatin1String("retry_after")).toInt());

        m_harness->clockMs += longer.value(QLatin1String("retry_after")).toInt() * 1000LL;
        ProtocolClient patient;
        QCOMPARE(frameType(patient.login(m_harness->url(), QStringLiteral("sari"),
                                         QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
    }

    void shouldRefuseAnUnsupportedVersion()
    {
        ProtocolClient console;
        QVERIFY(console.open(m_harness->url()));
        console.send(hello(Serambi::Protocol::Version + 1));
        QCOMPARE(errorCode(console.takeType(QStringLiteral("error"))),
                 QStringLiteral("unsupported_version"));
        QVERIFY(console.waitForDisconnected());
    }

    void shouldRefuseFramesBeforeHello()
    {
        ProtocolClient console;
        QVERIFY(console.open(m_harness->url()));
        console.send(
            {{QLatin1String("type"), QLatin1String("subscribe")}, {QLatin1String("since"), 0}});
        QCOMPARE(errorCode(console.takeType(QStringLiteral("error"))),
                 QStringLiteral("not_authenticated"));
        QVERIFY(console.waitForDisconnected());
    }

    void shouldAnswerMalformedFramesAndStayOpen()
    {
        ProtocolClient console;
        QCOMPARE(frameType(console.login(m_harness->url(), QStringLiteral("sari"),
                                         QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
        console.sendText(QStringLiteral("{not json"));
        QCOMPARE(errorCode(console.takeType(QStringLiteral("error"))), QStringLiteral("bad_frame"));
        QCOMPARE(frameType(console.subscribe(0)), QStringLiteral("snapshot"));
        QVERIFY(console.isConnected());
    }

    void shouldCloseOnATooLargeFrame()
    {
        ProtocolClient console;
        QCOMPARE(frameType(console.login(m_harness->url(), QStringLiteral("sari"),
                                         QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
        console.sendText(QString(Serambi::Protocol::MaxFrameBytes + 1, QLatin1Char('x')));
        QCOMPARE(errorCode(console.takeType(QStringLiteral("error"))),
                 QStringLiteral("frame_too_large"));
        QVERIFY(console.waitForDisconnected());
    }

    void shouldSendASnapshotWhenSubscribingFromZero()
    {
        const qint64 first =
            m_harness->receiveInbound(QStringLiteral("6281111"), QStringLiteral("Halo"));
        const qint64 second =
            m_harness->receiveInbound(QStringLiteral("6282222"), QStringLiteral("Hai"));
        ProtocolClient console;
        console.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject snapshot = console.subscribe(0);
        QCOMPARE(frameType(snapshot), QStringLiteral("snapshot"));
        QCOMPARE(snapshot.value(QLatin1String("seq")).toInteger(), 4);
        const QJsonArray conversations = snapshot.value(QLatin1String("conversations")).toArray();
        QCOMPARE(conversations.size(), 2);
        QList<qint64> ids;
        for (const QJsonValue &conversation : conversations)
            ids.append(conversation.toObject().value(QLatin1String("id")).toInteger());
        QVERIFY(ids.contains(first) && ids.contains(second));

        const qint64 third =
            m_harness->receiveInbound(QStringLiteral("6283333"), QStringLiteral("Pagi"));
        const QJsonObject live = console.takeType(QStringLiteral("event"));
        QCOMPARE(live.value(QLatin1String("seq")).toInteger(), 5);
        QCOMPARE(live.value(QLatin1String("kind")).toString(), QStringLiteral("message.created"));
        QCOMPARE(live.value(QLatin1String("conversation_id")).toInteger(), third);
        QCOMPARE(
            live.value(QLatin1String("data")).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Pagi"));
    }

    void shouldResumeWithExactlyTheLaterEvents()
    {
        for (int i = 0; i < 3; ++i)
            m_harness->receiveInbound(QStringLiteral("62800%1").arg(i), QStringLiteral("msg"));
        ProtocolClient console;
        console.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject subscribed = console.subscribe(2);
        QCOMPARE(frameType(subscribed), QStringLiteral("subscribed"));
        QCOMPARE(subscribed.value(QLatin1String("seq")).toInteger(), 6);
        QCOMPARE(console.eventSeqs(), (QList<qint64>{3, 4, 5, 6}));

        m_harness->receiveInbound(QStringLiteral("628009"), QStringLiteral("later"));
        QTRY_COMPARE(console.eventSeqs(), (QList<qint64>{3, 4, 5, 6, 7, 8}));
        // welcome, the four replayed events, subscribed, then the live ones
        QCOMPARE(console.frames().indexOf(subscribed), 5);
    }

    void shouldResumeAcrossARelayRestart()
    {
        m_harness->receiveInbound(QStringLiteral("6281"), QStringLiteral("one"));
        qint64 lastSeen = 0;
        {
            ProtocolClient console;
            console.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
            QCOMPARE(frameType(console.subscribe(0)), QStringLiteral("snapshot"));
            m_harness->receiveInbound(QStringLiteral("6281"), QStringLiteral("two"));
            QTRY_COMPARE(console.eventSeqs().size(), 2);
            lastSeen = console.eventSeqs().constLast();
        }
        QCOMPARE(lastSeen, 4);
        m_harness->stop();
        QVERIFY(m_harness->start());
        m_harness->receiveInbound(QStringLiteral("6281"), QStringLiteral("three"));

        ProtocolClient console;
        console.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject subscribed = console.subscribe(lastSeen);
        QCOMPARE(frameType(subscribed), QStringLiteral("subscribed"));
        QCOMPARE(console.eventSeqs(), (QList<qint64>{5, 6}));
        QCOMPARE(subscribed.value(QLatin1String("seq")).toInteger(), 6);
    }

    void shouldSendASnapshotWhenTooFarBehindOrAhead()
    {
        HubOptions options = fastHubOptions();
        options.replayRing = 3;
        m_harness = std::make_unique<HubHarness>(options);
        QVERIFY(m_harness->start());
        m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                           QStringLiteral("kopi-tubruk"));
        for (int i = 0; i < 3; ++i)
            m_harness->receiveInbound(QStringLiteral("62800%1").arg(i), QStringLiteral("msg"));

        ProtocolClient behind;
        behind.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject snapshot = behind.subscribe(2);
        QCOMPARE(frameType(snapshot), QStringLiteral("snapshot"));
        QCOMPARE(snapshot.value(QLatin1String("seq")).toInteger(), 6);
        QCOMPARE(snapshot.value(QLatin1String("conversations")).toArray().size(), 3);
        QVERIFY(behind.eventSeqs().isEmpty());

        ProtocolClient recent;
        recent.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(recent.subscribe(3)), QStringLiteral("subscribed"));
        QCOMPARE(recent.eventSeqs(), (QList<qint64>{4, 5, 6}));

        ProtocolClient ahead;
        ahead.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(ahead.subscribe(99)), QStringLiteral("snapshot"));
    }

    void shouldCountPublishedEvents()
    {
        const quint64 before = m_harness->hub()->eventsPublished();
        m_harness->receiveInbound(QStringLiteral("6281"), QStringLiteral("one"));
        QTRY_COMPARE(m_harness->hub()->eventsPublished(), before + 2);
    }

private:
    std::unique_ptr<HubHarness> m_harness;
    qint64 m_agentId = 0;
};

QTEST_GUILESS_MAIN(tst_AgentHub)
#include "tst_agenthub.moc"
