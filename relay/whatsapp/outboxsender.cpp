#include "outboxsender.h"

#include "logging/relaylogging.h"
#include "store/outbound.h"

#include "channels/channel.h"
#include "protocol/types.h"
#include "store/conversationrepo.h"
#include "store/storewriter.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace Serambi::Relay {

namespace {

using Protocol::MessageStatus;

// What a writer job saw of the outbox after its own changes.
struct Backlog
{
    int depth = 0;
    qint64 nextDueInMs = -1; // -1 when nothing is pending
};

Backlog readBacklog(WriteTxn &txn, const QString &channel)
{
    Backlog backlog;
    backlog.depth = OutboxRepo::depth(txn.db(), channel);
    const qint64 due = OutboxRepo::nextDueAt(txn.db(), channel);
    if (due > 0)
        backlog.nextDueInMs = std::max<qint64>(0, due - txn.now());
    return backlog;
}

int statusRank(const QString &name)
{
    MessageStatus status = MessageStatus::Pending;
    Protocol::messageStatusFromName(name, &status);
    return Protocol::messageStatusRank(status);
}

QString describe(const RetryDecision &decision)
{
    return QString::number(decision.code) + QLatin1Char(' ') + decision.title;
}

} // namespace

OutboxSender::OutboxSender(StoreWriter *writer, Channel *channel, const OutboxOptions &options,
                           QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_channel(channel)
    , m_options(options)
    , m_policy(options.maxAttempts, options.backoffBaseMs, options.backoffCapMs)
{
    m_options.maxConcurrent = std::max(1, m_options.maxConcurrent);
    if (m_options.messagesPerSecond <= 0)
        m_options.messagesPerSecond = m_channel->capabilities().messagesPerSecond;
    m_pace.start();
    m_dueTimer.setSingleShot(true);
    connect(&m_dueTimer, &QTimer::timeout, this, &OutboxSender::claim);
    connect(m_writer, &StoreWriter::eventsCommitted, this, &OutboxSender::handleEventsCommitted);
}

void OutboxSender::start()
{
    auto backlog = std::make_shared<Backlog>();
    auto reset = std::make_shared<int>(0);
    m_writer->submit(
        [backlog, reset, channel = m_channel->name()](WriteTxn &txn) {
            *reset = OutboxRepo::resetInflight(txn, channel);
            *backlog = readBacklog(txn, channel);
            return WriteResult::success();
        },
        this,
        [this, backlog, reset](const WriteResult &result) {
            if (!result.ok) {
                qCCritical(lcOutbox) << "cannot reset the outbox:" << result.error;
                QTimer::singleShot(m_options.backoffCapMs, this, &OutboxSender::start);
                return;
            }
            if (*reset > 0)
                qCWarning(lcOutbox) << *reset << "items were in flight at shutdown; resending";
            qCInfo(lcOutbox) << "started with" << backlog->depth << "items queued";
            m_started = true;
            m_counters.depth = backlog->depth;
            claim();
        });
}

void OutboxSender::handleEventsCommitted(const EventList &events)
{
    for (const Event &event : events) {
        if (event.kind != EventKind::MessageCreated)
            continue;
        const auto message = Protocol::MessagePayload::fromJson(event.data);
        if (message.direction == Protocol::Direction::Out &&
            message.status == Protocol::messageStatusName(MessageStatus::Pending)) {
            claim();
            return;
        }
    }
}

void OutboxSender::claim()
{
    if (!m_started)
        return;
    if (m_claiming) {
        m_claimAgain = true;
        return;
    }
    const int free = m_options.maxConcurrent - m_counters.inflight - m_waiting;
    if (free <= 0)
        return; // a finishing send claims again
    m_claiming = true;
    m_claimAgain = false;
    m_dueTimer.stop();

    auto items = std::make_shared<QList<OutboxItem>>();
    auto backlog = std::make_shared<Backlog>();
    m_writer->submit(
        [items, backlog, free, channel = m_channel->name()](WriteTxn &txn) {
            *items = OutboxRepo::claimDue(txn, channel, free);
            *backlog = readBacklog(txn, channel);
            return WriteResult::success();
        },
        this,
        [this, items, backlog](const WriteResult &result) {
            m_claiming = false;
            if (!result.ok) {
                qCWarning(lcOutbox) << "cannot claim outbox items:" << result.error;
                scheduleNext(m_options.backoffBaseMs);
                return;
            }
            m_counters.depth = backlog->depth;
            for (const OutboxItem &item : std::as_const(*items))
                dispatch(item);
            // Items that are due but found no free slot wait for a send to finish.
            if (m_claimAgain)
                claim();
            else if (backlog->nextDueInMs >= 0)
                scheduleNext(backlog->nextDueInMs);
        });
}

void OutboxSender::dispatch(const OutboxItem &item)
{
    const auto busy = m_busy.find(item.conversationId);
    if (busy != m_busy.end()) {
        busy->push_back(item);
        ++m_waiting;
        return;
    }
    m_busy.insert(item.conversationId, {});
    send(item);
}

void OutboxSender::send(const OutboxItem &item)
{
    ++m_counters.inflight;
    // What the channel's table forbids fails at once, without a request or a rate slot.
    if (const QString refusal = capabilityRefusal(m_channel->capabilities(), item.request);
        !refusal.isEmpty()) {
        refuseUnsupported(item, refusal);
        return;
    }
    // The channel's rate: each request takes the next free slot, 1/rate seconds apart.
    const qint64 now = m_pace.elapsed();
    const qint64 slot = std::max(now, m_nextSlotMs);
    m_nextSlotMs = slot + std::max<qint64>(1, 1000 / m_options.messagesPerSecond);
    if (slot > now) {
        QTimer::singleShot(int(slot - now), this, [this, item] { sendNow(item); });
        return;
    }
    sendNow(item);
}

void OutboxSender::refuseUnsupported(const OutboxItem &item, const QString &refusal)
{
    Outcome outcome;
    outcome.item = item;
    outcome.kind = Outcome::Kind::Failed;
    outcome.decision.title = refusal;
    outcome.decision.details =
        QStringLiteral("%1 channel %2").arg(m_channel->provider(), m_channel->name());
    record(outcome);
}

void OutboxSender::sendNow(const OutboxItem &item)
{
    const QString mediaKey = outboundMediaKey(item.request);
    if (!mediaKey.isEmpty())
        sendMedia(item, mediaKey);
    else
        post(item, item.request);
}

void OutboxSender::post(const OutboxItem &item, QJsonObject body)
{
    body.insert(QLatin1String("biz_opaque_callback_data"), QString::number(item.id));
    qCDebug(lcOutbox) << "sending outbox item" << item.id << "attempt" << item.attempts;
    m_channel->sendMessage(
        body, this, [this, item](const GraphResult &result) { handleSendFinished(item, result); });
}

void OutboxSender::handleSendFinished(const OutboxItem &item, const GraphResult &result)
{
    Outcome outcome;
    outcome.item = item;
    if (result.ok()) {
        outcome.kind = Outcome::Kind::Accepted;
        outcome.wamid = result.wamid;
    } else {
        outcome.decision = m_policy.decide(result, item.attempts);
        outcome.kind = outcome.decision.retry ? Outcome::Kind::Retry : Outcome::Kind::Failed;
    }
    record(outcome);
}

void OutboxSender::record(const Outcome &outcome)
{
    auto applied = std::make_shared<Outcome>(outcome);
    auto backlog = std::make_shared<Backlog>();
    m_writer->submit(
        [applied, backlog, channel = m_channel->name()](WriteTxn &txn) {
            apply(txn, *applied);
            *backlog = readBacklog(txn, channel);
            return WriteResult::success();
        },
        this,
        [this, outcome, applied, backlog](const WriteResult &result) {
            if (!result.ok) {
                // The item stays in flight in the database; keep trying to record what Meta
                // answered rather than sending it again.
                qCWarning(lcOutbox)
                    << "cannot record outbox item" << outcome.item.id << ":" << result.error;
                QTimer::singleShot(m_options.backoffBaseMs, this,
                                   [this, outcome] { record(outcome); });
                return;
            }
            m_counters.depth = backlog->depth;
            handleRecorded(*applied);
            sendWaiting(outcome.item.conversationId);
            if (backlog->nextDueInMs >= 0)
                scheduleNext(backlog->nextDueInMs);
        });
}

void OutboxSender::apply(WriteTxn &txn, Outcome &outcome)
{
    const OutboxItem &item = outcome.item;
    std::optional<Message> message = ConversationRepo::loadMessage(txn.db(), item.messageId);
    // A status webhook matched through biz_opaque_callback_data shows that Meta accepted an
    // earlier attempt whose answer was lost: sending again would deliver the message twice.
    const bool acceptedBefore = message && statusRank(message->status) >=
                                               Protocol::messageStatusRank(MessageStatus::Accepted);
    if (outcome.kind != Outcome::Kind::Accepted && acceptedBefore)
        outcome.kind = Outcome::Kind::AcceptedBefore;

    switch (outcome.kind) {
    case Outcome::Kind::Retry:
        OutboxRepo::reschedule(txn, item.id, txn.now() + outcome.decision.delayMs,
                               describe(outcome.decision));
        return;
    case Outcome::Kind::AcceptedBefore:
        OutboxRepo::markDone(txn, item.id);
        return;
    case Outcome::Kind::Accepted:
        OutboxRepo::markDone(txn, item.id);
        if (!message || (acceptedBefore && !message->wamid.isEmpty()))
            return;
        if (message->wamid.isEmpty())
            message->wamid = outcome.wamid;
        if (!acceptedBefore)
            message->status = Protocol::messageStatusName(MessageStatus::Accepted);
        break;
    case Outcome::Kind::Failed:
        OutboxRepo::markFailed(txn, item.id, describe(outcome.decision));
        if (!message)
            return;
        message->status = Protocol::messageStatusName(MessageStatus::Failed);
        message->errorCode = outcome.decision.code;
        message->errorTitle = outcome.decision.title;
        message->errorDetails = outcome.decision.details;
        break;
    }
    ConversationRepo::updateMessage(txn, *message);
    if (const auto conversation = ConversationRepo::load(txn.db(), item.conversationId))
        ConversationRepo::publishMessage(txn, *conversation, *message, EventKind::MessageUpdated);
}

void OutboxSender::handleRecorded(const Outcome &outcome)
{
    --m_counters.inflight;
    const OutboxItem &item = outcome.item;
    switch (outcome.kind) {
    case Outcome::Kind::Accepted:
        ++m_counters.accepted;
        qCInfo(lcOutbox) << "outbox item" << item.id << "accepted";
        break;
    case Outcome::Kind::AcceptedBefore:
        ++m_counters.accepted;
        qCInfo(lcOutbox) << "outbox item" << item.id
                         << "was already accepted (status webhook); not sending again";
        break;
    case Outcome::Kind::Retry:
        ++m_counters.retried;
        qCInfo(lcOutbox) << "outbox item" << item.id << "attempt" << item.attempts
                         << "failed with code" << outcome.decision.code << outcome.decision.title
                         << "; retrying in" << outcome.decision.delayMs << "ms";
        break;
    case Outcome::Kind::Failed:
        ++m_counters.failed;
        qCWarning(lcOutbox) << "outbox item" << item.id << "failed after" << item.attempts
                            << "attempts with code" << outcome.decision.code
                            << outcome.decision.title;
        break;
    }
}

void OutboxSender::sendWaiting(qint64 conversationId)
{
    const auto busy = m_busy.find(conversationId);
    if (busy == m_busy.end())
        return;
    if (busy->empty()) {
        m_busy.erase(busy);
        return;
    }
    const OutboxItem next = busy->front();
    busy->pop_front();
    --m_waiting;
    send(next);
}

void OutboxSender::scheduleNext(qint64 delayMs)
{
    if (m_claiming)
        return; // the claim's completion arms the timer from fresher data
    const qint64 clamped = std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max());
    if (m_dueTimer.isActive() && m_dueTimer.remainingTime() <= clamped)
        return;
    m_dueTimer.start(int(clamped));
}

} // namespace Serambi::Relay
