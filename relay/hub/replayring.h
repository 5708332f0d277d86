#pragma once

#include "store/event.h"

#include <QHash>
#include <QString>

#include <deque>

namespace Serambi::Relay {

class StoreReader;

// One event as the hub replays it: with the assignee its conversation had before the event
// (for the "moved away from you" rule) and its frame, encoded once for every console.
struct RingEntry
{
    Event event;
    qint64 previousAssigneeId = 0;
    QString frame;
};

// The last events in seq order, at most capacity of them and at most maxBytes of encoded
// frames (one huge event cannot make the ring hold gigabytes, nor bring them back at a restart).
// Every event with floor() < seq <= lastSeq() is held, so a console that saw seq s with floor() <=
// s <= lastSeq() can resume without a gap.
class ReplayRing
{
public:
    ReplayRing(int capacity, qint64 maxBytes);

    // Fills the ring from the events table (resume works across a relay restart).
    bool load(StoreReader &reader, QString *error);
    const RingEntry &append(const Event &event);

    qint64 floor() const { return m_floor; }
    qint64 lastSeq() const { return m_lastSeq; }
    bool canResumeFrom(qint64 since) const { return since >= m_floor && since <= m_lastSeq; }

    using const_iterator = std::deque<RingEntry>::const_iterator;
    // The first entry with seq > since.
    const_iterator after(qint64 since) const;
    const_iterator end() const { return m_entries.cend(); }
    int size() const { return int(m_entries.size()); }
    // Bytes of the encoded frames held.
    qint64 bytes() const { return m_bytes; }

private:
    void dropOldest();

    int m_capacity;
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    qint64 m_floor = 0;
    qint64 m_lastSeq = 0;
    std::deque<RingEntry> m_entries;
    QHash<qint64, qint64> m_assignees; // conversation id -> assignee in its latest
                                       // conversation.updated
};

} // namespace Serambi::Relay
