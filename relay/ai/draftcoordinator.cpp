#include "draftcoordinator.h"

#include "burstdraft.h"
#include "handoffdetector.h"
#include "outbound/draftapproval.h"
#include "outbound/outboundtext.h"
#include "store/conversationrepo.h"
#include "store/draftrepo.h"
#include "store/outbound.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <algorithm>
#include <limits>
#include <memory>

namespace Serambi::Relay {

namespace {

// The customer's earlier messages the handoff detector sees: those among the conversation's
// last messages before this one, written within the last hours.
constexpr int HistoryMessages = 8;
constexpr qint64 HistoryWindowMs = 6LL * 3600 * 1000;
// A burst is drafted at the latest this many quiet periods after its first message, however
// fast the customer goes on writing.
constexpr qint64 BurstMaxQuietPeriods = 3;
// The bursts remembered for new drafts asked for; the map must not grow with every chat.
constexpr qsizetype RememberedBursts = 4096;

// True when the latest `count` customer messages of the conversation all got only drafts
// below threshold (the newest counts too: it is stored in this transaction).
bool abstainedInARow(WriteTxn &txn, qint64 conversationId, int count, double threshold)
{
    PreparedQuery q(txn.db(),
                    QStringLiteral("SELECT MAX(confidence) FROM drafts WHERE conversation_id = ? "
                                   "GROUP BY for_message_id ORDER BY for_message_id DESC LIMIT ?"));
    q.addBindValue(conversationId);
    q.addBindValue(count);
    if (!q.exec())
        return false;
    int rows = 0;
    while (q.next()) {
        if (q.value(0).toDouble() >= threshold)
            return false;
        ++rows;
    }
    return rows == count;
}

// Queues the draft as the AI's message and approves it, like send_text does for an agent:
// message.created, then draft.updated.
bool sendDraft(WriteTxn &txn, Conversation &conversation, Draft &draft)
{
    Message message;
    message.type = QStringLiteral("text");
    message.text = draft.text;
    message.senderKind = QStringLiteral("ai");
    message.timestamp = txn.now();
    if (!queueOutbound(txn, conversation, message, textMessageContent(draft.text, QString())))
        return false;
    ConversationRepo::publishMessage(txn, conversation, message, EventKind::MessageCreated);
    return approveDraft(txn, conversation, draft);
}

} // namespace

DraftCoordinator::DraftCoordinator(StoreWriter *writer, StoreReader *reader, Drafter *drafter,
                                   DraftPolicy policy, QObject *parent)
    : QObject(parent), m_writer(writer), m_reader(reader), m_drafter(drafter), m_policy(policy)
{
    m_quietTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &DraftCoordinator::quietPeriodsDue);
    m_clock.start();
}

void DraftCoordinator::handleEvents(const EventList &events)
{
    for (const Event &event : events) {
        if (event.kind == EventKind::DraftUpdated) {
            const auto draft = Protocol::DraftPayload::fromJson(event.data);
            if (draft && draft->state == Protocol::DraftState::Requested)
                draftFor(event.conversationId, draft->forMessageId);
            continue;
        }
        if (event.kind != EventKind::MessageCreated && event.kind != EventKind::MessageUpdated)
            continue;
        const auto message = Protocol::MessagePayload::fromJson(event.data);
        if (message.direction != Protocol::Direction::In) {
            // A person answers the customer: the messages before it are theirs to answer. An
            // automatic message (an out-of-hours reply, an order notice) answers nothing.
            if (event.kind == EventKind::MessageCreated && message.sender == QLatin1String("agent"))
                m_waiting.remove(event.conversationId);
            continue;
        }
        if (event.kind == EventKind::MessageCreated)
            customerWrote(event.conversationId, message.id);
        else
            handleEdited(event.conversationId, message);
    }
}

void DraftCoordinator::customerWrote(qint64 conversationId, qint64 messageId)
{
    if (m_policy.burstQuietMs <= 0) {
        draftBurst(conversationId, {messageId});
        return;
    }
    const qint64 now = m_clock.elapsed();
    WaitingBurst &burst = m_waiting[conversationId];
    if (burst.messageIds.isEmpty())
        burst.firstAtMs = now;
    burst.messageIds.append(messageId);
    burst.dueAtMs = std::min(now + m_policy.burstQuietMs,
                             burst.firstAtMs + BurstMaxQuietPeriods * m_policy.burstQuietMs);
    armQuietTimer();
}

void DraftCoordinator::armQuietTimer()
{
    if (m_waiting.isEmpty()) {
        m_quietTimer.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const WaitingBurst &burst : std::as_const(m_waiting))
        next = std::min(next, burst.dueAtMs);
    m_quietTimer.start(int(std::max<qint64>(0, next - m_clock.elapsed())));
}

void DraftCoordinator::quietPeriodsDue()
{
    const qint64 now = m_clock.elapsed();
    QList<std::pair<qint64, QList<qint64>>> due;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->dueAtMs <= now) {
            due.append({it.key(), it->messageIds});
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    armQuietTimer();
    for (const auto &[conversationId, messageIds] : due)
        draftBurst(conversationId, messageIds);
}

