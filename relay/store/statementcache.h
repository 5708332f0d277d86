#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace Serambi::Relay {

// Prepared statements of one connection, kept for reuse: Qt's SQLite driver compiles the SQL
// text on every prepare(), which cost the writer more than running the statements did
// (docs/performance.md). Install it on the connection's own thread; prepareQuery() then
// reuses its statements for that connection.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Makes this the calling thread's cache (one per thread).
    void install();
    // Resets every statement so none holds the database open (call before COMMIT).
    void resetAll();

    // The statement for sql, reset and ready for new bound values.
    QSqlQuery &prepare(const QString &sql);
    QString connectionName() const { return m_db.connectionName(); }

private:
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

// A prepared, forward-only query: the cached statement when the connection has a
// StatementCache on this thread, else one of its own. Forwards what the repositories use.
class PreparedQuery
{
public:
    PreparedQuery(QSqlDatabase &db, const QString &sql);

    QSqlQuery &query() { return *m_query; }
    operator QSqlQuery &() { return *m_query; }
    operator const QSqlQuery &() const { return *m_query; }
    void addBindValue(const QVariant &value) { m_query->addBindValue(value); }
    bool exec() { return m_query->exec(); }
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    QVariant lastInsertId() const { return m_query->lastInsertId(); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QSqlError lastError() const { return m_query->lastError(); }
    void finish() { m_query->finish(); }

private:
    std::unique_ptr<QSqlQuery> m_owned;
    QSqlQuery *m_query;
};

} // namespace Serambi::Relay
