#pragma once

#include <QString>
#include <QTextStream>

namespace Serambi::Relay {

struct RelayConfig;

// `serambi-relay user add NAME --role ROLE`: adds a user to the relay's database. The
// password comes from the caller (a tty prompt or standard input), never from arguments.
// Returns a process exit code and writes one line to out or err.
int addUser(const RelayConfig &config, const QString &username, const QString &displayName,
            const QString &role, const QString &password, QTextStream &out, QTextStream &err);

// `serambi-relay user list`: one line per user with its role.
int listUsers(const RelayConfig &config, QTextStream &out, QTextStream &err);

} // namespace Serambi::Relay
