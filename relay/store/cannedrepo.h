#pragma once

#include "writetxn.h"

#include "protocol/teampayloads.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// A canned response the whole team shares; agents insert it by its shortcut.
using CannedResponse = Protocol::CannedPayload;

namespace CannedRepo {

QList<CannedResponse> all(QSqlDatabase &db);
std::optional<CannedResponse> load(QSqlDatabase &db, qint64 id);
// The id of the response using shortcut, 0 when none.
qint64 idByShortcut(QSqlDatabase &db, const QString &shortcut);
// Inserts (id 0, sets it) or updates the response, stamping updatedAt with the txn's clock.
bool save(WriteTxn &txn, CannedResponse &canned);
bool remove(WriteTxn &txn, qint64 id);

} // namespace CannedRepo
} // namespace Serambi::Relay
