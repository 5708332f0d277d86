#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace Serambi::Test {

namespace {

const QString SuperUser = QStringLiteral("serambi");

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PostgresServer::PostgresServer() : m_dir(QDir::tempPath() + QStringLiteral("/serambi-pg-XXXXXX")) {}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::binDir()
{
    const QString dir = QStringLiteral("/usr/lib/postgresql/15/bin");
    return QFileInfo::exists(dir + QStringLiteral("/initdb")) ? dir : QString();
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, QString *error) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // runuser keeps the working directory, which nobody may not be allowed to enter.
    process.setWorkingDirectory(m_dir.path());
    const QString path = binDir() + QLatin1Char('/') + program;
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("nobody"),
                                  QStringLiteral("--"), path} +
                          arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") +
                 QString::fromLocal8Bit(process.readAll()).trimmed() + process.errorString();
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (binDir().isEmpty()) {
        *error = QStringLiteral("PostgreSQL 15 is not installed (scripts/install-deps.sh)");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (runningAsRoot()) {
        const QByteArray dir = QFile::encodeName(m_dir.path());
        if (::chown(dir.constData(), 65534, 65534) != 0) {
            *error = QStringLiteral("cannot give %1 to nobody").arg(m_dir.path());
            return false;
        }
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), SuperUser, QStringLiteral("-A"),
              QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
             error))
        return false;
    // Another process may take the probed port before the postmaster does: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                           "-c synchronous_commit=off -c full_page_writes=off")
                .arg(m_port)
                .arg(m_dir.path());
        if (run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                 m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                 QStringLiteral("start")},
                error)) {
            m_running = true;
            return true;
        }
    }
    return false;
}

void PostgresServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString error;
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
              QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
             &error))
        qWarning("PostgreSQL did not stop: %s", qPrintable(error));
}

bool PostgresServer::createDatabase(const QString &name, QString *error)
{
    QProcess psql;
    psql.setProcessChannelMode(QProcess::MergedChannels);
    psql.start(binDir() + QStringLiteral("/psql"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port), QStringLiteral("-U"), SuperUser, QStringLiteral("-d"),
                QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-c"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)});
    if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
        *error = QStringLiteral("CREATE DATABASE %1 failed: %2")
                     .arg(name, QString::fromLocal8Bit(psql.readAll()).trimmed());
        return false;
    }
    return true;
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
        .arg(SuperUser)
        .arg(m_port)
        .arg(database);
}

} // namespace Serambi::Test
