#include "relayprocess.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace Serambi::Bench {

namespace {
constexpr int StartTimeoutMs = 20000;
constexpr int StopTimeoutMs = 15000;
} // namespace

RelayProcess::RelayProcess(Options options) : m_options(std::move(options))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Appended, so a restarted relay's log follows the killed one's.
    m_process.setStandardErrorFile(logPath(), QIODevice::Append);
    // A benchmark killed by a timeout takes its relay with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

RelayProcess::~RelayProcess()
{
    stop();
}

QString RelayProcess::logPath() const
{
    return m_options.dataDir + QStringLiteral("/relay.log");
}

QProcessEnvironment RelayProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SERAMBI_LISTEN"), m_options.listen);
    env.insert(QStringLiteral("SERAMBI_DATA_DIR"), m_options.dataDir);
    env.insert(QStringLiteral("SERAMBI_APP_SECRET"), QString::fromUtf8(m_options.appSecret));
    env.insert(QStringLiteral("SERAMBI_VERIFY_TOKEN"), QStringLiteral("bench-verify-token"));
    env.insert(QStringLiteral("SERAMBI_GRAPH_TOKEN"), QStringLiteral("bench-graph-token"));
    // By default nothing listens there: the benchmark sends no outbound messages.
    env.insert(QStringLiteral("SERAMBI_GRAPH_URL"), m_options.graphUrl.isEmpty()
                                                        ? QStringLiteral("http://127.0.0.1:9/v25.0")
                                                        : m_options.graphUrl);
    env.insert(QStringLiteral("SERAMBI_PHONE_NUMBER_ID"), m_options.phoneNumberId);
    env.insert(QStringLiteral("SERAMBI_DB_SYNC"), m_options.dbSync);
    env.insert(QStringLiteral("SERAMBI_PBKDF2_ITERATIONS"), QStringLiteral("1000"));
    if (!m_options.aiMode.isEmpty())
        env.insert(QStringLiteral("SERAMBI_AI_MODE"), m_options.aiMode);
    for (auto it = m_options.environment.begin(); it != m_options.environment.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

bool RelayProcess::addUser(const QString &username, const QString &role, const QString &password,
                           QString *error)
{
    QProcess verb;
    verb.setProcessEnvironment(environment());
    verb.setProcessChannelMode(QProcess::MergedChannels);
    verb.start(m_options.binary, {QStringLiteral("user"), QStringLiteral("add"), username,
                                  QStringLiteral("--role"), role});
    if (!verb.waitForStarted(StartTimeoutMs)) {
        *error = QStringLiteral("cannot run %1: %2").arg(m_options.binary, verb.errorString());
        return false;
    }
    verb.write(password.toUtf8() + '\n');
    verb.closeWriteChannel();
    if (!verb.waitForFinished(StartTimeoutMs) || verb.exitStatus() != QProcess::NormalExit ||
        verb.exitCode() != 0) {
        *error =
            QStringLiteral("user add failed: %1").arg(QString::fromUtf8(verb.readAll()).trimmed());
        return false;
    }
    return true;
}

bool RelayProcess::start(QString *error)
{
    m_process.setProcessEnvironment(environment());
    m_process.start(m_options.binary, {});
    if (!m_process.waitForStarted(StartTimeoutMs)) {
        *error = QStringLiteral("cannot run %1: %2").arg(m_options.binary, m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://\\S+:(\\d+)"));
    QByteArray output;
    while (m_process.waitForReadyRead(StartTimeoutMs)) {
        output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    *error = QStringLiteral("the relay did not start; see %1").arg(logPath());
    return false;
}

void RelayProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
}

void RelayProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(StopTimeoutMs);
}

QHash<qint64, ThreadCpu> sampleThreadCpu(qint64 pid)
{
    QHash<qint64, ThreadCpu> threads;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList tids = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        QFile stat(taskDir + QLatin1Char('/') + tid + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "tid (name) state ..." where the name may hold spaces: split after the last ')'.
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        // utime and stime are fields 14 and 15 of stat, here 11 and 12 after "state".
        if (fields.size() < 13)
            continue;
        threads.insert(tid.toLongLong(), {QString::fromUtf8(line.mid(open + 1, close - open - 1)),
                                          fields[11].toLongLong() + fields[12].toLongLong()});
    }
    return threads;
}

QList<ThreadUse> threadUse(const QHash<qint64, ThreadCpu> &before,
                           const QHash<qint64, ThreadCpu> &after, qint64 elapsedNs)
{
    const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    QList<ThreadUse> use;
    for (auto it = after.begin(); it != after.end(); ++it) {
        const qint64 ticks = it->ticks - before.value(it.key()).ticks;
        if (ticks <= 0 || elapsedNs <= 0)
            continue;
        use.append({it->name, 100.0 * double(ticks) / ticksPerSecond / (double(elapsedNs) / 1e9)});
    }
    std::sort(use.begin(), use.end(),
              [](const ThreadUse &a, const ThreadUse &b) { return a.percent > b.percent; });
    return use;
}

} // namespace Serambi::Bench
