#include "database.h"

#include "dialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace Serambi::Relay {

namespace {

QByteArray &databasePassword()
{
    static QByteArray password;
    return password;
}

QSqlDatabase openPostgres(const QString &location, const QString &connectionName, QString *error)
{
    const QUrl url(location, QUrl::StrictMode);
    const QString name = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || name.isEmpty() ||
        name.contains(QLatin1Char('/'))) {
        if (error)
            *error = QStringLiteral("a PostgreSQL URL is postgresql://user@host:port/database");
        return {};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid()) {
        if (error)
            *error = QStringLiteral("Qt's PostgreSQL driver is missing (libqt6sql6-psql)");
        return {};
    }
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setDatabaseName(name);
    db.setPassword(QString::fromUtf8(databasePassword()));
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return {};
    }
    // Notices (CREATE ... IF NOT EXISTS that exists) are not worth a warning in the log.
    QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
    return db;
}

} // namespace

QSqlDatabase openDatabase(const QString &location, const QString &connectionName, SyncMode sync,
                          QString *error)
{
    if (isPostgresUrl(location))
        return openPostgres(location, connectionName, error);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(location);
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

void setDatabasePassword(const QByteArray &password)
{
    databasePassword() = password;
}

} // namespace Serambi::Relay
