#pragma once

#include "event.h"
#include "statementcache.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <utility>

namespace Serambi::Relay {

// What a write job gets: the writer thread's connection inside an open transaction, the
// clock, and the event log. Events appended here reach consoles only after the commit.
class WriteTxn
{
public:
    WriteTxn(QSqlDatabase &db, qint64 nowMs);

    QSqlDatabase &db() { return m_db; }
    qint64 now() const { return m_now; }

    // A statement prepared on this connection (reused from the writer's StatementCache).
    PreparedQuery prepare(const QString &sql) { return PreparedQuery(m_db, sql); }

    // Stores an event and returns it with its seq.
    Event appendEvent(EventKind kind, qint64 conversationId, qint64 assigneeId,
                      const QString &state, const QJsonObject &data);

    EventList takeEvents();
    // Drops the events appended since mark (the job's savepoint was rolled back).
    void truncateEvents(qsizetype mark);
    qsizetype eventCount() const { return m_events.size(); }

    // Set when a statement of the current job failed; the writer then rolls the job back.
    void markFailed() { m_failed = true; }
    bool takeFailed() { return std::exchange(m_failed, false); }

private:
    QSqlDatabase &m_db;
    qint64 m_now;
    EventList m_events;
    bool m_failed = false;
};

} // namespace Serambi::Relay
