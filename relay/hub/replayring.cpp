#include "replayring.h"

#include "protocol/frame.h"
#include "store/statementcache.h"
#include "store/storereader.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Serambi::Relay {

namespace {

// Each conversation's assignee as its last conversation.updated at or before seq showed it.
bool assigneesAt(QSqlDatabase &db, qint64 seq, QHash<qint64, qint64> *assignees, QString *error)
{
    PreparedQuery q(
        db,
        QStringLiteral(
            "SELECT e.conversation_id, e.assignee_id FROM events e JOIN (SELECT MAX(seq) AS seq "
            "FROM events WHERE seq <= ? AND conversation_id IS NOT NULL AND kind = ? GROUP BY "
            "conversation_id) latest ON latest.seq = e.seq"));
    q.addBindValue(seq);
    q.addBindValue(QLatin1String(EventKind::ConversationUpdated));
    if (!q.exec()) {
        if (error)
            *error = q.lastError();
        return false;
    }
    while (q.next())
        assignees->insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return true;
}

} // namespace

ReplayRing::ReplayRing(int capacity) : m_capacity(std::max(1, capacity)) {}

bool ReplayRing::load(StoreReader &reader, QString *error)
{
    m_entries.clear();
    m_assignees.clear();
    m_lastSeq = reader.lastSeq();
    m_floor = std::max<qint64>(0, m_lastSeq - m_capacity);
    if (m_floor > 0 && !assigneesAt(reader.db(), m_floor, &m_assignees, error))
        return false;
    for (const Event &event : reader.eventsAfter(m_floor, m_capacity))
        append(event);
    // Nothing read back although events exist: resume nobody rather than leave a gap.
    if (m_entries.empty())
        m_floor = m_lastSeq;
    return true;
}

const RingEntry &ReplayRing::append(const Event &event)
{
    if (int(m_entries.size()) >= m_capacity) {
        m_floor = m_entries.front().event.seq;
        m_entries.pop_front();
    }
    RingEntry entry;
    entry.event = event;
    entry.frame = QString::fromUtf8(Protocol::encodeFrame(event.toFrame()));
    if (event.conversationId != 0) {
        entry.previousAssigneeId = m_assignees.value(event.conversationId);
        // A command that answers an unassigned chat stores the message (already with its new
        // assignee) before the conversation.updated: who could see the chat before is what the
        // last conversation.updated showed.
        if (event.kind == QLatin1String(EventKind::ConversationUpdated))
            m_assignees.insert(event.conversationId, event.assigneeId);
    }
    m_lastSeq = event.seq;
    m_entries.push_back(std::move(entry));
    return m_entries.back();
}

ReplayRing::const_iterator ReplayRing::after(qint64 since) const
{
    return std::upper_bound(
        m_entries.cbegin(), m_entries.cend(), since,
        [](qint64 seq, const RingEntry &entry) { return seq < entry.event.seq; });
}

} // namespace Serambi::Relay
