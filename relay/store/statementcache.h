#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <memory>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace Serambi::Relay {

// Prepared statements of one connection, kept for reuse. The relay's hot path talks to SQLite
// through its C API on the connection Qt opened: Qt's driver recompiles SQL on every prepare()
// and allocates a record per row, which cost the writer more than SQLite itself
// (docs/performance.md). Install the cache on the connection's own thread; PreparedQuery then
// reuses its statements for that connection.
class StatementCache
{
public:
    explicit StatementCache(const QSqlDatabase &db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Makes this the calling thread's cache (one per thread).
    void install();
    // Resets every statement so none holds the database open (call before COMMIT).
    void resetAll();

    // The statement for sql, reset; nullptr (with *error) when SQLite refuses the SQL.
    sqlite3_stmt *statement(const QString &sql, QString *error);
    QString connectionName() const { return m_connectionName; }
    sqlite3 *handle() const { return m_handle; }

private:
    QString m_connectionName;
    sqlite3 *m_handle;
    QHash<QString, sqlite3_stmt *> m_statements;
};

// One prepared statement with the part of QSqlQuery's interface the repositories use:
// positional addBindValue, exec, next, value. A null QString or an invalid QVariant binds NULL.
// Uses the thread's StatementCache for its connection when there is one, else prepares (and
// finalizes) its own statement. On PostgreSQL it is a QSqlQuery of Qt's driver, its SQL turned
// into PostgreSQL's by sqlFor (dialect.h).
class PreparedQuery
{
public:
    PreparedQuery(QSqlDatabase &db, const QString &sql);
    ~PreparedQuery();
    PreparedQuery(const PreparedQuery &) = delete;
    PreparedQuery &operator=(const PreparedQuery &) = delete;

    void addBindValue(const QVariant &value) { m_bindings.append(value); }
    bool exec();
    bool next();
    QVariant value(int column) const;
    qint64 lastInsertId() const;
    int numRowsAffected() const;
    QString lastError() const { return m_error; }
    // Resets the statement; bound values are forgotten.
    void finish();

private:
    bool bind();

    QSqlDatabase *m_db = nullptr;
    std::unique_ptr<QSqlQuery> m_postgres;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_owned = false;
    QVarLengthArray<QVariant, 16> m_bindings;
    QString m_error;
    int m_changes = 0;
    bool m_rowReady = false; // exec() stepped onto a first row that next() has not returned
};

// Runs a prepared query; logs and returns false on failure.
bool execQuery(PreparedQuery &query);

} // namespace Serambi::Relay
