#include "outboxrepo.h"
#include "statementcache.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay::OutboxRepo {

namespace {

// Narrows "outbox o JOIN messages m" to one channel's conversations; a WHERE follows.
const QString ChannelJoin =
    QStringLiteral("JOIN conversations c ON c.id = m.conversation_id WHERE c.channel = ? ");

bool run(WriteTxn &txn, PreparedQuery &q)
{
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}
} // namespace

qint64 enqueue(WriteTxn &txn, qint64 messageId, const QJsonObject &request)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO outbox (message_id, request, state, attempts, next_attempt_at, created_at, "
        "updated_at) VALUES (?, ?, 'pending', 0, ?, ?, ?)"));
    q.addBindValue(messageId);
    q.addBindValue(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    q.addBindValue(txn.now());
    q.addBindValue(txn.now());
    q.addBindValue(txn.now());
    return run(txn, q) ? q.lastInsertId() : 0;
}

QList<OutboxItem> claimDue(WriteTxn &txn, const QString &channel, int limit)
{
    QList<OutboxItem> items;
    PreparedQuery q =
        txn.prepare(QStringLiteral("SELECT o.id, o.message_id, m.conversation_id, o.request, "
                                   "o.attempts, o.next_attempt_at "
                                   "FROM outbox o JOIN messages m ON m.id = o.message_id ") +
                    ChannelJoin +
                    QStringLiteral("AND o.state = 'pending' AND o.next_attempt_at <= ? "
                                   "ORDER BY o.next_attempt_at, o.id LIMIT ?"));
    q.addBindValue(channel);
    q.addBindValue(txn.now());
    q.addBindValue(limit);
    if (!run(txn, q))
        return items;
    while (q.next()) {
        OutboxItem item;
        item.id = q.value(0).toLongLong();
        item.messageId = q.value(1).toLongLong();
        item.conversationId = q.value(2).toLongLong();
        item.request = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        item.attempts = q.value(4).toInt() + 1;
        item.nextAttemptAt = q.value(5).toLongLong();
        items.append(item);
    }
    q.finish();
    for (const OutboxItem &item : std::as_const(items)) {
        PreparedQuery claim = txn.prepare(QStringLiteral(
            "UPDATE outbox SET state = 'inflight', attempts = ?, updated_at = ? WHERE id = ?"));
        claim.addBindValue(item.attempts);
        claim.addBindValue(txn.now());
        claim.addBindValue(item.id);
        if (!run(txn, claim))
            return {};
    }
    return items;
}

bool markDone(WriteTxn &txn, qint64 id)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("UPDATE outbox SET state = 'done', updated_at = ? WHERE id = ?"));
    q.addBindValue(txn.now());
    q.addBindValue(id);
    return run(txn, q);
}

bool reschedule(WriteTxn &txn, qint64 id, qint64 nextAttemptAt, const QString &error)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, "
                       "updated_at = ? WHERE id = ?"));
    q.addBindValue(nextAttemptAt);
    q.addBindValue(error);
    q.addBindValue(txn.now());
    q.addBindValue(id);
    return run(txn, q);
}

bool markFailed(WriteTxn &txn, qint64 id, const QString &error)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(error);
    q.addBindValue(txn.now());
    q.addBindValue(id);
    return run(txn, q);
}

int resetInflight(WriteTxn &txn, const QString &channel)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'inflight' AND "
        "message_id IN (SELECT m.id FROM messages m JOIN conversations c "
        "ON c.id = m.conversation_id WHERE c.channel = ?)"));
    q.addBindValue(txn.now());
    q.addBindValue(channel);
    return run(txn, q) ? q.numRowsAffected() : 0;
}

int depth(QSqlDatabase &db, const QString &channel)
{
    PreparedQuery q(db, QStringLiteral("SELECT COUNT(*) FROM outbox o JOIN messages m "
                                       "ON m.id = o.message_id ") +
                            ChannelJoin + QStringLiteral("AND o.state IN ('pending', 'inflight')"));
    q.addBindValue(channel);
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toInt();
}

qint64 nextDueAt(QSqlDatabase &db, const QString &channel)
{
    PreparedQuery q(db, QStringLiteral("SELECT MIN(o.next_attempt_at) FROM outbox o JOIN messages "
                                       "m ON m.id = o.message_id ") +
                            ChannelJoin + QStringLiteral("AND o.state = 'pending'"));
    q.addBindValue(channel);
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace Serambi::Relay::OutboxRepo
