#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

QSqlDatabase openDatabase(const QString &path, const QString &connectionName, SyncMode sync,
                          QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return {};
    }
    const QStringList pragmas{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        sync == SyncMode::Full ? QStringLiteral("PRAGMA synchronous=FULL")
                               : QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    QSqlQuery query(db);
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma)) {
            if (error)
                *error = query.lastError().text();
            db.close();
            return {};
        }
    }
    return db;
}

void closeDatabase(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace Serambi::Relay
