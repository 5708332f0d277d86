#pragma once

#include "httpchannel.h"
#include "webhookfactory.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <utility>
#include <vector>

class QNetworkAccessManager;

namespace Serambi::Bench {

enum class ClientKind { Raw, Qnam };

struct LoadSpec
{
    bool webhooks = true; // false: GET /healthz
    double rate = 0;      // requests per second; 0 = as fast as the server answers
    int durationMs = 10000;
};

struct LoadResult
{
    quint64 sent = 0;
    quint64 ok = 0;
    quint64 refused = 0;         // answered, but not 200
    quint64 transportErrors = 0; // connection lost or refused
    qint64 elapsedNs = 0;        // first request written to last answer read
    quint64 maxBacklog = 0;      // rate mode: most requests due but not yet sent
    std::vector<quint64> ackedSeqs;
    std::vector<qint64> ackNs; // time from write to answer, per 200
    // Each request's send time as stamped in its wamid, so the same bytes can be sent again.
    std::vector<qint64> ackedSentNs;                          // parallel to ackedSeqs
    std::vector<std::pair<quint64, qint64>> unackedSeqSentNs; // refused or lost: seq, sent
};

// Drives POST /webhook (or GET /healthz) over N keep-alive connections, on whatever thread
// it lives on (everything it owns is its child, so moveToThread takes it all). Call open(), wait
// for opened(), then run(); finished() follows the last answer.
class LoadGenerator : public QObject
{
    Q_OBJECT

public:
    LoadGenerator(const QString &host, quint16 port, ClientKind client, int connections,
                  WebhookFactory factory, QObject *parent = nullptr);
    ~LoadGenerator() override;

    void open();
    void run(const LoadSpec &spec);
    LoadResult takeResult();

Q_SIGNALS:
    void opened();
    void finished();

private:
    struct InFlight
    {
        quint64 seq = 0;
        qint64 sentNs = 0;
        bool busy = false;
    };

    void issue(int channel);
    void handleResponse(int channel, int status);
    void handleTick();
    void stopIssuing();
    void finishIfIdle();
    quint64 due() const;

    WebhookFactory m_factory;
    std::vector<QNetworkAccessManager *> m_managers;
    std::vector<HttpChannel *> m_channels;
    std::vector<InFlight> m_inFlight;
    std::vector<int> m_idle;
    QTimer *m_tick;
    QTimer *m_stop;
    QElapsedTimer m_clock;
    LoadSpec m_spec;
    LoadResult m_result;
    quint64 m_nextSeq = 1;
    qint64 m_startNs = 0;
    qint64 m_lastAnswerNs = 0;
    int m_busy = 0;
    bool m_running = false;
};

// Steady-clock nanoseconds, comparable across threads and processes (CLOCK_MONOTONIC).
qint64 monotonicNs();

} // namespace Serambi::Bench
