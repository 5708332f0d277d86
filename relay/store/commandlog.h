#pragma once

#include "writetxn.h"

#include <QJsonObject>

#include <optional>

namespace Serambi::Relay::CommandLog {

// The stored result of a command a user already sent with this client id.
std::optional<QJsonObject> find(QSqlDatabase &db, qint64 userId, const QString &clientId);
// Remembers an applied command's result so a resend returns it instead of applying it again.
bool record(WriteTxn &txn, qint64 userId, const QString &clientId, const QString &name,
            const QJsonObject &result);

} // namespace Serambi::Relay::CommandLog
