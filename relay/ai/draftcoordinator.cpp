#include "draftcoordinator.h"

#include "store/conversationrepo.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

DraftCoordinator::DraftCoordinator(StoreWriter *writer, Drafter *drafter, QObject *parent)
    : QObject(parent), m_writer(writer), m_drafter(drafter)
{}

void DraftCoordinator::handleEvents(const EventList &events)
{
    for (const Event &event : events) {
        if (event.kind != QLatin1String(EventKind::MessageCreated) ||
            event.data.value(QLatin1String("direction")).toString() != QLatin1String("in"))
            continue;
        DraftRequest request;
        request.conversationId = event.conversationId;
        request.messageId = event.data.value(QLatin1String("id")).toInteger();
        request.text = event.data.value(QLatin1String("text")).toString();
        m_drafter->draft(
            request, [this, request](const DraftResult &result) { storeDraft(request, result); });
    }
}

void DraftCoordinator::storeDraft(const DraftRequest &request, const DraftResult &result)
{
    m_writer->submit(
        [request, result](WriteTxn &txn) {
            auto conversation = ConversationRepo::load(txn.db(), request.conversationId);
            if (!conversation || conversation->aiMode == QLatin1String("off"))
                return WriteResult::failure(QStringLiteral("AI is off"));
            // A newer customer message makes this draft moot; its own draft will follow.
            QSqlQuery latest = txn.prepare(QStringLiteral(
                "SELECT MAX(id) FROM messages WHERE conversation_id = ? AND direction = 'in'"));
            latest.addBindValue(request.conversationId);
            if (!execQuery(latest) || !latest.next() ||
                latest.value(0).toLongLong() != request.messageId)
                return WriteResult::failure(QStringLiteral("superseded"));
            latest.finish();
            QSqlQuery supersede = txn.prepare(QStringLiteral(
                "UPDATE drafts SET state = 'superseded', updated_at = ? WHERE conversation_id = ? "
                "AND state = 'pending'"));
            supersede.addBindValue(txn.now());
            supersede.addBindValue(request.conversationId);
            execQuery(supersede);
            QSqlQuery insert = txn.prepare(QStringLiteral(
                "INSERT INTO drafts (conversation_id, for_message_id, text, confidence, sources, "
                "state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)"));
            const QJsonArray sources = QJsonArray::fromStringList(result.sources);
            insert.addBindValue(request.conversationId);
            insert.addBindValue(request.messageId);
            insert.addBindValue(result.text);
            insert.addBindValue(result.confidence);
            insert.addBindValue(
                QString::fromUtf8(QJsonDocument(sources).toJson(QJsonDocument::Compact)));
            insert.addBindValue(txn.now());
            insert.addBindValue(txn.now());
            if (!execQuery(insert))
                return WriteResult::failure(QStringLiteral("storage error"));
            const QJsonObject draft{{QLatin1String("id"), insert.lastInsertId().toLongLong()},
                                    {QLatin1String("for_message_id"), request.messageId},
                                    {QLatin1String("text"), result.text},
                                    {QLatin1String("confidence"), result.confidence},
                                    {QLatin1String("sources"), sources},
                                    {QLatin1String("handoff"), result.handoff},
                                    {QLatin1String("state"), QLatin1String("pending")}};
            txn.appendEvent(QLatin1String(EventKind::DraftUpdated), conversation->id,
                            conversation->assigneeId, conversation->state, draft);
            return WriteResult::success();
        },
        this,
        [this, request](const WriteResult &stored) {
            if (stored.ok)
                Q_EMIT draftStored(request.conversationId);
        });
}

} // namespace Serambi::Relay
