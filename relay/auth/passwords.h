#pragma once

#include "protocol/types.h"
#include "store/userrepo.h"

#include <QByteArray>
#include <QString>

namespace Serambi::Relay {

inline constexpr int PasswordSaltBytes = 16;
inline constexpr int PasswordKeyBytes = 32;

// 16 bytes from the system's secure random source.
QByteArray newPasswordSalt();

// PBKDF2-HMAC-SHA256 of the password (NFC, UTF-8); 32 bytes. Slow on purpose: call it off
// the main thread.
QByteArray derivePasswordKey(const QString &password, const QByteArray &salt, int iterations);

// True when a derived key equals the stored one; takes time that depends only on the lengths.
bool passwordKeyMatches(const QByteArray &derived, const QByteArray &stored);

// True when password matches the user's stored key.
bool verifyPassword(const User &user, const QString &password);

// A user ready for UserRepo::add, with a fresh salt and the derived key (serambi-relay user add).
User makeUser(const QString &username, const QString &displayName, Protocol::Role role,
              const QString &password, int iterations);

} // namespace Serambi::Relay
