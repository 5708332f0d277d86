#pragma once

#include <QList>
#include <QStringList>

namespace Serambi::App {

// The cache's migrations in order: entry i takes schema version i to i + 1. Each runs in its
// own transaction; PRAGMA user_version holds the version reached.
const QList<QStringList> &localStoreMigrations();

} // namespace Serambi::App
