#include "userrepo.h"

#include "statementcache.h"
#include "writetxn.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

Protocol::UserPayload User::toPayload(std::optional<bool> online) const
{
    return {id, username, displayName, role, online, std::nullopt, {}};
}

namespace {

const QString UserColumns =
    QStringLiteral("id, username, display_name, role, password_salt, password_hash, "
                   "password_iterations, disabled, created_at");

User readUser(const PreparedQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = q.value(3).toString();
    u.passwordSalt = q.value(4).toByteArray();
    u.passwordHash = q.value(5).toByteArray();
    u.passwordIterations = q.value(6).toInt();
    u.disabled = q.value(7).toBool();
    u.createdAt = q.value(8).toLongLong();
    return u;
}

std::optional<User> selectOne(QSqlDatabase &db, const QString &where, const QVariant &value)
{
    PreparedQuery q(db, QStringLiteral("SELECT ") + UserColumns +
                            QStringLiteral(" FROM users WHERE ") + where);
    q.addBindValue(value);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readUser(q);
}

} // namespace

namespace UserRepo {

bool add(QSqlDatabase &db, User &user, qint64 nowMs, QString *error)
{
    PreparedQuery q(
        db, QStringLiteral(
                "INSERT INTO users (username, display_name, role, password_salt, password_hash, "
                "password_iterations, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"));
    q.addBindValue(user.username);
    q.addBindValue(user.displayName.isEmpty() ? user.username : user.displayName);
    q.addBindValue(user.role);
    q.addBindValue(user.passwordSalt);
    q.addBindValue(user.passwordHash);
    q.addBindValue(user.passwordIterations);
    q.addBindValue(nowMs);
    if (!q.exec()) {
        if (error) {
            *error = byName(db, user.username) ? QStringLiteral("exists") : q.lastError();
        }
        return false;
    }
    user.id = q.lastInsertId();
    user.createdAt = nowMs;
    return true;
}

std::optional<User> byName(QSqlDatabase &db, const QString &username)
{
    return selectOne(db, QStringLiteral("username = ?"), username);
}

std::optional<User> byId(QSqlDatabase &db, qint64 id)
{
    return selectOne(db, QStringLiteral("id = ?"), id);
}

QList<User> all(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT ") + UserColumns +
                            QStringLiteral(" FROM users ORDER BY username"));
    QList<User> users;
    if (!q.exec())
        return users;
    while (q.next())
        users.append(readUser(q));
    return users;
}

bool addSession(QSqlDatabase &db, const QByteArray &tokenHash, qint64 userId, qint64 nowMs,
                qint64 expiresAtMs)
{
    PreparedQuery q(db, QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, "
                                       "last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(expiresAtMs);
    return execQuery(q);
}

std::optional<SessionUser> userForSession(QSqlDatabase &db, const QByteArray &tokenHash,
                                          qint64 nowMs, qint64 idleMs)
{
    PreparedQuery q(db, QStringLiteral("SELECT user_id, expires_at FROM sessions WHERE "
                                       "token_hash = ? AND expires_at > ? AND last_used_at > ?"));
    q.addBindValue(tokenHash);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs - idleMs);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    const qint64 userId = q.value(0).toLongLong();
    const qint64 expiresAt = q.value(1).toLongLong();
    q.finish();
    touchSession(db, tokenHash, nowMs);
    auto user = byId(db, userId);
    if (!user || user->disabled)
        return std::nullopt;
    return SessionUser{*user, expiresAt};
}

bool touchSession(QSqlDatabase &db, const QByteArray &tokenHash, qint64 nowMs)
{
    PreparedQuery touch(
        db, QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"));
    touch.addBindValue(nowMs);
    touch.addBindValue(tokenHash);
    return execQuery(touch);
}

bool sessionExists(QSqlDatabase &db, const QByteArray &tokenHash)
{
    PreparedQuery q(db, QStringLiteral("SELECT 1 FROM sessions WHERE token_hash = ?"));
    q.addBindValue(tokenHash);
    return execQuery(q) && q.next();
}

bool deleteSession(QSqlDatabase &db, const QByteArray &tokenHash)
{
    PreparedQuery q(db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    q.addBindValue(tokenHash);
    return execQuery(q);
}

int deleteSessions(QSqlDatabase &db, qint64 userId)
{
    PreparedQuery q(db, QStringLiteral("DELETE FROM sessions WHERE user_id = ?"));
    q.addBindValue(userId);
    if (!execQuery(q))
        return -1;
    return q.numRowsAffected();
}

bool setDisabled(QSqlDatabase &db, qint64 userId, bool disabled)
{
    PreparedQuery q(db, QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"));
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(userId);
    return execQuery(q);
}

bool setRole(QSqlDatabase &db, qint64 userId, const QString &role)
{
    PreparedQuery q(db, QStringLiteral("UPDATE users SET role = ? WHERE id = ?"));
    q.addBindValue(role);
    q.addBindValue(userId);
    return execQuery(q);
}

bool setPassword(QSqlDatabase &db, qint64 userId, const User &withNewPassword)
{
    PreparedQuery q(db, QStringLiteral("UPDATE users SET password_salt = ?, password_hash = ?, "
                                       "password_iterations = ? WHERE id = ?"));
    q.addBindValue(withNewPassword.passwordSalt);
    q.addBindValue(withNewPassword.passwordHash);
    q.addBindValue(withNewPassword.passwordIterations);
    q.addBindValue(userId);
    return execQuery(q);
}

bool recordChange(QSqlDatabase &db, qint64 userId, const QString &change, qint64 nowMs)
{
    PreparedQuery q(db, QStringLiteral("INSERT INTO user_changes (user_id, change, at) "
                                       "VALUES (?, ?, ?)"));
    q.addBindValue(userId);
    q.addBindValue(change);
    q.addBindValue(nowMs);
    return execQuery(q);
}

QList<UserChange> changesAfter(QSqlDatabase &db, qint64 afterId)
{
    PreparedQuery q(db, QStringLiteral("SELECT id, user_id, change FROM user_changes WHERE id > ? "
                                       "ORDER BY id"));
    q.addBindValue(afterId);
    QList<UserChange> changes;
    if (!execQuery(q))
        return changes;
    while (q.next())
        changes.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()});
    return changes;
}

qint64 lastChangeId(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM user_changes"));
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace UserRepo
} // namespace Serambi::Relay
