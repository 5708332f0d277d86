#pragma once

#include "retrypolicy.h"
#include "store/event.h"
#include "store/mediarepo.h"
#include "store/outboxrepo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>

namespace Serambi::Relay {

class Channel;
class StoreWriter;
struct GraphResult;

struct OutboxOptions
{
    int maxConcurrent = 8;
    int maxAttempts = 8;
    int backoffBaseMs = 1000;
    int backoffCapMs = 5 * 60 * 1000;
    QString mediaDir; // MediaFiles' directory: the bytes of media sends
    // Requests a second at most (relay.ini rate_per_second); 0: the channel's own rate.
    int messagesPerSecond = 0;
};

// Meta's id of an upload is reused while it is younger than this (ids live 30 days).
inline constexpr qint64 MetaMediaReuseMs = 29LL * 24 * 3600 * 1000;

// Sends one channel's outbox (the outbound messages of its conversations) through the channel
// (design.md flow step 9), at most messagesPerSecond requests a second. Every database access is a
// StoreWriter job, so the writer's clock decides when an item is due. New work is noticed from
// committed message.created events of pending outbound messages; retries wait on one timer
// armed for the earliest due item.
//
// Delivery is at least once: start() returns items left in flight by a crash to pending, so a
// message Meta accepted just before the crash is sent again (the Cloud API has no idempotency
// key). Each request carries its outbox id in biz_opaque_callback_data.
//
// Up to maxConcurrent requests run at once, but only one per conversation, so that a burst of
// replies reaches Meta in the order it was written (an item waiting for its retry does not hold
// back the next one).
class OutboxSender : public QObject
{
    Q_OBJECT

public:
    struct Counters
    {
        quint64 accepted = 0; // attempts Meta accepted (or had accepted, per a status webhook)
        quint64 retried = 0;  // attempts that failed and were rescheduled
        quint64 failed = 0;   // attempts that failed for good (the message is failed)
        int depth = 0;        // items not yet done or failed, as of the last writer job
        int inflight = 0;     // requests currently waiting for the Graph API
    };

    OutboxSender(StoreWriter *writer, Channel *channel, const OutboxOptions &options,
                 QObject *parent = nullptr);

    // Resets items left in flight, then sends whatever is due. Call once, after the writer
    // started.
    void start();

    Counters counters() const { return m_counters; }

private:
    // The result of an attempt, to be recorded in one writer job.
    struct Outcome
    {
        // AcceptedBefore: the attempt failed, but a status webhook shows Meta had accepted an
        // earlier one.
        enum class Kind { Accepted, AcceptedBefore, Retry, Failed } kind = Kind::Failed;
        OutboxItem item;
        QString wamid;
        RetryDecision decision;
    };

    void handleEventsCommitted(const EventList &events);
    void claim();
    void dispatch(const OutboxItem &item);
    // Waits for the channel's next free slot, then sendNow().
    void send(const OutboxItem &item);
    void sendNow(const OutboxItem &item);
    // Media sends (outboxsendermedia.cpp): the request names the relay's media key; upload the
    // bytes unless Meta's id for them is fresh, then post with Meta's id.
    void sendMedia(const OutboxItem &item, const QString &key);
    void upload(const OutboxItem &item, const MediaFile &file);
    void failMissingMedia(const OutboxItem &item);
    // Fails item without sending: the channel's capability table forbids it.
    void refuseUnsupported(const OutboxItem &item, const QString &refusal);
    void postWithMediaId(const OutboxItem &item, const QString &metaMediaId);
    void post(const OutboxItem &item, QJsonObject body);
    void handleSendFinished(const OutboxItem &item, const GraphResult &result);
    void record(const Outcome &outcome);
    // Runs in the writer job: stores outcome, turning a failure into AcceptedBefore when a
    // status webhook already advanced the message.
    static void apply(WriteTxn &txn, Outcome &outcome);
    void handleRecorded(const Outcome &outcome);
    // The conversation's request finished: sends its next waiting item, if any.
    void sendWaiting(qint64 conversationId);
    void scheduleNext(qint64 delayMs);

    StoreWriter *m_writer;
    Channel *m_channel;
    OutboxOptions m_options;
    RetryPolicy m_policy;
    QTimer m_dueTimer;
    QElapsedTimer m_pace;
    qint64 m_nextSlotMs = 0; // m_pace time of the next free request slot
    Counters m_counters;
    bool m_started = false;
    bool m_claiming = false;
    bool m_claimAgain = false;
    // Conversations with a request in flight, and their claimed items waiting for it.
    QHash<qint64, std::deque<OutboxItem>> m_busy;
    int m_waiting = 0;
};

} // namespace Serambi::Relay
