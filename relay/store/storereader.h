#pragma once

#include "database.h"
#include "event.h"

#include <QSqlDatabase>

#include <memory>

namespace Serambi::Relay {

class StatementCache;

// A read connection for the thread that creates it (the relay's main thread). WAL lets it
// read while the writer commits. Its prepared statements are kept for reuse on that thread
// (the draft coordinator and the hub read on every customer message).
class StoreReader
{
public:
    explicit StoreReader(const QString &path);
    ~StoreReader();
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    bool open(QString *error = nullptr);
    QSqlDatabase &db() { return m_db; }

    // Events with seq > after, oldest first, at most limit.
    EventList eventsAfter(qint64 after, int limit);
    qint64 lastSeq();

private:
    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<StatementCache> m_statements;
};

} // namespace Serambi::Relay
