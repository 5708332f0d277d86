#pragma once

#include "drafter.h"
#include "protocol/whatsapp.h"
#include "store/event.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Serambi::Protocol {
struct MessagePayload;
}

namespace Serambi::Relay {

class StoreReader;
class StoreWriter;

// What the relay does with a draft besides storing it (docs/ai.md).
struct DraftPolicy
{
    // auto mode sends a draft at once when its confidence is at least this.
    double autoThreshold = 0.8;
    // A draft below this confidence is an abstention.
    double abstainThreshold = 0.5;
    // This many abstentions in a row (for different customer messages) hand the chat over.
    int lowConfidenceHandoffs = 2;
    // The customer-service window: auto mode never sends outside it.
    qint64 windowMs = Protocol::WhatsApp::ServiceWindowMs;
    // A customer message waits this long for more from the same customer, and the burst gets
    // one draft (at most three quiet periods after its first message); 0 drafts each at once.
    int burstQuietMs = 0;
};

// Asks the drafter for a reply to every new customer message (and whenever an agent asks for
// a new draft) in a conversation whose AI is not off, stores it as the conversation's pending
// draft (superseding an older one) and publishes draft.updated. A draft for a message that is
// no longer the latest is dropped: the newer message gets its own.
//
// Bursts (policy.burstQuietMs): the customer's messages that follow each other within the
// quiet period get one draft, for the last of them, that answers them all. An agent's message
// to the customer during the quiet period ends the burst without a draft (a person is
// answering; an automatic message such as an out-of-hours reply does not); the customer's next
// message starts a new one.
//
// A request for a message whose draft is being written already (an agent pressing "new
// draft" again and again) is not sent to the drafter at once: all such requests become one
// more draft after the current one.
//
// In the same transaction: a handoff (the drafter's reason, or repeated abstentions) moves a
// chat the AI is answering (state bot) to the human queue with its reason; in auto mode a
// confident draft without handoff is sent like an agent's send_text, from sender "ai".
class DraftCoordinator : public QObject
{
    Q_OBJECT

public:
    // reader is a read connection of this thread: the message to answer and its history are
    // read there, not through the writer's queue (the relay's bottleneck, docs/performance.md).
    DraftCoordinator(StoreWriter *writer, StoreReader *reader, Drafter *drafter,
                     DraftPolicy policy = {}, QObject *parent = nullptr);

    // Requests for a draft that was already being written (regenerate_draft again and again),
    // folded into one more draft once it is done.
    quint64 coalesced() const { return m_coalesced; }
    // Customer messages waiting for the end of their conversation's quiet period.
    int waitingMessages() const;
    // Ends every quiet period now: each waiting burst is drafted (the timer's work, at once).
    void endQuietPeriods();
    // A reloaded configuration's thresholds; drafts asked for from now on follow them.
    void setPolicy(const DraftPolicy &policy) { m_policy = policy; }

public Q_SLOTS:
    void handleEvents(const Serambi::Relay::EventList &events);

Q_SIGNALS:
    void draftStored(qint64 conversationId);
    // A streaming drafter's text so far, as a live-only draft.updated (state streaming, seq 0):
    // for AgentHub::publishLive, never stored.
    void draftStreaming(const Serambi::Relay::Event &event);

private:
    // Customer messages waiting for the end of their conversation's quiet period.
    struct WaitingBurst
    {
        QList<qint64> messageIds;
        qint64 firstAtMs = 0;
        qint64 dueAtMs = 0;
    };
    // The messages a draft answers (oldest first) and their texts as they were read.
    struct Burst
    {
        QList<qint64> messageIds;
        QStringList texts;
    };

    void customerWrote(qint64 conversationId, qint64 messageId);
    // The timer: drafts the bursts whose quiet period is over, then waits for the next one.
    void quietPeriodsDue();
    void armQuietTimer();
    // Drafts for messageId with the rest of its burst, when it ended one; else alone.
    void draftFor(qint64 conversationId, qint64 messageId);
    // Loads the messages and the customer's recent earlier messages, then asks the drafter
    // (once, or once per message and merged: Drafter::answersSeveralMessages).
    // A message the customer deleted gets no draft.
    void draftBurst(qint64 conversationId, const QList<qint64> &messageIds);
    // The customer edited a message (message.updated with a newer edited_at): drafts again for
    // the new words; the draft for the old words is dropped when it comes back.
    void handleEdited(qint64 conversationId, const Protocol::MessagePayload &message);
    // A streaming drafter's text so far: checked against the store (AI still on, message still
    // the latest), then emitted as draftStreaming.
    void publishPartial(const DraftRequest &request, const QString &text);
    void storeDraft(const DraftRequest &request, const Burst &burst, const DraftResult &result);
    // The drafter answered request: the next draft asked for meanwhile, if still wanted.
    void drafted(const DraftRequest &request);

    StoreWriter *m_writer;
    StoreReader *m_reader;
    Drafter *m_drafter;
    DraftPolicy m_policy;
    // Conversation → the messages whose draft the drafter is writing now.
    QHash<qint64, QSet<qint64>> m_drafting;
    // Conversation → a message to draft once more when its current draft is done.
    QHash<qint64, qint64> m_again;
    // Message → the edit (edited_at) last drafted for, so status and media updates of an edited
    // message do not draft again.
    QHash<qint64, qint64> m_draftedEdits;
    quint64 m_coalesced = 0;
    // Conversation → customer messages in their quiet period.
    QHash<qint64, WaitingBurst> m_waiting;
    // Conversation → the messages its latest draft answered (a new draft asked for answers
    // them again).
    QHash<qint64, QList<qint64>> m_bursts;
    QTimer m_quietTimer;
    QElapsedTimer m_clock;
};

} // namespace Serambi::Relay
