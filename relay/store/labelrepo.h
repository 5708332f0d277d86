#pragma once

#include "writetxn.h"

#include "protocol/labelpayloads.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// A label of the team's list.
using Label = Protocol::LabelPayload;

namespace LabelRepo {

// Every label, by name.
QList<Label> all(QSqlDatabase &db);
std::optional<Label> load(QSqlDatabase &db, qint64 id);
// The id of the label called name (ignoring case), 0 when none.
qint64 idByName(QSqlDatabase &db, const QString &name);
// Inserts (id 0, sets it) or updates the label.
bool save(WriteTxn &txn, Label &label);
// Removes the label from every chat, then from the list.
bool remove(WriteTxn &txn, qint64 id);

// A chat's label ids, ascending.
QList<qint64> ofConversation(QSqlDatabase &db, qint64 conversationId);
// Every chat's label ids (for snapshots): conversation id -> ascending label ids.
QHash<qint64, QList<qint64>> ofAllConversations(QSqlDatabase &db);
bool addToConversation(WriteTxn &txn, qint64 conversationId, qint64 labelId);
bool removeFromConversation(WriteTxn &txn, qint64 conversationId, qint64 labelId);

} // namespace LabelRepo
} // namespace Serambi::Relay
