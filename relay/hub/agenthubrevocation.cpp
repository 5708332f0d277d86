// AgentHub: revocation. `serambi-relay user disable|enable|set-role|passwd|revoke` runs in
// another process and records a row in user_changes with its change; the hub polls that table
// and applies each change to the live connections of the user at once. The console's own
// logout ends its session here. Sessions also end at their absolute limit while connected.
#include "agenthub.h"

#include "consolesession.h"
#include "logging/relaylogging.h"
#include "protocol/frame.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QPointer>

namespace Serambi::Relay {

using Protocol::ErrorCode;

namespace {
// Live connections mark their session used this often, so a console connected for longer than
// the idle limit can still reconnect after a relay crash.
constexpr qint64 TouchLiveSessionsMs = 3600 * 1000;
} // namespace

void AgentHub::pollUserChanges()
{
    const qint64 at = now();
    QList<QPointer<ConsoleSession>> expired;
    for (ConsoleSession *session : std::as_const(m_sessions)) {
        if (session->stage() == ConsoleSession::Stage::Authenticated && session->expiresAt() &&
            at >= session->expiresAt())
            expired.append(session);
    }
    for (const QPointer<ConsoleSession> &session : std::as_const(expired)) {
        if (!session)
            continue;
        qCInfo(lcHub) << "session of" << session->user().username << "expired";
        session->fail(ErrorCode::SessionExpired);
    }
    if (at - m_liveSessionsTouchedAt >= TouchLiveSessionsMs)
        touchLiveSessions();

    const QList<UserChange> changes = UserRepo::changesAfter(m_reader->db(), m_lastChangeId);
    if (changes.isEmpty())
        return;
    m_lastChangeId = changes.constLast().id;
    QList<qint64> users;
    for (const UserChange &change : changes) {
        if (!users.contains(change.userId))
            users.append(change.userId);
    }
    for (const qint64 userId : std::as_const(users))
        applyUserChange(userId);
}

void AgentHub::applyUserChange(qint64 userId)
{
    const std::optional<User> stored = UserRepo::byId(m_reader->db(), userId);
    QList<QPointer<ConsoleSession>> affected;
    for (ConsoleSession *session : std::as_const(m_sessions)) {
        if (session->stage() == ConsoleSession::Stage::Authenticated &&
            session->user().id == userId)
            affected.append(session);
    }
    for (const QPointer<ConsoleSession> &session : std::as_const(affected)) {
        if (!session)
            continue;
        ErrorCode reason = ErrorCode::Internal;
        if (!stored || stored->disabled) {
            reason = ErrorCode::AccountDisabled;
        } else if (!UserRepo::sessionExists(m_reader->db(), session->tokenHash())) {
            reason = ErrorCode::SessionRevoked;
        } else if (stored->role != session->user().role) {
            // The console reconnects with its token; its resume becomes a snapshot of what
            // the new role sees.
            m_visibilityChangedAt.insert(userId, m_ring.lastSeq());
            reason = ErrorCode::RoleChanged;
        } else {
            session->updateUser(*stored);
            continue;
        }
        qCInfo(lcHub) << "closing the console of" << session->user().username << "from"
                      << session->peerAddress() << ":" << Protocol::errorCodeName(reason);
        session->fail(reason);
    }
}

void AgentHub::logout(ConsoleSession *session, const QString &id)
{
    const QByteArray &tokenHash = session->tokenHash();
    const quint64 sessionId = session->id();
    m_writer->submit(
        [tokenHash](WriteTxn &txn) {
            return UserRepo::deleteSession(txn.db(), tokenHash)
                       ? WriteResult::success()
                       : WriteResult::failure(QStringLiteral("cannot delete the session"));
        },
        this,
        [this, sessionId, id, tokenHash](const WriteResult &result) {
            if (!result.ok) {
                if (ConsoleSession *target = findSession(sessionId))
                    target->send(Protocol::resultError(id, ErrorCode::Internal));
                return;
            }
            if (ConsoleSession *target = findSession(sessionId))
                target->send(Protocol::resultOk(id, {}));
            // Every connection of this session ends, not only the one that asked.
            QList<QPointer<ConsoleSession>> same;
            for (ConsoleSession *other : std::as_const(m_sessions)) {
                if (other->stage() == ConsoleSession::Stage::Authenticated &&
                    other->tokenHash() == tokenHash)
                    same.append(other);
            }
            for (const QPointer<ConsoleSession> &other : std::as_const(same)) {
                if (other) {
                    qCInfo(lcHub) << other->user().username << "logged out";
                    other->fail(ErrorCode::LoggedOut);
                }
            }
        });
}

void AgentHub::touchLiveSessions()
{
    m_liveSessionsTouchedAt = now();
    QList<QByteArray> live;
    for (const ConsoleSession *session : std::as_const(m_sessions)) {
        if (session->stage() == ConsoleSession::Stage::Authenticated)
            live.append(session->tokenHash());
    }
    if (live.isEmpty())
        return;
    const qint64 at = m_liveSessionsTouchedAt;
    m_writer->submit(
        [live, at](WriteTxn &txn) {
            for (const QByteArray &tokenHash : live)
                UserRepo::touchSession(txn.db(), tokenHash, at);
            return WriteResult::success();
        },
        this, [](const WriteResult &) {});
}

} // namespace Serambi::Relay
