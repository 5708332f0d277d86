#include "commandlog.h"
#include "statementcache.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay::CommandLog {

std::optional<QJsonObject> find(QSqlDatabase &db, qint64 userId, const QString &clientId)
{
    PreparedQuery q(
        db, QStringLiteral("SELECT result FROM commands WHERE user_id = ? AND client_id = ?"));
    q.addBindValue(userId);
    q.addBindValue(clientId);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

bool record(WriteTxn &txn, qint64 userId, const QString &clientId, const QString &name,
            const QJsonObject &result)
{
    PreparedQuery q = txn.prepare(QStringLiteral("INSERT INTO commands (user_id, client_id, name, "
                                                 "result, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(userId);
    q.addBindValue(clientId);
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    q.addBindValue(txn.now());
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

} // namespace Serambi::Relay::CommandLog
