#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// Reads KEY=VALUE lines (blank lines and # comments ignored) from a file that only its owner
// may read. Refuses a file readable or writable by group or others.
std::optional<QHash<QString, QByteArray>> readSecretsFile(const QString &path, QString *error);

// True when only the owner has any permission on path.
bool isOwnerOnly(const QString &path);

} // namespace Serambi::Relay
