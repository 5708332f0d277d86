#include "storereader.h"

#include "statementcache.h"
#include "writetxn.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

StoreReader::StoreReader(const QString &path)
    : m_path(path), m_connection(QStringLiteral("serambi-reader-%1").arg(quintptr(this), 0, 16))
{}

StoreReader::~StoreReader()
{
    m_statements.reset(); // finalizes the statements before the connection closes
    m_db = QSqlDatabase();
    closeDatabase(m_connection);
}

bool StoreReader::open(QString *error)
{
    m_db = openDatabase(m_path, m_connection, SyncMode::Normal, error);
    if (!m_db.isOpen())
        return false;
    m_statements = std::make_unique<StatementCache>(m_db);
    m_statements->install();
    return true;
}

EventList StoreReader::eventsAfter(qint64 after, int limit)
{
    EventList events;
    PreparedQuery q(m_db,
                    QStringLiteral("SELECT seq, kind, conversation_id, assignee_id, state, data, "
                                   "created_at FROM events WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.addBindValue(after);
    q.addBindValue(limit);
    if (!execQuery(q))
        return events;
    while (q.next()) {
        const auto kind = Protocol::eventKindFromName(q.value(1).toString());
        if (!kind)
            continue; // written by a newer relay; this one cannot describe it
        Event e;
        e.seq = q.value(0).toLongLong();
        e.kind = *kind;
        e.conversationId = q.value(2).toLongLong();
        e.assigneeId = q.value(3).toLongLong();
        e.state = q.value(4).toString();
        e.data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        e.createdAt = q.value(6).toLongLong();
        events.append(e);
    }
    return events;
}

qint64 StoreReader::lastSeq()
{
    PreparedQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace Serambi::Relay
