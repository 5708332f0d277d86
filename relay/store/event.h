#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Serambi::Relay {

// Event kinds (docs/protocol.md, "Events").
namespace EventKind {
inline constexpr char ConversationUpdated[] = "conversation.updated";
inline constexpr char MessageCreated[] = "message.created";
inline constexpr char MessageUpdated[] = "message.updated";
inline constexpr char DraftUpdated[] = "draft.updated";
// Team-wide events (conversation_id 0, every console sees them).
inline constexpr char TemplatesUpdated[] = "templates.updated";
inline constexpr char CannedUpdated[] = "canned.updated";
inline constexpr char CannedDeleted[] = "canned.deleted";
} // namespace EventKind

// One state change, as stored in the event log and pushed to consoles. The conversation's
// state and assignee at the time of the event decide who may see it.
struct Event
{
    qint64 seq = 0;
    QString kind;
    qint64 conversationId = 0;
    qint64 assigneeId = 0; // 0 = nobody
    QString state;         // the conversation's state after this event
    QJsonObject data;
    qint64 createdAt = 0; // ms since epoch

    // The "event" frame sent to consoles.
    QJsonObject toFrame() const;
};

using EventList = QList<Event>;

} // namespace Serambi::Relay

Q_DECLARE_METATYPE(Serambi::Relay::EventList)
