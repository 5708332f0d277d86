#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Serambi::Relay {

// How hard SQLite works to survive a power cut. Full fsyncs every commit (grouped commits
// keep this cheap); Normal survives a killed process but may lose the last commits on power loss.
enum class SyncMode { Full, Normal };

// Opens (creating if needed) the relay's SQLite file under a connection name unique to the
// calling thread, in WAL mode with foreign keys on. Returns an invalid database and sets
// *error on failure.
QSqlDatabase openDatabase(const QString &path, const QString &connectionName,
                          SyncMode sync = SyncMode::Full, QString *error = nullptr);

// Closes and removes a connection opened by openDatabase.
void closeDatabase(const QString &connectionName);

} // namespace Serambi::Relay
