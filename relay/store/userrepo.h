#pragma once

#include "protocol/teampayloads.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// Longest username `user add` accepts and `hello` considers; longer ones are refused before
// anything is looked up or counted.
inline constexpr int MaxUsernameLength = 64;

struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString role; // Protocol::Role name
    QByteArray passwordSalt;
    QByteArray passwordHash;
    int passwordIterations = 0;
    bool disabled = false;
    qint64 createdAt = 0;

    // What frames say of the user; online only where a listing knows it.
    Protocol::UserPayload toPayload(std::optional<bool> online = std::nullopt) const;
};

// A live session's user and when the session ends at the latest.
struct SessionUser
{
    User user;
    qint64 expiresAt = 0;
};

// One change `serambi-relay user ...` made (docs/protocol.md, "Revocation").
struct UserChange
{
    qint64 id = 0;
    qint64 userId = 0;
    QString change; // disable, enable, role, password, revoke
};

namespace UserRepo {

// Adds a user; false (with *error, e.g. "exists") when the name is taken.
bool add(QSqlDatabase &db, User &user, qint64 nowMs, QString *error = nullptr);
std::optional<User> byName(QSqlDatabase &db, const QString &username);
std::optional<User> byId(QSqlDatabase &db, qint64 id);
QList<User> all(QSqlDatabase &db);

// Sessions are stored by the SHA-256 of their token, never the token itself.
bool addSession(QSqlDatabase &db, const QByteArray &tokenHash, qint64 userId, qint64 nowMs,
                qint64 expiresAtMs);
// The user of a live session, refreshing its last use; nullopt when unknown, past its absolute
// limit, unused for longer than idleMs, or its user is disabled.
std::optional<SessionUser> userForSession(QSqlDatabase &db, const QByteArray &tokenHash,
                                          qint64 nowMs, qint64 idleMs);
// Marks a session used now (a console that was connected until now).
bool touchSession(QSqlDatabase &db, const QByteArray &tokenHash, qint64 nowMs);
// True while the session is stored (not logged out or revoked).
bool sessionExists(QSqlDatabase &db, const QByteArray &tokenHash);
bool deleteSession(QSqlDatabase &db, const QByteArray &tokenHash);
// Deletes every session of the user; the number deleted, or -1 on failure.
int deleteSessions(QSqlDatabase &db, qint64 userId);

bool setDisabled(QSqlDatabase &db, qint64 userId, bool disabled);
bool setRole(QSqlDatabase &db, qint64 userId, const QString &role);
bool setPassword(QSqlDatabase &db, qint64 userId, const User &withNewPassword);

// Records a change for running relays to apply to live connections.
bool recordChange(QSqlDatabase &db, qint64 userId, const QString &change, qint64 nowMs);
// Changes with an id above afterId, oldest first.
QList<UserChange> changesAfter(QSqlDatabase &db, qint64 afterId);
qint64 lastChangeId(QSqlDatabase &db);

} // namespace UserRepo
} // namespace Serambi::Relay
