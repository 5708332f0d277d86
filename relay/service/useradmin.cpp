#include "useradmin.h"

#include "admindatabase.h"
#include "auth/passwords.h"
#include "config/relayconfig.h"
#include "protocol/types.h"
#include "store/userrepo.h"

#include <QSqlError>

#include <QDateTime>

#include <functional>

namespace Serambi::Relay {

int addUser(const RelayConfig &config, const QString &username, const QString &displayName,
            const QString &role, const QString &password, QTextStream &out, QTextStream &err)
{
    Protocol::Role parsedRole;
    if (!Protocol::roleFromName(role, &parsedRole)) {
        err << "serambi-relay: --role must be agent, supervisor or admin\n";
        return 2;
    }
    if (username.isEmpty() || username.size() > MaxUsernameLength ||
        username.contains(QLatin1Char(' '))) {
        err << "serambi-relay: the user name must be 1 to " << MaxUsernameLength
            << " characters without spaces\n";
        return 2;
    }
    if (password.size() < 8) {
        err << "serambi-relay: the password must have at least 8 characters\n";
        return 2;
    }
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    User user = makeUser(username, displayName, parsedRole, password, config.pbkdf2Iterations);
    if (!UserRepo::add(database.db(), user, QDateTime::currentMSecsSinceEpoch(), &error)) {
        if (error == QLatin1String("exists"))
            err << "serambi-relay: a user named " << username << " already exists\n";
        else
            err << "serambi-relay: cannot add the user: " << error << '\n';
        return 1;
    }
    out << "added " << role << ' ' << username << '\n';
    return 0;
}

int listUsers(const RelayConfig &config, QTextStream &out, QTextStream &err)
{
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    const QList<User> users = UserRepo::all(database.db());
    for (const User &user : users) {
        out << user.username << '\t' << user.role << '\t' << user.displayName
            << (user.disabled ? "\tdisabled" : "") << '\n';
    }
    return 0;
}

} // namespace Serambi::Relay

namespace Serambi::Relay {

namespace {

// Opens the database, finds the user and runs change in one transaction together with the
// user_changes row the running relay applies to live connections.
int changeUser(const RelayConfig &config, const QString &username, const QString &change,
               const std::function<bool(QSqlDatabase &, const User &)> &apply, QTextStream &err)
{
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    QSqlDatabase &db = database.db();
    const auto user = UserRepo::byName(db, username);
    if (!user) {
        err << "serambi-relay: there is no user named " << username.left(MaxUsernameLength) << '\n';
        return 1;
    }
    if (!db.transaction()) {
        err << "serambi-relay: cannot change the user: " << db.lastError().text() << '\n';
        return 1;
    }
    if (!apply(db, *user) ||
        !UserRepo::recordChange(db, user->id, change, QDateTime::currentMSecsSinceEpoch()) ||
        !db.commit()) {
        err << "serambi-relay: cannot change the user: " << db.lastError().text() << '\n';
        db.rollback();
        return 1;
    }
    return 0;
}

} // namespace

int setUserDisabled(const RelayConfig &config, const QString &username, bool disabled,
                    QTextStream &out, QTextStream &err)
{
    const int code = changeUser(
        config, username, disabled ? QStringLiteral("disable") : QStringLiteral("enable"),
        [disabled](QSqlDatabase &db, const User &user) {
            // A disabled user's sessions end for good: enabling them again needs a new login.
            return UserRepo::setDisabled(db, user.id, disabled) &&
                   (!disabled || UserRepo::deleteSessions(db, user.id) >= 0);
        },
        err);
    if (code == 0)
        out << (disabled ? "disabled " : "enabled ") << username << '\n';
    return code;
}

int setUserRole(const RelayConfig &config, const QString &username, const QString &role,
                QTextStream &out, QTextStream &err)
{
    Protocol::Role parsedRole;
    if (!Protocol::roleFromName(role, &parsedRole)) {
        err << "serambi-relay: the role must be agent, supervisor or admin\n";
        return 2;
    }
    const int code = changeUser(
        config, username, QStringLiteral("role"),
        [&role](QSqlDatabase &db, const User &user) {
            return UserRepo::setRole(db, user.id, role);
        },
        err);
    if (code == 0)
        out << username << " is now " << role << '\n';
    return code;
}

int setUserPassword(const RelayConfig &config, const QString &username, const QString &password,
                    QTextStream &out, QTextStream &err)
{
    if (password.size() < 8) {
        err << "serambi-relay: the password must have at least 8 characters\n";
        return 2;
    }
    const int code = changeUser(
        config, username, QStringLiteral("password"),
        [&password, &config](QSqlDatabase &db, const User &user) {
            Protocol::Role role = Protocol::Role::Agent;
            Protocol::roleFromName(user.role, &role);
            const User fresh =
                makeUser(user.username, user.displayName, role, password, config.pbkdf2Iterations);
            return UserRepo::setPassword(db, user.id, fresh) &&
                   UserRepo::deleteSessions(db, user.id) >= 0;
        },
        err);
    if (code == 0)
        out << "changed the password of " << username << " and ended their sessions\n";
    return code;
}

int revokeUserSessions(const RelayConfig &config, const QString &username, QTextStream &out,
                       QTextStream &err)
{
    int ended = 0;
    const int code = changeUser(
        config, username, QStringLiteral("revoke"),
        [&ended](QSqlDatabase &db, const User &user) {
            ended = UserRepo::deleteSessions(db, user.id);
            return ended >= 0;
        },
        err);
    if (code == 0)
        out << "ended " << ended << " session(s) of " << username << '\n';
    return code;
}

} // namespace Serambi::Relay
