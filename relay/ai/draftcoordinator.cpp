#include "draftcoordinator.h"

#include "store/conversationrepo.h"
#include "store/draftrepo.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

namespace Serambi::Relay {

DraftCoordinator::DraftCoordinator(StoreWriter *writer, Drafter *drafter, QObject *parent)
    : QObject(parent), m_writer(writer), m_drafter(drafter)
{}

void DraftCoordinator::handleEvents(const EventList &events)
{
    for (const Event &event : events) {
        if (event.kind == QLatin1String(EventKind::MessageCreated) &&
            event.data.value(QLatin1String("direction")).toString() == QLatin1String("in")) {
            DraftRequest request;
            request.conversationId = event.conversationId;
            request.messageId = event.data.value(QLatin1String("id")).toInteger();
            request.text = event.data.value(QLatin1String("text")).toString();
            requestDraft(request);
        } else if (event.kind == QLatin1String(EventKind::DraftUpdated) &&
                   event.data.value(QLatin1String("state")).toString() ==
                       QLatin1String("requested")) {
            redraft(event.conversationId,
                    event.data.value(QLatin1String("for_message_id")).toInteger());
        }
    }
}

void DraftCoordinator::requestDraft(const DraftRequest &request)
{
    m_drafter->draft(request,
                     [this, request](const DraftResult &result) { storeDraft(request, result); });
}

void DraftCoordinator::redraft(qint64 conversationId, qint64 messageId)
{
    m_writer->submit(
        [messageId](WriteTxn &txn) {
            const auto message = ConversationRepo::loadMessage(txn.db(), messageId);
            if (!message)
                return WriteResult::failure(QStringLiteral("no such message"));
            return WriteResult::success(message->text);
        },
        this,
        [this, conversationId, messageId](const WriteResult &loaded) {
            if (!loaded.ok)
                return;
            requestDraft({conversationId, messageId, loaded.value.toString()});
        });
}

void DraftCoordinator::storeDraft(const DraftRequest &request, const DraftResult &result)
{
    m_writer->submit(
        [request, result](WriteTxn &txn) {
            auto conversation = ConversationRepo::loadHeader(txn.db(), request.conversationId);
            if (!conversation || conversation->aiMode == QLatin1String("off"))
                return WriteResult::failure(QStringLiteral("AI is off"));
            if (DraftRepo::latestInboundMessage(txn.db(), request.conversationId) !=
                request.messageId)
                return WriteResult::failure(QStringLiteral("superseded"));
            Draft draft;
            draft.conversationId = request.conversationId;
            draft.forMessageId = request.messageId;
            draft.text = result.text;
            draft.confidence = result.confidence;
            draft.sources = result.sources;
            draft.handoff = result.handoff;
            if (!DraftRepo::insertPending(txn, draft))
                return WriteResult::failure(QStringLiteral("storage error"));
            txn.appendEvent(QLatin1String(EventKind::DraftUpdated), conversation->id,
                            conversation->assigneeId, conversation->state, draft.toJson());
            return WriteResult::success();
        },
        this,
        [this, request](const WriteResult &stored) {
            if (stored.ok)
                Q_EMIT draftStored(request.conversationId);
        });
}

} // namespace Serambi::Relay