int DraftCoordinator::waitingMessages() const
{
    qsizetype count = 0;
    for (const WaitingBurst &burst : m_waiting)
        count += burst.messageIds.size();
    return int(count);
}

void DraftCoordinator::endQuietPeriods()
{
    for (WaitingBurst &burst : m_waiting)
        burst.dueAtMs = 0;
    quietPeriodsDue();
}

void DraftCoordinator::handleEdited(qint64 conversationId, const Protocol::MessagePayload &message)
{
    const qint64 editedAt = message.editedAt;
    if (editedAt <= 0 || message.revokedAt > 0)
        return;
    const qint64 messageId = message.id;
    if (m_draftedEdits.value(messageId) >= editedAt)
        return;
    // Only the latest few edits matter; the map must not grow with every edit ever made.
    if (m_draftedEdits.size() > 4096)
        m_draftedEdits.clear();
    m_draftedEdits.insert(messageId, editedAt);
    // Still in its quiet period: the burst's draft reads the new words when it is written.
    if (m_waiting.value(conversationId).messageIds.contains(messageId))
        return;
    // An older message's edit changes nothing the customer waits for: its draft is gone.
    if (DraftRepo::latestInboundMessage(m_reader->db(), conversationId) == messageId)
        draftFor(conversationId, messageId);
}

void DraftCoordinator::draftFor(qint64 conversationId, qint64 messageId)
{
    // Asked for while the customer is still writing: the burst so far is drafted now.
    const auto waiting = m_waiting.constFind(conversationId);
    if (waiting != m_waiting.constEnd() && waiting->messageIds.contains(messageId)) {
        const QList<qint64> messageIds = waiting->messageIds;
        m_waiting.erase(waiting);
        armQuietTimer();
        draftBurst(conversationId, messageIds);
        return;
    }
    const QList<qint64> last = m_bursts.value(conversationId);
    if (!last.isEmpty() && last.last() == messageId)
        draftBurst(conversationId, last);
    else
        draftBurst(conversationId, {messageId});
}

void DraftCoordinator::draftBurst(qint64 conversationId, const QList<qint64> &messageIds)
{
    const qint64 messageId = messageIds.last();
    if (m_drafting.value(conversationId).contains(messageId)) {
        m_again.insert(conversationId, messageId);
        ++m_coalesced;
        return;
    }
    // The events arrive after their commit, so the reader sees the messages.
    QSqlDatabase &db = m_reader->db();
    const auto message = ConversationRepo::loadMessage(db, messageId);
    if (!message || message->revokedAt > 0)
        return;
    Burst burst;
    qint64 firstId = messageId;
    qint64 firstAt = message->timestamp;
    for (const qint64 id : messageIds) {
        const auto part = id == messageId ? message : ConversationRepo::loadMessage(db, id);
        if (!part || part->revokedAt > 0)
            continue;
        if (burst.messageIds.isEmpty()) {
            firstId = id;
            firstAt = part->timestamp;
        }
        burst.messageIds.append(id);
        burst.texts.append(part->text);
    }
    if (m_bursts.size() > RememberedBursts)
        m_bursts.clear();
    m_bursts.insert(conversationId, burst.messageIds);

    DraftRequest request;
    request.conversationId = conversationId;
    request.messageId = messageId;
    request.history = ConversationRepo::recentCustomerTexts(
        db, conversationId, firstId, HistoryMessages, firstAt - HistoryWindowMs);
    if (const auto conversation = ConversationRepo::load(db, conversationId))
        request.customerWaId = conversation->contact.waId;
    QStringList parts;
    for (const QString &text : std::as_const(burst.texts))
        if (!text.isEmpty())
            parts.append(text);
    m_drafting[conversationId].insert(messageId);
    if (parts.size() <= 1 || m_drafter->answersSeveralMessages()) {
        request.text = parts.isEmpty() ? message->text : parts.join(QLatin1Char('\n'));
        m_drafter->draftStreaming(
            request, [this, request](const QString &text) { publishPartial(request, text); },
            [this, request, burst](const DraftResult &result) {
                storeDraft(request, burst, result);
                drafted(request);
            });
        return;
    }
    // One draft per message, each with the messages before it as history, merged at the end.
    struct Pending
    {
        QList<DraftResult> results;
        qsizetype left = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->results.resize(parts.size());
    pending->left = parts.size();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        DraftRequest part = request;
        part.text = parts.at(i);
        part.history += parts.mid(0, i);
        m_drafter->draft(part, [this, request, burst, pending, i](const DraftResult &result) {
            pending->results[i] = result;
            if (--pending->left > 0)
                return;
            storeDraft(request, burst, mergeBurstDrafts(pending->results));
            drafted(request);
        });
    }
}

