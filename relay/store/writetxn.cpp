#include "writetxn.h"

#include "logging/relaylogging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace Serambi::Relay {

WriteTxn::WriteTxn(QSqlDatabase &db, qint64 nowMs) : m_db(db), m_now(nowMs) {}

Event WriteTxn::appendEvent(EventKind kind, qint64 conversationId, qint64 assigneeId,
                            const QString &state, const QJsonObject &data)
{
    Event event;
    event.kind = kind;
    event.conversationId = conversationId;
    event.assigneeId = assigneeId;
    event.state = state;
    event.data = data;
    event.createdAt = m_now;
    PreparedQuery query = prepare(QStringLiteral(
        "INSERT INTO events (kind, conversation_id, assignee_id, state, data, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(QString(Protocol::eventKindName(kind)));
    query.addBindValue(conversationId ? QVariant(conversationId) : QVariant());
    query.addBindValue(assigneeId ? QVariant(assigneeId) : QVariant());
    // A null QString binds as NULL; events without a conversation (canned.updated,
    // templates.updated) have no state and the column is NOT NULL DEFAULT ''.
    query.addBindValue(state.isNull() ? QStringLiteral("") : state);
    query.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    query.addBindValue(m_now);
    if (execQuery(query))
        event.seq = query.lastInsertId();
    else
        markFailed();
    m_events.append(event);
    return event;
}

EventList WriteTxn::takeEvents()
{
    return std::exchange(m_events, {});
}

void WriteTxn::truncateEvents(qsizetype mark)
{
    m_events.resize(mark);
}

} // namespace Serambi::Relay
