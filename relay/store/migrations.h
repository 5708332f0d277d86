#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

struct Migration
{
    int version;
    const char *description;
    QStringList statements;
};

// Every schema migration, in order; each runs in its own transaction.
const QList<Migration> &migrations();

// The schema version of db (0 for an empty database).
int schemaVersion(QSqlDatabase &db);

// Applies the migrations above db's version, up to targetVersion (-1 = latest). Refuses a
// database newer than this relay knows.
bool migrate(QSqlDatabase &db, QString *error, int targetVersion = -1);

} // namespace Serambi::Relay
