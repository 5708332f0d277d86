#include "useradmin.h"

#include "admindatabase.h"
#include "config/relayconfig.h"
#include "hub/passwords.h"
#include "protocol/types.h"
#include "store/userrepo.h"

#include <QDateTime>

namespace Serambi::Relay {

int addUser(const RelayConfig &config, const QString &username, const QString &displayName,
            const QString &role, const QString &password, QTextStream &out, QTextStream &err)
{
    Protocol::Role parsedRole;
    if (!Protocol::roleFromName(role, &parsedRole)) {
        err << "serambi-relay: --role must be agent, supervisor or admin\n";
        return 2;
    }
    if (username.isEmpty() || username.size() > 64 || username.contains(QLatin1Char(' '))) {
        err << "serambi-relay: the user name must be 1 to 64 characters without spaces\n";
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
