#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Serambi::Relay {

// How hard SQLite works to survive a power cut. Full fsyncs every commit (grouped commits
// keep this cheap); Normal survives a killed process but may lose the last commits on power loss.
enum class SyncMode { Full, Normal };

// Opens the relay's database under a connection name unique to the calling thread. location is
// a SQLite file (created if needed; WAL mode, foreign keys on) or a PostgreSQL URL,
// postgresql://user@host:port/database (dialect.h), its password set by setDatabasePassword.
// Returns an invalid database and sets *error on failure.
QSqlDatabase openDatabase(const QString &location, const QString &connectionName,
                          SyncMode sync = SyncMode::Full, QString *error = nullptr);

// Closes and removes a connection opened by openDatabase.
void closeDatabase(const QString &connectionName);

// The password PostgreSQL connections log in with (from the secrets file, never logged); set
// once at start-up, before any connection opens.
void setDatabasePassword(const QByteArray &password);

} // namespace Serambi::Relay
