#pragma once

#include "writetxn.h"

#include <QJsonObject>
#include <QList>

namespace Serambi::Relay {

// One message waiting to be sent to the Graph API.
struct OutboxItem
{
    qint64 id = 0;
    qint64 messageId = 0;
    qint64 conversationId = 0;
    QJsonObject request; // the Graph API body, without biz_opaque_callback_data
    int attempts = 0;    // including the one just claimed
    qint64 nextAttemptAt = 0;
};

namespace OutboxRepo {

// Queues message's request for sending now. Returns the outbox id (0 on failure).
qint64 enqueue(WriteTxn &txn, qint64 messageId, const QJsonObject &request);
// Moves up to limit due items of channel's conversations to "inflight" and counts the attempt.
// Each channel has its own outbox: the rows of its conversations.
QList<OutboxItem> claimDue(WriteTxn &txn, const QString &channel, int limit);
bool markDone(WriteTxn &txn, qint64 id);
// Back to pending, to be tried again at nextAttemptAt (ms since epoch).
bool reschedule(WriteTxn &txn, qint64 id, qint64 nextAttemptAt, const QString &error);
bool markFailed(WriteTxn &txn, qint64 id, const QString &error);
// After a restart nothing is in flight: channel's such items are retried.
int resetInflight(WriteTxn &txn, const QString &channel);
// Items of channel not yet done or failed.
int depth(QSqlDatabase &db, const QString &channel);
// When channel's earliest pending item falls due (0 when none is pending).
qint64 nextDueAt(QSqlDatabase &db, const QString &channel);

} // namespace OutboxRepo
} // namespace Serambi::Relay
