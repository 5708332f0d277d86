#include "loadgenerator.h"

#include <QNetworkAccessManager>

#include <chrono>
#include <cmath>

namespace Serambi::Bench {

namespace {
constexpr int ConnectionsPerManager = 6; // QNetworkAccessManager's limit per host
constexpr int TickMs = 1;
} // namespace

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

LoadGenerator::LoadGenerator(const QString &host, quint16 port, ClientKind client, int connections,
                             WebhookFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_tick(new QTimer(this))
    , m_stop(new QTimer(this))
{
    for (int i = 0; i < connections; ++i) {
        HttpChannel *channel = nullptr;
        if (client == ClientKind::Raw) {
            channel = new RawHttpChannel(host, port, this);
        } else {
            if (i % ConnectionsPerManager == 0)
                m_managers.push_back(new QNetworkAccessManager(this));
            channel = new QnamHttpChannel(host, port, m_managers.back(), this);
        }
        connect(channel, &HttpChannel::responded, this,
                [this, i](int status) { handleResponse(i, status); });
        m_channels.push_back(channel);
    }
    m_inFlight.resize(m_channels.size());
    m_tick->setTimerType(Qt::PreciseTimer);
    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, &LoadGenerator::handleTick);
    m_stop->setSingleShot(true);
    m_stop->setTimerType(Qt::PreciseTimer);
    connect(m_stop, &QTimer::timeout, this, &LoadGenerator::stopIssuing);
}

LoadGenerator::~LoadGenerator() = default;

void LoadGenerator::open()
{
    for (HttpChannel *channel : m_channels)
        channel->open();
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        for (const HttpChannel *channel : m_channels) {
            if (!channel->isOpen())
                return;
        }
        poll->deleteLater();
        Q_EMIT opened();
    });
    poll->start(10);
}

void LoadGenerator::run(const LoadSpec &spec)
{
    m_spec = spec;
    m_result = {};
    m_idle.clear();
    for (int i = int(m_channels.size()) - 1; i >= 0; --i)
        m_idle.push_back(i);
    m_running = true;
    m_startNs = monotonicNs();
    m_lastAnswerNs = m_startNs;
    m_stop->start(spec.durationMs);
    if (spec.rate > 0) {
        m_tick->start();
        return;
    }
    while (!m_idle.empty()) {
        const int channel = m_idle.back();
        m_idle.pop_back();
        issue(channel);
    }
}

quint64 LoadGenerator::due() const
{
    return quint64(std::floor(m_spec.rate * double(monotonicNs() - m_startNs) / 1e9));
}

void LoadGenerator::issue(int channel)
{
    InFlight &slot = m_inFlight[std::size_t(channel)];
    slot.busy = true;
    ++m_busy;
    ++m_result.sent;
    HttpRequest request;
    if (m_spec.webhooks) {
        slot.seq = m_nextSeq++;
        slot.sentNs = monotonicNs();
        WebhookFactory::Webhook webhook = m_factory.make(slot.seq, slot.sentNs);
        request.path = QByteArrayLiteral("/webhook");
        request.body = std::move(webhook.body);
        request.signature = std::move(webhook.signature);
    } else {
        slot.seq = 0;
        slot.sentNs = monotonicNs();
        request.path = QByteArrayLiteral("/healthz");
    }
    m_channels[std::size_t(channel)]->send(request);
}

void LoadGenerator::handleResponse(int channel, int status)
{
    InFlight &slot = m_inFlight[std::size_t(channel)];
    if (!slot.busy)
        return;
    slot.busy = false;
    --m_busy;
    const qint64 now = monotonicNs();
    m_lastAnswerNs = now;
    if (status == 200) {
        ++m_result.ok;
        m_result.ackNs.push_back(now - slot.sentNs);
        if (m_spec.webhooks) {
            m_result.ackedSeqs.push_back(slot.seq);
            m_result.ackedSentNs.push_back(slot.sentNs);
        }
    } else {
        if (status == 0)
            ++m_result.transportErrors;
        else
            ++m_result.refused;
        if (m_spec.webhooks)
            m_result.unackedSeqSentNs.emplace_back(slot.seq, slot.sentNs);
    }
    if (!m_running) {
        finishIfIdle();
        return;
    }
    if (m_spec.rate <= 0 || m_result.sent < due())
        issue(channel);
    else
        m_idle.push_back(channel);
}

void LoadGenerator::handleTick()
{
    const quint64 target = due();
    while (m_result.sent < target && !m_idle.empty()) {
        const int channel = m_idle.back();
        m_idle.pop_back();
        issue(channel);
    }
    if (m_result.sent < target)
        m_result.maxBacklog = qMax(m_result.maxBacklog, target - m_result.sent);
}

void LoadGenerator::stopIssuing()
{
    m_running = false;
    m_tick->stop();
    finishIfIdle();
}

void LoadGenerator::finishIfIdle()
{
    if (m_busy > 0)
        return;
    m_result.elapsedNs = m_lastAnswerNs - m_startNs;
    Q_EMIT finished();
}

LoadResult LoadGenerator::takeResult()
{
    return std::exchange(m_result, {});
}

} // namespace Serambi::Bench
