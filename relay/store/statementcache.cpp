#include "statementcache.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace Serambi::Relay {

namespace {
thread_local StatementCache *t_cache = nullptr;

void prepareOrWarn(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcStore) << "cannot prepare statement:" << query.lastError().text();
}
} // namespace

StatementCache::StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}

StatementCache::~StatementCache()
{
    if (t_cache == this)
        t_cache = nullptr;
}

void StatementCache::install()
{
    t_cache = this;
}

void StatementCache::resetAll()
{
    for (const auto &query : std::as_const(m_queries))
        query->finish();
}

QSqlQuery &StatementCache::prepare(const QString &sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        prepareOrWarn(*query, sql);
        it = m_queries.insert(sql, std::move(query));
    }
    (*it)->finish();
    return **it;
}

PreparedQuery::PreparedQuery(QSqlDatabase &db, const QString &sql)
{
    if (t_cache && t_cache->connectionName() == db.connectionName()) {
        m_query = &t_cache->prepare(sql);
        return;
    }
    m_owned = std::make_unique<QSqlQuery>(db);
    prepareOrWarn(*m_owned, sql);
    m_query = m_owned.get();
}

} // namespace Serambi::Relay
