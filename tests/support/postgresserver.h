#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Serambi::Test {

// A throwaway PostgreSQL cluster: initdb in a temporary directory and a postmaster on a free
// 127.0.0.1 port, trusting local connections, stopped (and its files removed) when this goes.
// initdb refuses root, so as root the cluster belongs to "nobody" and both programs run through
// runuser. Needs Debian's postgresql-15 (scripts/install-deps.sh).
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Where initdb and pg_ctl are; empty when PostgreSQL is not installed.
    static QString binDir();

    // initdb + pg_ctl start; false with *error on failure.
    bool start(QString *error);
    void stop();

    // Creates an empty database; false with *error on failure.
    bool createDatabase(const QString &name, QString *error);
    // postgresql://serambi@127.0.0.1:<port>/<database>
    QString url(const QString &database) const;
    quint16 port() const { return m_port; }

private:
    bool run(const QString &program, const QStringList &arguments, QString *error) const;

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace Serambi::Test
