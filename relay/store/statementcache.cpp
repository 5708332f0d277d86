#include "statementcache.h"

#include "dialect.h"
#include "logging/relaylogging.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace Serambi::Relay {

namespace {

thread_local StatementCache *t_cache = nullptr;

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

sqlite3_stmt *prepareStatement(sqlite3 *handle, const QString &sql, QString *error)
{
    if (!handle) {
        *error = QStringLiteral("not an open SQLite connection");
        return nullptr;
    }
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return statement;
}

// The PostgreSQL form of each statement this thread ran (sqlFor's rewrites are regexes).
const QString &postgresSql(const QString &sql)
{
    thread_local QHash<QString, QString> translated;
    auto it = translated.constFind(sql);
    if (it == translated.constEnd())
        it = translated.insert(sql, sqlFor(Engine::Postgres, sql));
    return *it;
}

// Qt's driver writes a bool as TRUE/FALSE, which PostgreSQL refuses for the BIGINT columns that
// hold SQLite's 0/1.
QVariant postgresValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return QVariant(qint64(value.toBool()));
    return value;
}

} // namespace

StatementCache::StatementCache(const QSqlDatabase &db)
    : m_connectionName(db.connectionName()), m_handle(handleOf(db))
{}

StatementCache::~StatementCache()
{
    if (t_cache == this)
        t_cache = nullptr;
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
}

void StatementCache::install()
{
    t_cache = this;
}

void StatementCache::resetAll()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_reset(statement);
}

sqlite3_stmt *StatementCache::statement(const QString &sql, QString *error)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd()) {
        sqlite3_reset(*it);
        sqlite3_clear_bindings(*it);
        return *it;
    }
    sqlite3_stmt *statement = prepareStatement(m_handle, sql, error);
    if (statement)
        m_statements.insert(sql, statement);
    return statement;
}

PreparedQuery::PreparedQuery(QSqlDatabase &db, const QString &sql)
{
    if (engineOf(db) == Engine::Postgres) {
        m_db = &db;
        // Not forward-only: QPSQL then reads a result row by row and loses the rest when the
        // same connection runs another statement meanwhile, which the repositories do (a
        // conversation's labels while reading conversations). The whole result is read at exec.
        m_postgres = std::make_unique<QSqlQuery>(db);
        if (!m_postgres->prepare(postgresSql(sql))) {
            m_error = m_postgres->lastError().text();
            qCWarning(lcStore) << "cannot prepare statement:" << m_error;
        }
        return;
    }
    if (t_cache && t_cache->connectionName() == db.connectionName()) {
        m_handle = t_cache->handle();
        m_statement = t_cache->statement(sql, &m_error);
    } else {
        m_handle = handleOf(db);
        m_statement = prepareStatement(m_handle, sql, &m_error);
        m_owned = true;
    }
    if (!m_statement)
        qCWarning(lcStore) << "cannot prepare statement:" << m_error;
}

PreparedQuery::~PreparedQuery()
{
    if (m_owned)
        sqlite3_finalize(m_statement);
    else if (m_statement)
        sqlite3_reset(m_statement);
}

bool PreparedQuery::bind()
{
    sqlite3_clear_bindings(m_statement);
    for (int i = 0; i < m_bindings.size(); ++i) {
        const QVariant &value = m_bindings.at(i);
        const int index = i + 1;
        int rc = SQLITE_OK;
        switch (value.typeId()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(m_statement, index);
            break;
        case QMetaType::QString: {
            const QString text = value.toString();
            if (text.isNull()) {
                rc = sqlite3_bind_null(m_statement, index);
            } else {
                const QByteArray utf8 = text.toUtf8();
                rc = sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()),
                                       SQLITE_TRANSIENT);
            }
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()),
                                   SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_statement, index, value.toDouble());
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        default:
            if (value.isNull()) {
                rc = sqlite3_bind_null(m_statement, index);
            } else {
                const QByteArray utf8 = value.toString().toUtf8();
                rc = sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()),
                                       SQLITE_TRANSIENT);
            }
        }
        if (rc != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_handle));
            return false;
        }
    }
    return true;
}

bool PreparedQuery::exec()
{
    m_rowReady = false;
    if (m_postgres) {
        for (const QVariant &value : std::as_const(m_bindings))
            m_postgres->addBindValue(postgresValue(value));
        m_bindings.clear();
        if (!m_postgres->exec()) {
            m_error = m_postgres->lastError().text();
            return false;
        }
        m_changes = m_postgres->numRowsAffected();
        return true;
    }
    if (!m_statement)
        return false;
    sqlite3_reset(m_statement);
    const bool bound = bind();
    m_bindings.clear();
    if (!bound)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) {
        m_rowReady = true;
        return true;
    }
    if (rc == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_handle);
        return true;
    }
    m_error = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_reset(m_statement);
    return false;
}

bool PreparedQuery::next()
{
    if (m_postgres)
        return m_postgres->next();
    if (!m_statement)
        return false;
    if (m_rowReady) {
        m_rowReady = false;
        return true;
    }
    return sqlite3_step(m_statement) == SQLITE_ROW;
}

QVariant PreparedQuery::value(int column) const
{
    if (m_postgres) {
        const QVariant value = m_postgres->value(column);
        return value.isNull() ? QVariant() : value;
    }
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_TEXT:
        return QVariant(QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column)),
            sqlite3_column_bytes(m_statement, column)));
    case SQLITE_BLOB:
        return QVariant(
            QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
                       sqlite3_column_bytes(m_statement, column)));
    default:
        return QVariant();
    }
}

qint64 PreparedQuery::lastInsertId() const
{
    if (m_postgres) {
        // The identity sequence this session advanced last: the row just inserted.
        QSqlQuery last(*m_db);
        return last.exec(QStringLiteral("SELECT lastval()")) && last.next()
                   ? last.value(0).toLongLong()
                   : 0;
    }
    return sqlite3_last_insert_rowid(m_handle);
}

int PreparedQuery::numRowsAffected() const
{
    return m_changes;
}

void PreparedQuery::finish()
{
    m_rowReady = false;
    m_bindings.clear();
    if (m_postgres)
        m_postgres->finish();
    if (m_statement)
        sqlite3_reset(m_statement);
}

bool execQuery(PreparedQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << "statement failed:" << query.lastError();
    return false;
}

} // namespace Serambi::Relay
