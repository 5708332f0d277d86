// The agents' hub against an attacker on the open internet (issue 11): login throttling that
// slows guessing but not the team, frame and buffer bounds, argument shapes, smuggled media
// keys, a replay ring bounded by bytes.
#include "support/logcapture.h"
#include "support/relay/hubharness.h"

#include "config/clientaddress.h"
#include "protocol/commandargs.h"
#include "protocol/frame.h"
#include "protocol/version.h"
#include "store/mediarepo.h"
#include "store/outbound.h"
#include "store/writetxn.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject passwordHello(const QString &username, const QString &password)
{
    return {{QLatin1String("type"), QLatin1String("hello")},
            {QLatin1String("v"), Serambi::Protocol::Version},
            {QLatin1String("login"), QJsonObject{{QLatin1String("username"), username},
                                                 {QLatin1String("password"), password}}}};
}

bool isLoginAnswer(const QJsonObject &frame)
{
    return frameType(frame) == QLatin1String("welcome") ||
           frameType(frame) == QLatin1String("error");
}

// A masked client text frame (RFC 6455 §5.2).
QByteArray clientFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    const qsizetype size = payload.size();
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char((size >> 8) & 0xff));
        frame.append(char(size & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(size) >> shift) & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

HubOptions behindProxy()
{
    HubOptions options = fastHubOptions();
    options.trustedProxies = {{QHostAddress(QStringLiteral("127.0.0.1")), 32}};
    return options;
}

} // namespace

class tst_HubHardening : public QObject
{
    Q_OBJECT

private:
    void startHub(HubOptions options)
    {
        m_harness = std::make_unique<HubHarness>(std::move(options));
        QVERIFY(m_harness->start());
        m_sariId = m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                      QStringLiteral("kopi-tubruk"));
        m_budiId = m_harness->addUser(QStringLiteral("budi"), QStringLiteral("agent"),
                                      QStringLiteral("es-cendol"));
        m_rinaId = m_harness->addUser(QStringLiteral("rina"), QStringLiteral("supervisor"),
                                      QStringLiteral("teh-tarik"));
        QVERIFY(m_sariId > 0 && m_budiId > 0 && m_rinaId > 0);
    }

    // Sends one hello per console at once, then collects the answers.
    QStringList loginAtOnce(std::vector<std::unique_ptr<ProtocolClient>> &consoles,
                            const std::function<QJsonObject(int)> &hello)
    {
        for (auto &console : consoles) {
            if (!console->open(m_harness->url()))
                return {};
        }
        for (size_t i = 0; i < consoles.size(); ++i)
            consoles[i]->send(hello(int(i)));
        QStringList answers;
        for (auto &console : consoles) {
            const QJsonObject answer = console->take(isLoginAnswer, 20000);
            answers.append(frameType(answer) == QLatin1String("welcome") ? QStringLiteral("welcome")
                                                                         : errorCode(answer));
        }
        return answers;
    }

    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sariId = 0;
    qint64 m_budiId = 0;
    qint64 m_rinaId = 0;

