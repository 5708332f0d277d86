#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// The two engines the relay stores in. The schema and every statement are written once, in the
// SQL SQLite speaks (docs/configuration.md, "Database"); sqlFor() is the one place that turns
// it into PostgreSQL's where the two differ.
enum class Engine { Sqlite, Postgres };

Engine engineOf(const QSqlDatabase &db);

// A location names PostgreSQL when it is a postgresql:// (or postgres://) URL; any other is a
// SQLite file.
bool isPostgresUrl(const QString &location);

// sql as engine needs it. For PostgreSQL: 64-bit INTEGER, identity primary keys, BYTEA, DOUBLE
// PRECISION in CREATE and ALTER TABLE; BEGIN for BEGIN IMMEDIATE; INSERT OR IGNORE as ON
// CONFLICT DO NOTHING; string_agg for group_concat; json_array_elements_text for json_each;
// octet_length for a text's length in bytes, length(CAST(x AS BLOB)).
QString sqlFor(Engine engine, const QString &sql);

// The calendar month (YYYY-MM, UTC) of epochSeconds, an SQL expression, in engine's SQL.
QString yearMonthSql(Engine engine, const QString &epochSeconds);
// An expression ordering a table's rows as they were inserted, for tables without an id column:
// SQLite's rowid of alias; PostgreSQL keeps no such order, so a constant (ties stay unordered).
QString insertionOrderSql(Engine engine, const QString &alias);

// What an empty database needs before the first migration (PostgreSQL: the NOCASE collation,
// case-insensitive as SQLite's is for ASCII).
QStringList setupStatements(Engine engine);

// The statement that takes (acquire) or gives back the lock migrations run under; empty where
// the engine needs none (SQLite's writer holds the file).
QString migrationLockSql(Engine engine, bool acquire);

} // namespace Serambi::Relay
