// systemd's notify protocol, received on a real AF_UNIX datagram socket as systemd would: from
// SystemdNotify directly and from a real serambi-relay process (ready, watchdog, stopping).
#include "service/systemdnotify.h"

#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Serambi::Relay;

namespace {

constexpr int TimeoutMs = 20000;

// The service manager's end: a datagram socket bound to a path (or an abstract name).
class NotifyListener
{
public:
    explicit NotifyListener(const QByteArray &name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), length) == 0;
        m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] {
            char buffer[4096];
            ssize_t size;
            while ((size = ::recv(m_fd, buffer, sizeof(buffer), 0)) > 0)
                m_messages.append(QByteArray(buffer, int(size)));
        });
    }
    ~NotifyListener()
    {
        m_notifier.reset();
        ::close(m_fd);
    }

    bool bound() const { return m_bound; }
    const QList<QByteArray> &messages() const { return m_messages; }

private:
    int m_fd = -1;
    bool m_bound = false;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<QByteArray> m_messages;
};

QProcessEnvironment notifyEnvironment(const QString &socket, const QString &watchdogUs)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("NOTIFY_SOCKET"), socket);
    if (!watchdogUs.isEmpty())
        env.insert(QStringLiteral("WATCHDOG_USEC"), watchdogUs);
    return env;
}

} // namespace

class TestSystemdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyAndWatchdogReachTheSocket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notify"));
        NotifyListener listener(path.toLocal8Bit());
        QVERIFY(listener.bound());

        SystemdNotify notify(notifyEnvironment(path, QStringLiteral("40000")));
        QVERIFY(notify.enabled());
        QCOMPARE(notify.watchdogIntervalUs(), 40000);
        notify.ready(QStringLiteral("listening on http://127.0.0.1:8090"));
        QTRY_VERIFY_WITH_TIMEOUT(listener.messages().size() >= 3, TimeoutMs);
        QCOMPARE(listener.messages().first(),
                 QByteArray("READY=1\nSTATUS=listening on http://127.0.0.1:8090"));
        QCOMPARE(listener.messages().at(1), QByteArray("WATCHDOG=1"));

        notify.stopping();
        QTRY_COMPARE_WITH_TIMEOUT(listener.messages().last(), QByteArray("STOPPING=1"), TimeoutMs);
    }

    void abstractSocketNamesWork()
    {
        const QByteArray name =
            "@serambi-notify-" + QByteArray::number(QCoreApplication::applicationPid());
        NotifyListener listener(name);
        QVERIFY(listener.bound());
        SystemdNotify notify(notifyEnvironment(QString::fromLatin1(name), {}));
        QVERIFY(notify.send("READY=1"));
        QTRY_COMPARE_WITH_TIMEOUT(listener.messages().value(0), QByteArray("READY=1"), TimeoutMs);
    }

    void withoutASocketNothingIsSent()
    {
        SystemdNotify notify{QProcessEnvironment()};
        QVERIFY(!notify.enabled());
        QVERIFY(!notify.send("READY=1"));
        QCOMPARE(notify.watchdogIntervalUs(), 0);
    }

    void badSettingsAreIgnored_data()
    {
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QString>("watchdogUs");
        QTest::addColumn<QString>("watchdogPid");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("relative socket path") << "notify"
                                              << "30000000"
                                              << "" << false;
        QTest::newRow("watchdog not a number") << "/run/notify"
                                               << "soon"
                                               << "" << true;
        QTest::newRow("watchdog zero") << "/run/notify"
                                       << "0"
                                       << "" << true;
        QTest::newRow("watchdog for another process") << "/run/notify"
                                                      << "30000000"
                                                      << "1" << true;
    }

    void badSettingsAreIgnored()
    {
        QFETCH(QString, socket);
        QFETCH(QString, watchdogUs);
        QFETCH(QString, watchdogPid);
        QFETCH(bool, enabled);
        QProcessEnvironment env = notifyEnvironment(socket, watchdogUs);
        if (!watchdogPid.isEmpty())
            env.insert(QStringLiteral("WATCHDOG_PID"), watchdogPid);
        SystemdNotify notify(env);
        QCOMPARE(notify.enabled(), enabled);
        QCOMPARE(notify.watchdogIntervalUs(), 0);
    }

    void sendingToAMissingSocketFails()
    {
        QTemporaryDir dir;
        SystemdNotify notify(notifyEnvironment(dir.filePath(QStringLiteral("gone")), {}));
        QVERIFY(notify.enabled());
        QVERIFY(!notify.send("READY=1"));
    }

    void theRelayNotifiesWhenListeningAndWhenStopping()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notify"));
        NotifyListener listener(path.toLocal8Bit());
        QVERIFY(listener.bound());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), path);
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("200000"));
        env.insert(QStringLiteral("SERAMBI_LISTEN"), QStringLiteral("127.0.0.1:0"));
        env.insert(QStringLiteral("SERAMBI_DATA_DIR"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QStringLiteral("notify-secret"));
        env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("notify-verify"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("notify-graph"));
        env.insert(QStringLiteral("SERAMBI_GRAPH_URL"), QStringLiteral("http://127.0.0.1:9/v25.0"));
        env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), QStringLiteral("1234567890"));
        QProcess relay;
        relay.setProcessEnvironment(env);
        relay.start(QStringLiteral(SERAMBI_RELAY_BINARY), {});
        QVERIFY(relay.waitForStarted(TimeoutMs));

        QTRY_VERIFY_WITH_TIMEOUT(listener.messages().size() >= 2, TimeoutMs);
        QVERIFY(listener.messages().first().startsWith("READY=1\nSTATUS=listening on http://"));
        QCOMPARE(listener.messages().at(1), QByteArray("WATCHDOG=1"));

        relay.terminate();
        QVERIFY(relay.waitForFinished(TimeoutMs));
        QCOMPARE(relay.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(listener.messages().last(), QByteArray("STOPPING=1"), TimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestSystemdNotify)
#include "tst_systemdnotify.moc"
