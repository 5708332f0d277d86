#pragma once

#include "orderedjson.h"
#include "outboundmessage.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace Serambi::Sim {

class SimState;
class WebhookSender;
struct SimConfig;

// Plays the recipient's phone for accepted sends: sent, delivered and read status webhooks after
// the configured delays (only sent for reactions; failed with the error for undeliverable
// messages), optionally batched several to one POST.
class StatusReporter : public QObject
{
    Q_OBJECT

public:
    StatusReporter(const SimConfig &config, SimState &state, WebhookSender &sender,
                   QObject *parent = nullptr);

    void report(const OutboundMessage &message);
    // Drops every status not yet sent.
    void cancelPending();

Q_SIGNALS:
    void statusPosted(const QString &wamid, const QString &status);

private:
    void schedule(int delayMs, const OrderedJson &status, const QString &wamid,
                  const QString &name);
    void post(const OrderedJson &status, const QString &wamid, const QString &name);
    void flushBatch();
    int jittered(int delayMs) const;

    const SimConfig &m_config;
    SimState &m_state;
    WebhookSender &m_sender;
    QTimer m_batchTimer;
    QList<OrderedJson> m_batch;
    quint64 m_generation = 0;
};

} // namespace Serambi::Sim
