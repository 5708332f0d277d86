#include "systemdnotify.h"

#include "logging/relaylogging.h"

#include <QCoreApplication>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace Serambi::Relay {

SystemdNotify::SystemdNotify(const QProcessEnvironment &env, QObject *parent) : QObject(parent)
{
    const QByteArray path = env.value(QStringLiteral("NOTIFY_SOCKET")).toLocal8Bit();
    if (path.startsWith('/') || path.startsWith('@'))
        m_socketPath = path;
    bool ok = false;
    const qint64 watchdogUs = env.value(QStringLiteral("WATCHDOG_USEC")).toLongLong(&ok);
    const QString watchdogPid = env.value(QStringLiteral("WATCHDOG_PID"));
    const bool ours =
        watchdogPid.isEmpty() || watchdogPid.toLongLong() == QCoreApplication::applicationPid();
    if (ok && watchdogUs > 0 && ours && enabled())
        m_watchdogUs = watchdogUs;
    m_watchdog.setInterval(int(qMax<qint64>(1, m_watchdogUs / 2000)));
    connect(&m_watchdog, &QTimer::timeout, this, [this] { send(QByteArrayLiteral("WATCHDOG=1")); });
}

void SystemdNotify::ready(const QString &status)
{
    send(QByteArrayLiteral("READY=1\nSTATUS=") + status.toUtf8());
    if (m_watchdogUs > 0)
        m_watchdog.start();
}

void SystemdNotify::stopping()
{
    m_watchdog.stop();
    send(QByteArrayLiteral("STOPPING=1"));
}

bool SystemdNotify::send(const QByteArray &state) const
{
    if (!enabled())
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(m_socketPath.size()) >= sizeof(address.sun_path)) {
        qCWarning(lcService, "NOTIFY_SOCKET is longer than a socket path may be");
        return false;
    }
    std::memcpy(address.sun_path, m_socketPath.constData(), size_t(m_socketPath.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0';
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(m_socketPath.size()));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const ssize_t sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), length);
    ::close(fd);
    if (sent != state.size()) {
        qCWarning(lcService, "cannot notify systemd: %s", std::strerror(errno));
        return false;
    }
    return true;
}

} // namespace Serambi::Relay
