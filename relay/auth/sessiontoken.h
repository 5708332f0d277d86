#pragma once

#include <QByteArray>
#include <QString>

namespace Serambi::Relay {

// A new session token: 32 secure random bytes, base64url without padding.
QString newSessionToken();

// What the sessions table stores instead of the token: its SHA-256.
QByteArray sessionTokenHash(const QString &token);

} // namespace Serambi::Relay
