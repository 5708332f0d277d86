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

// The verbs that change a user take effect on the running relay's live connections within
// about a second (auth_poll_ms): each records a row in user_changes in the same transaction,
// which the relay polls (docs/protocol.md, "Revocation").
//
// `user disable NAME` / `user enable NAME`: a disabled user cannot log in, their sessions are
// deleted and their consoles closed with account_disabled.
int setUserDisabled(const RelayConfig &config, const QString &username, bool disabled,
                    QTextStream &out, QTextStream &err);
// `user set-role NAME ROLE`: consoles are closed with role_changed and reconnect to a snapshot
// of what the new role sees.
int setUserRole(const RelayConfig &config, const QString &username, const QString &role,
                QTextStream &out, QTextStream &err);
// `user passwd NAME`: a new password (read like user add's); every session of the user ends
// (session_revoked).
int setUserPassword(const RelayConfig &config, const QString &username, const QString &password,
                    QTextStream &out, QTextStream &err);
// `user revoke NAME`: ends every session of the user (session_revoked); the password stays.
int revokeUserSessions(const RelayConfig &config, const QString &username, QTextStream &out,
                       QTextStream &err);

} // namespace Serambi::Relay
