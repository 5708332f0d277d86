#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

namespace Serambi::Relay {

// systemd's notify protocol without libsystemd: one datagram per state change to the
// AF_UNIX socket named by NOTIFY_SOCKET ("@name" is in the abstract namespace). Tells the
// service manager the relay is ready or stopping, and while it runs sends WATCHDOG=1 at half
// of WATCHDOG_USEC when systemd asked for a watchdog (and WATCHDOG_PID, if set, is ours).
// Without NOTIFY_SOCKET every call does nothing.
class SystemdNotify final : public QObject
{
public:
    explicit SystemdNotify(const QProcessEnvironment &env, QObject *parent = nullptr);

    bool enabled() const { return !m_socketPath.isEmpty(); }
    // The watchdog interval systemd asked for, 0 when none.
    qint64 watchdogIntervalUs() const { return m_watchdogUs; }

    // READY=1 with a status line, and starts the watchdog pings.
    void ready(const QString &status);
    void stopping();
    // Sends one datagram; false when there is no socket or sending failed.
    bool send(const QByteArray &state) const;

private:
    QByteArray m_socketPath;
    qint64 m_watchdogUs = 0;
    QTimer m_watchdog;
};

} // namespace Serambi::Relay
