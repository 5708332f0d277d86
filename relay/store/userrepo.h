#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

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
// The user of a live session, refreshing its last use; nullopt when unknown or expired.
std::optional<User> userForSession(QSqlDatabase &db, const QByteArray &tokenHash, qint64 nowMs);

} // namespace UserRepo
} // namespace Serambi::Relay