void DraftCoordinator::drafted(const DraftRequest &request)
{
    const auto drafting = m_drafting.find(request.conversationId);
    if (drafting != m_drafting.end()) {
        drafting->remove(request.messageId);
        if (drafting->isEmpty())
            m_drafting.erase(drafting);
    }
    const auto again = m_again.constFind(request.conversationId);
    if (again == m_again.constEnd() || *again != request.messageId)
        return;
    m_again.erase(again);
    // Only while the message is still the latest: a newer one has its own draft coming.
    if (DraftRepo::latestInboundMessage(m_reader->db(), request.conversationId) ==
        request.messageId)
        draftFor(request.conversationId, request.messageId);
}

void DraftCoordinator::publishPartial(const DraftRequest &request, const QString &text)
{
    m_writer->submit(
        [request](WriteTxn &txn) {
            const auto conversation = ConversationRepo::load(txn.db(), request.conversationId);
            if (!conversation || conversation->aiMode == Protocol::AiMode::Off ||
                DraftRepo::latestInboundMessage(txn.db(), request.conversationId) !=
                    request.messageId)
                return WriteResult::failure(QStringLiteral("no longer wanted"));
            return WriteResult::success(
                QVariantList{conversation->assigneeId, conversation->stateName()});
        },
        this,
        [this, request, text](const WriteResult &checked) {
            if (!checked.ok)
                return;
            const QVariantList values = checked.value.toList();
            Draft draft;
            draft.conversationId = request.conversationId;
            draft.forMessageId = request.messageId;
            draft.text = text;
            draft.state = Protocol::DraftState::Streaming;
            Event event;
            event.kind = EventKind::DraftUpdated;
            event.conversationId = request.conversationId;
            event.assigneeId = values.at(0).toLongLong();
            event.state = values.at(1).toString();
            event.data = draft.toJson();
            Q_EMIT draftStreaming(event);
        });
}

void DraftCoordinator::storeDraft(const DraftRequest &request, const Burst &burst,
                                  const DraftResult &result)
{
    const DraftPolicy policy = m_policy;
    m_writer->submit(
        [request, burst, result, policy](WriteTxn &txn) {
            // Tokens spent count even when the draft is no longer wanted.
            if (result.tokens > 0 &&
                !DraftRepo::addLlmTokens(txn, request.conversationId, result.tokens))
                return WriteResult::failure(QStringLiteral("storage error"));
            auto conversation = ConversationRepo::load(txn.db(), request.conversationId);
            if (!conversation || conversation->aiMode == Protocol::AiMode::Off)
                return WriteResult::success(false); // AI is off
            if (DraftRepo::latestInboundMessage(txn.db(), request.conversationId) !=
                request.messageId)
                return WriteResult::success(false); // superseded
            // Deleted, or edited since it was read: no answer to words the customer took back.
            for (qsizetype i = 0; i < burst.messageIds.size(); ++i) {
                const auto message = ConversationRepo::loadMessage(txn.db(), burst.messageIds[i]);
                if (!message || message->revokedAt > 0 || message->text != burst.texts.at(i))
                    return WriteResult::success(false);
            }
            Draft draft;
            draft.conversationId = request.conversationId;
            draft.forMessageId = request.messageId;
            draft.text = result.text;
            draft.confidence = result.confidence;
            draft.sources = result.sources;
            draft.handoff = result.handoff;
            draft.fallback = result.fallback;
            if (!DraftRepo::insertPending(txn, draft))
                return WriteResult::failure(QStringLiteral("storage error"));
            txn.appendEvent(EventKind::DraftUpdated, conversation->id, conversation->assigneeId,
                            conversation->stateName(), draft.toJson());

            QString reason = result.handoffReason;
            if (reason.isEmpty() && result.abstained &&
                abstainedInARow(txn, conversation->id, policy.lowConfidenceHandoffs,
                                policy.abstainThreshold))
                reason = QLatin1String(HandoffReason::LowConfidence);
            const bool aiAnswers = conversation->state == Protocol::ConversationState::Bot;
            bool changed = false;
            if (!reason.isEmpty() && aiAnswers) {
                conversation->state = Protocol::ConversationState::Queued;
                conversation->handoffReason = reason;
                changed = true;
            } else if (aiAnswers && conversation->aiMode == Protocol::AiMode::Auto &&
                       !result.handoff && result.confidence >= policy.autoThreshold &&
                       conversation->lastInboundAt > 0 &&
                       txn.now() - conversation->lastInboundAt <= policy.windowMs) {
                if (!sendDraft(txn, *conversation, draft))
                    return WriteResult::failure(QStringLiteral("storage error"));
                changed = true;
            }
            if (changed) {
                if (draft.state == Protocol::DraftState::Pending)
                    conversation->draft = draft;
                else
                    conversation->draft.reset();
                if (!ConversationRepo::update(txn, *conversation))
                    return WriteResult::failure(QStringLiteral("storage error"));
                ConversationRepo::publishConversation(txn, *conversation);
            }
            return WriteResult::success(true);
        },
        this,
        [this, request](const WriteResult &stored) {
            if (stored.ok && stored.value.toBool())
                Q_EMIT draftStored(request.conversationId);
        });
}

} // namespace Serambi::Relay
