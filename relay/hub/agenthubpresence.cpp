// Presence (docs/protocol.md, "Presence and teams"): held in memory by the hub, which alone
// decides it; consoles ask for online or away, the connection decides offline.
#include "agenthub.h"

#include "auth/visibility.h"
#include "consolesession.h"
#include "logging/relaylogging.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "store/storereader.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;
using Protocol::Presence;

Presence AgentHub::presenceOf(qint64 userId) const
{
    for (const ConsoleSession *session : m_sessions) {
        if (session->stage() == ConsoleSession::Stage::Authenticated &&
            session->user().id == userId)
            return m_away.contains(userId) ? Presence::Away : Presence::Online;
    }
    return Presence::Offline;
}

QSet<qint64> AgentHub::availableUserIds() const
{
    QSet<qint64> available = onlineUserIds();
    available.subtract(m_away);
    return available;
}

void AgentHub::setPresence(ConsoleSession *session, const QString &id, const QJsonObject &args)
{
    // The role as stored now, like the read commands.
    const auto caller = UserRepo::byId(m_reader->db(), session->user().id);
    if (!caller || caller->disabled) {
        session->send(Protocol::resultError(id, ErrorCode::Forbidden));
        return;
    }
    const auto wanted = Protocol::presenceFromName(args.value(Key::Presence).toString());
    if (!wanted || *wanted == Presence::Offline) {
        session->send(Protocol::resultError(
            id, ErrorCode::InvalidArgument,
            QStringLiteral("presence must be online or away (offline is being disconnected)")));
        return;
    }
    User target = *caller;
    const QString username = args.value(Key::Username).toString();
    if (!username.isEmpty() && username != caller->username) {
        // Only a supervisor sets someone else's presence.
        if (!isSupervisor(*caller)) {
            session->send(Protocol::resultError(id, ErrorCode::Forbidden));
            return;
        }
        const auto other = UserRepo::byName(m_reader->db(), username);
        if (!other || other->disabled) {
            session->send(
                Protocol::resultError(id, ErrorCode::NotFound, QStringLiteral("no such user")));
            return;
        }
        target = *other;
    }
    const Presence before = presenceOf(target.id);
    if (before == Presence::Offline) {
        session->send(Protocol::resultError(id, ErrorCode::Conflict,
                                            QStringLiteral("no console of theirs is connected")));
        return;
    }
    if (*wanted == Presence::Away)
        m_away.insert(target.id);
    else
        m_away.remove(target.id);
    session->send(Protocol::resultOk(id, {{Key::Presence, Protocol::presenceName(*wanted)}}));
    announcePresence(target, before);
}

void AgentHub::announcePresence(const User &user, Presence before)
{
    const Presence now = presenceOf(user.id);
    if (now == before)
        return;
    qCInfo(lcHub) << user.username << "is" << Protocol::presenceName(now);
    Event event;
    event.kind = EventKind::PresenceChanged;
    event.data = Protocol::PresencePayload{user.id, user.username, now}.toJson();
    event.createdAt = this->now();
    publishLive(event);
    Q_EMIT presenceChanged();
}

} // namespace Serambi::Relay
