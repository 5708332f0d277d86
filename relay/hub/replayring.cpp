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
    q.addBindValue(QString(Protocol::eventKindName(EventKind::ConversationUpdated)));
    if (!q.exec()) {
        if (error)
            *error = q.lastError();
        return false;
    }
    while (q.next())
        assignees->insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return true;
}

// The seq after which the newest events fit both bounds; reads sizes only, not the events.
qint64 boundedFloor(QSqlDatabase &db, qint64 lastSeq, int capacity, qint64 maxBytes)
{
    const qint64 countFloor = std::max<qint64>(0, lastSeq - capacity);
    PreparedQuery q(db, QStringLiteral("SELECT seq, length(CAST(data AS BLOB)) FROM events "
                                       "WHERE seq > ? ORDER BY seq DESC"));
    q.addBindValue(countFloor);
    if (!execQuery(q))
        return countFloor;
    qint64 bytes = 0;
    while (q.next()) {
        // The frame adds the envelope to the data; twice the data is a safe estimate.
        bytes += 2 * q.value(1).toLongLong() + 128;
        if (bytes > maxBytes)
            return q.value(0).toLongLong();
    }
    return countFloor;
}

qint64 frameBytes(const RingEntry &entry)
{
    return qint64(entry.frame.size()) * qint64(sizeof(QChar));
}

} // namespace

ReplayRing::ReplayRing(int capacity, qint64 maxBytes)
    : m_capacity(std::max(1, capacity)), m_maxBytes(std::max<qint64>(1, maxBytes))
{}

bool ReplayRing::load(StoreReader &reader, QString *error)
{
    m_entries.clear();
    m_assignees.clear();
    m_bytes = 0;
    m_lastSeq = reader.lastSeq();
    m_floor = boundedFloor(reader.db(), m_lastSeq, m_capacity, m_maxBytes);
    if (m_floor > 0 && !assigneesAt(reader.db(), m_floor, &m_assignees, error))
        return false;
    // In pages, so a restart never holds more than one page beyond the ring.
    constexpr int Page = 256;
    qint64 after = m_floor;
    for (;;) {
        const EventList page = reader.eventsAfter(after, Page);
        for (const Event &event : page)
            append(event);
        if (page.size() < Page)
            break;
        after = page.constLast().seq;
    }
    // Nothing read back although events exist: resume nobody rather than leave a gap.
    if (m_entries.empty())
        m_floor = m_lastSeq;
    return true;
}

void ReplayRing::dropOldest()
{
    m_floor = m_entries.front().event.seq;
    m_bytes -= frameBytes(m_entries.front());
    m_entries.pop_front();
}

const RingEntry &ReplayRing::append(const Event &event)
{
    RingEntry entry;
    entry.event = event;
    entry.frame = QString::fromUtf8(Protocol::encodeFrame(event.toFrame()));
    const qint64 cost = frameBytes(entry);
    while (!m_entries.empty() &&
           (int(m_entries.size()) >= m_capacity || m_bytes + cost > m_maxBytes))
        dropOldest();
    m_bytes += cost;
    if (event.conversationId != 0) {
        entry.previousAssigneeId = m_assignees.value(event.conversationId);
        // A command that answers an unassigned chat stores the message (already with its new
        // assignee) before the conversation.updated: who could see the chat before is what the
        // last conversation.updated showed.
        if (event.kind == EventKind::ConversationUpdated)
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
