#pragma once

#include <QString>

namespace Serambi::Test {

// Where a test's relay database lives. Store, hub and end-to-end tests run once on SQLite and,
// registered again by serambi_add_postgresql_test (CTest sets SERAMBI_TEST_DB=postgresql, and
// skips the run where PostgreSQL is not installed, outside CI), once on PostgreSQL: a fresh
// database in a cluster this process starts on first use and stops when the application ends.
namespace TestDatabase {

// True when this run is the PostgreSQL one.
bool onPostgres();

// For SQLite, sqliteFile; for PostgreSQL, the URL of a new empty database. Empty (with *error)
// when PostgreSQL is wanted but cannot start.
QString location(const QString &sqliteFile, QString *error);

} // namespace TestDatabase

} // namespace Serambi::Test