private Q_SLOTS:
    void cleanup() { m_harness.reset(); }

    // Authentication

    void shouldCheckNoMoreGuessesSentAtOnceThanTheLimit()
    {
        HubOptions options = fastHubOptions();
        options.pbkdf2Iterations = 60000; // unknown users cost a real derivation
        startHub(options);
        std::vector<std::unique_ptr<ProtocolClient>> consoles;
        for (int i = 0; i < 40; ++i)
            consoles.push_back(std::make_unique<ProtocolClient>());
        const QStringList answers = loginAtOnce(consoles, [](int i) {
            return passwordHello(QStringLiteral("nobody"), QStringLiteral("guess-%1").arg(i));
        });
        QCOMPARE(answers.size(), 40);
        QVERIFY2(answers.count(QStringLiteral("auth_failed")) <= HubOptions().maxFailedLogins,
                 qPrintable(answers.join(QLatin1Char(' '))));
        QCOMPARE(answers.count(QStringLiteral("auth_failed")) +
                     answers.count(QStringLiteral("auth_throttled")),
                 40);
    }

    void shouldNotMakeACorrectLoginWaitBehindAFloodOfGuesses()
    {
        HubOptions options = behindProxy();
        options.pbkdf2Iterations = 100000; // ~0.1 s a check: 150 queued ones would take seconds
        startHub(options);
        std::vector<std::unique_ptr<ProtocolClient>> flood;
        // 60 guesses of ~0.1 s each on two threads: queued all, they would take three seconds.
        for (int i = 0; i < 60; ++i) {
            flood.push_back(std::make_unique<ProtocolClient>());
            flood.back()->setForwardedFor("203.0.113.7");
            QVERIFY(flood.back()->open(m_harness->url()));
        }
        for (int i = 0; i < 60; ++i)
            flood[size_t(i)]->send(
                passwordHello(QStringLiteral("guess%1").arg(i), QStringLiteral("password")));
        QElapsedTimer timer;
        timer.start();
        ProtocolClient sari;
        sari.setForwardedFor("198.51.100.4");
        const QJsonObject welcome =
            sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(welcome), QStringLiteral("welcome"));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void shouldThrottleTheGuesserNotTheTeamBehindATrustedProxy()
    {
        startHub(behindProxy());
        for (int i = 0; i < 6; ++i) {
            ProtocolClient attacker;
            attacker.setForwardedFor("10.9.8.7, 203.0.113.7");
            attacker.login(m_harness->url(), QStringLiteral("sari"),
                           QStringLiteral("guess-%1").arg(i));
        }
        ProtocolClient attacker;
        attacker.setForwardedFor("203.0.113.7");
        QCOMPARE(errorCode(attacker.login(m_harness->url(), QStringLiteral("sari"),
                                          QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("auth_throttled"));

        ProtocolClient sari;
        sari.setForwardedFor("198.51.100.4");
        QCOMPARE(frameType(sari.login(m_harness->url(), QStringLiteral("sari"),
                                      QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
    }

    void shouldIgnoreForwardedForFromAnUntrustedPeer()
    {
        startHub(fastHubOptions());
        for (int i = 0; i < 5; ++i) {
            ProtocolClient attacker;
            attacker.setForwardedFor(QByteArray::number(i) + ".1.2.3");
            QCOMPARE(errorCode(attacker.login(m_harness->url(), QStringLiteral("sari"),
                                              QStringLiteral("guess-%1").arg(i))),
                     QStringLiteral("auth_failed"));
        }
        ProtocolClient rotated;
        rotated.setForwardedFor("198.51.100.99");
        QCOMPARE(errorCode(rotated.login(m_harness->url(), QStringLiteral("sari"),
                                         QStringLiteral("guess-5"))),
                 QStringLiteral("auth_throttled"));
    }

    void shouldNotLetOthersFailuresBlockAValidTokenOrAUserWhoHasNotFailed()
    {
        // No trusted proxy configured: every console shares the proxy's address.
        startHub(fastHubOptions());
        QString token;
        {
            ProtocolClient sari;
            token =
                sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"))
                    .value(QLatin1String("token"))
                    .toString();
            QVERIFY(!token.isEmpty());
            ProtocolClient rina;
            QCOMPARE(frameType(rina.login(m_harness->url(), QStringLiteral("rina"),
                                          QStringLiteral("teh-tarik"))),
                     QStringLiteral("welcome"));
        }
        for (int i = 0; i < 12; ++i) {
            ProtocolClient sprayer;
            sprayer.login(m_harness->url(), QStringLiteral("user%1").arg(i),
                          QStringLiteral("password"));
            ProtocolClient forger;
            forger.loginWithToken(m_harness->url(), QStringLiteral("forged-%1").arg(i));
        }
        ProtocolClient sprayed;
        QCOMPARE(errorCode(sprayed.login(m_harness->url(), QStringLiteral("user99"),
                                         QStringLiteral("password"))),
                 QStringLiteral("auth_throttled"));

        ProtocolClient withToken;
        QCOMPARE(frameType(withToken.loginWithToken(m_harness->url(), token)),
                 QStringLiteral("welcome"));
        ProtocolClient rina;
        QCOMPARE(frameType(rina.login(m_harness->url(), QStringLiteral("rina"),
                                      QStringLiteral("teh-tarik"))),
                 QStringLiteral("welcome"));
    }

    void shouldRefuseAnOverlongUsernameBeforeAnyBookkeeping()
    {
        startHub(fastHubOptions());
        LogCapture log;
        const QString longName(10000, QLatin1Char('x'));
        for (int i = 0; i < 8; ++i) {
            ProtocolClient console;
            const QJsonObject refused =
                console.login(m_harness->url(), longName, QStringLiteral("password"));
            QCOMPARE(errorCode(refused), QStringLiteral("bad_frame"));
        }
        ProtocolClient tooLong;
        QCOMPARE(errorCode(tooLong.login(m_harness->url(), QString(65, QLatin1Char('y')),
                                         QStringLiteral("password"))),
                 QStringLiteral("bad_frame"));
        log.stop();
        for (const QString &line : log.lines())
            QVERIFY2(!line.contains(QString(40, QLatin1Char('x'))), qPrintable(line.left(200)));

        // Nothing was counted against the address.
        ProtocolClient sari;
        QCOMPARE(frameType(sari.login(m_harness->url(), QStringLiteral("sari"),
                                      QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
    }

    void shouldTakeTheClientFromTheRightOfForwardedFor()
    {
        const TrustedProxies proxies{{QHostAddress(QStringLiteral("127.0.0.1")), 32},
                                     {QHostAddress(QStringLiteral("10.0.0.0")), 8}};
        const QHostAddress proxy(QStringLiteral("127.0.0.1"));
        QCOMPARE(clientAddress(proxy, "1.1.1.1, 203.0.113.7, 10.1.2.3", proxies),
                 QStringLiteral("203.0.113.7"));
        QCOMPARE(clientAddress(proxy, "", proxies), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientAddress(proxy, "garbage, 10.0.0.5", proxies), QStringLiteral("10.0.0.5"));
        QCOMPARE(clientAddress(QHostAddress(QStringLiteral("192.0.2.1")), "203.0.113.7", proxies),
                 QStringLiteral("192.0.2.1"));
        QCOMPARE(
            clientAddress(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), "2001:db8::1", proxies),
            QStringLiteral("2001:db8::1"));
        TrustedProxies parsed;
        QString bad;
        QVERIFY(parseTrustedProxies(QStringLiteral("127.0.0.1, 10.0.0.0/8, ::1"), &parsed, &bad));
        QCOMPARE(parsed.size(), 3);
        QVERIFY(!parseTrustedProxies(QStringLiteral("127.0.0.1, proxy.example"), &parsed, &bad));
        QCOMPARE(bad, QStringLiteral("proxy.example"));
    }

    // Memory and resource bounds

    void shouldCutALargeFrameBeforeHello()
    {
        startHub(fastHubOptions());
        ProtocolClient stranger;
        QVERIFY(stranger.open(m_harness->url()));
        stranger.sendText(QString(64 * 1024, QLatin1Char('a')));
        QVERIFY(stranger.waitForDisconnected());
        QCOMPARE(stranger.closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
        QVERIFY(stranger.frames().isEmpty());

        // Logged in, the same frame is read and answered.
        ProtocolClient sari;
        QCOMPARE(frameType(sari.login(m_harness->url(), QStringLiteral("sari"),
                                      QStringLiteral("kopi-tubruk"))),
                 QStringLiteral("welcome"));
        const QJsonObject result = sari.command(
            QStringLiteral("send_text"),
            {{QLatin1String("conversation_id"), 1}, {QLatin1String("text"), QString(60000, u'a')}});
        QCOMPARE(errorCode(result), QStringLiteral("invalid_argument"));
        QVERIFY(sari.isConnected());
    }

    void shouldRefuseASecondSubscribe()
    {
        startHub(fastHubOptions());
        ProtocolClient sari;
        sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(sari.subscribe(0)), QStringLiteral("snapshot"));
        sari.send(
            {{QLatin1String("type"), QLatin1String("subscribe")}, {QLatin1String("since"), 0}});
        QCOMPARE(errorCode(sari.takeType(QStringLiteral("error"))), QStringLiteral("bad_frame"));
        QCOMPARE(std::count_if(sari.frames().cbegin(), sari.frames().cend(),
                               [](const QJsonObject &f) {
                                   return frameType(f) == QLatin1String("snapshot");
                               }),
                 1);
    }

    void shouldDropAConsoleThatStopsReading()
    {
        HubOptions options = fastHubOptions();
        options.maxOutgoingBytes = 256 * 1024;
        startHub(options);
        QTcpSocket socket;
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_harness->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /agents HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return socket.peek(4096).contains("\r\n\r\n"); }, 5000));
        QVERIFY(socket.peek(4096).startsWith("HTTP/1.1 101"));
        socket.setReadBufferSize(1); // from now on the console reads nothing
        socket.write(clientFrame(Serambi::Protocol::encodeFrame(
            passwordHello(QStringLiteral("sari"), QStringLiteral("kopi-tubruk")))));
        QTRY_COMPARE(m_harness->hub()->connectedConsoles(), 1);
        socket.write(clientFrame(R"({"type":"subscribe","since":0})"));
        socket.flush();
        QTest::qWait(100);
        const QString text(30000, QLatin1Char('z'));
        for (int i = 0; i < 200 && m_harness->hub()->connectedConsoles() > 0; ++i)
            m_harness->receiveInbound(QStringLiteral("62811%1").arg(i % 5), text);
        QTRY_COMPARE(m_harness->hub()->connectedConsoles(), 0);
    }

    void shouldBoundTheReplayRingByBytesAcrossARestart()
    {
        HubOptions options = fastHubOptions();
        options.replayRingBytes = 512 * 1024;
        startHub(options);
        for (int i = 0; i < 20; ++i)
            m_harness->receiveInbound(QStringLiteral("6281100"),
                                      QString(50000, QLatin1Char('a' + i % 26)));
        m_harness->stop();
        QVERIFY(m_harness->start());
        ProtocolClient sari;
        sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(sari.subscribe(1)), QStringLiteral("snapshot"));
        ProtocolClient recent;
        recent.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        QCOMPARE(frameType(recent.subscribe(38)), QStringLiteral("subscribed"));
        QCOMPARE(recent.eventSeqs(), (QList<qint64>{39, 40}));
    }

    // Field sizes and shapes

    void shouldRefuseOverlongAndMisshapenArguments()
    {
        startHub(fastHubOptions());
        const qint64 conversation =
            m_harness->receiveInbound(QStringLiteral("6281200"), QStringLiteral("halo"));
        ProtocolClient sari;
        sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const int messages = m_harness->count(QStringLiteral("SELECT COUNT(*) FROM messages"));
        const QJsonObject hugeReply =
            sari.command(QStringLiteral("send_text"),
                         {{QLatin1String("conversation_id"), conversation},
                          {QLatin1String("text"), QStringLiteral("baik kak")},
                          {QLatin1String("reply_to"), QString(900 * 1024, QLatin1Char('w'))}});
        QCOMPARE(errorCode(hugeReply), QStringLiteral("invalid_argument"));
        QCOMPARE(hugeReply.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
                 QJsonValue(QStringLiteral("reply_to: at most 128 characters")));
        QCOMPARE(errorCode(sari.command(QStringLiteral("send_text"),
                                        {{QLatin1String("conversation_id"), conversation},
                                         {QLatin1String("text"), QStringLiteral("x")},
                                         {QLatin1String("reply_to"), QStringLiteral("<script>")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(sari.command(QStringLiteral("send_text"),
                                        {{QLatin1String("conversation_id"), conversation},
                                         {QLatin1String("text"), QStringLiteral("x")},
                                         {QLatin1String("extra"), QString(1000, u'e')}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(sari.command(
                     QStringLiteral("send_media"),
                     {{QLatin1String("conversation_id"), conversation},
                      {QLatin1String("media"), QString(64, u'a')},
                      {QLatin1String("filename"), QStringLiteral("../../etc/passwd")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM messages")), messages);
        // Well-formed arguments still pass.
        QVERIFY(sari.command(QStringLiteral("send_text"),
                             {{QLatin1String("conversation_id"), conversation},
                              {QLatin1String("text"), QStringLiteral("baik kak")},
                              {QLatin1String("reply_to"), QStringLiteral("wamid.test.1")}})
                    .value(QLatin1String("ok"))
                    .toBool());
    }

    void shouldRefuseFieldsMetaDoesNotDefineAndSmuggledMediaKeys()
    {
        startHub(fastHubOptions());
        const qint64 conversation =
            m_harness->receiveInbound(QStringLiteral("6281300"), QStringLiteral("halo"));
        // A supervisor's private upload.
        const QString privateKey = QString(64, u'c');
        QVERIFY(m_harness
                    ->run([&](WriteTxn &txn) {
                        MediaFile file;
                        file.key = privateKey;
                        file.mimeType = QStringLiteral("application/pdf");
                        file.size = 10;
                        file.filename = QStringLiteral("gaji.pdf");
                        return MediaRepo::insertFile(txn, file, m_rinaId)
                                   ? WriteResult::success()
                                   : WriteResult::failure(QStringLiteral("insert"));
                    })
                    .ok);
        const QJsonObject interactive{
            {QLatin1String("type"), QLatin1String("button")},
            {QLatin1String("key"), privateKey},
            {QLatin1String("body"), QJsonObject{{QLatin1String("text"), QLatin1String("Pilih")}}},
            {QLatin1String("action"),
             QJsonObject{{QLatin1String("buttons"),
                          QJsonArray{QJsonObject{
                              {QLatin1String("type"), QLatin1String("reply")},
                              {QLatin1String("reply"),
                               QJsonObject{{QLatin1String("id"), QLatin1String("a")},
                                           {QLatin1String("title"), QLatin1String("A")}}}}}}}}};
        ProtocolClient sari;
        sari.login(m_harness->url(), QStringLiteral("sari"), QStringLiteral("kopi-tubruk"));
        const QJsonObject smuggled = sari.command(QStringLiteral("send_interactive"),
                                                  {{QLatin1String("conversation_id"), conversation},
                                                   {QLatin1String("interactive"), interactive}});
        QCOMPARE(errorCode(smuggled), QStringLiteral("invalid_argument"));
        QCOMPARE(smuggled.value(QLatin1String("error")).toObject().value(QLatin1String("message")),
                 QJsonValue(QStringLiteral("interactive.key: unknown field")));
        QJsonObject deeper = interactive;
        deeper.remove(QLatin1String("key"));
        QJsonObject body = deeper.value(QLatin1String("body")).toObject();
        body.insert(QLatin1String("image"), QJsonObject{{QLatin1String("key"), privateKey}});
        deeper.insert(QLatin1String("body"), body);
        QCOMPARE(errorCode(sari.command(QStringLiteral("send_interactive"),
                                        {{QLatin1String("conversation_id"), conversation},
                                         {QLatin1String("interactive"), deeper}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);

        // The outbox takes a key only from a media message or a template's header.
        const QJsonObject request{{QLatin1String("type"), QLatin1String("interactive")},
                                  {QLatin1String("interactive"), interactive}};
        QVERIFY(outboundMediaKey(request).isEmpty());
        QCOMPARE(withMetaMediaId(request, QStringLiteral("123")), request);
        const QJsonObject currency{
            {QLatin1String("type"), QLatin1String("template")},
            {QLatin1String("template"),
             QJsonObject{{QLatin1String("components"),
                          QJsonArray{QJsonObject{
                              {QLatin1String("type"), QLatin1String("body")},
                              {QLatin1String("parameters"),
                               QJsonArray{QJsonObject{
                                   {QLatin1String("type"), QLatin1String("currency")},
                                   {QLatin1String("currency"),
                                    QJsonObject{{QLatin1String("key"), privateKey}}}}}}}}}}}};
        QVERIFY(outboundMediaKey(currency).isEmpty());
        QCOMPARE(Protocol::checkCommandArguments(
                     Protocol::Command::SendTemplate,
                     {{QLatin1String("conversation_id"), conversation},
                      {QLatin1String("name"), QLatin1String("promo")},
                      {QLatin1String("language"), QLatin1String("id")},
                      {QLatin1String("parameters"),
                       QJsonObject{{QLatin1String("body"),
                                    QJsonArray{QJsonObject{
                                        {QLatin1String("type"), QLatin1String("currency")},
                                        {QLatin1String("currency"),
                                         QJsonObject{{QLatin1String("key"), privateKey}}}}}}}}}),
                 std::optional<QString>(
                     QStringLiteral("parameters.body[0].currency.key: unknown field")));
    }
};

QTEST_GUILESS_MAIN(tst_HubHardening)
#include "tst_hubhardening.moc"
