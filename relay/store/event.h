#pragma once

#include "protocol/events.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Serambi::Relay {

using Protocol::EventKind;

// One state change, as stored in the event log and pushed to consoles. The conversation's
// state and assignee at the time of the event decide who may see it.
struct Event
{
    qint64 seq = 0; // 0: live only, never stored (a streaming draft)
    EventKind kind = EventKind::ConversationUpdated;
    qint64 conversationId = 0;
    qint64 assigneeId = 0; // 0 = nobody
    QString state;         // the conversation's state after this event
    QJsonObject data;
    qint64 createdAt = 0; // ms since epoch

    // The "event" frame sent to consoles; without "seq" for a live-only event (seq 0).
    QJsonObject toFrame() const;
};

using EventList = QList<Event>;

} // namespace Serambi::Relay

Q_DECLARE_METATYPE(Serambi::Relay::Event)
Q_DECLARE_METATYPE(Serambi::Relay::EventList)
