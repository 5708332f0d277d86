#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>

namespace Serambi::Bench {

// A serambi-relay child process on a fresh data directory and a port the kernel picks.
class RelayProcess
{
public:
    struct Options
    {
        QString binary;
        QString dataDir;
        QByteArray appSecret;
        QString phoneNumberId;
        QString dbSync = QStringLiteral("full");
        QString aiMode; // empty: the relay's default
        QString listen = QStringLiteral("127.0.0.1:0");
        QString graphUrl; // empty: an address where nothing listens (no outbound messages)
        QHash<QString, QString> environment; // further SERAMBI_* settings
    };

    explicit RelayProcess(Options options);
    ~RelayProcess();

    // Runs `serambi-relay user add NAME --role ROLE` with the password on stdin.
    bool addUser(const QString &username, const QString &role, const QString &password,
                 QString *error);
    // Starts the relay and waits for the "listening on" line that names its port.
    bool start(QString *error);
    // SIGTERM, so queued writes commit, then waits.
    void stop();
    // SIGKILL, as a crash or an OOM kill would end it, then waits.
    void kill();

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString logPath() const;

private:
    QProcessEnvironment environment() const;

    Options m_options;
    QProcess m_process;
    quint16 m_port = 0;
};

// CPU time used by each thread of a process so far, from /proc (clock ticks).
struct ThreadCpu
{
    QString name;
    qint64 ticks = 0;
};
QHash<qint64, ThreadCpu> sampleThreadCpu(qint64 pid);

// Per-thread CPU use between two samples, as percent of one core, busiest first.
struct ThreadUse
{
    QString name;
    double percent = 0;
};
QList<ThreadUse> threadUse(const QHash<qint64, ThreadCpu> &before,
                           const QHash<qint64, ThreadCpu> &after, qint64 elapsedNs);

} // namespace Serambi::Bench
