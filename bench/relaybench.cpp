// serambi-relay-bench: webhook throughput and webhook-to-console latency of a serambi-relay,
// with a baseline from the same run (docs/performance.md).
#include "consolepool.h"
#include "loadgenerator.h"
#include "relayprocess.h"
#include "webhookfactory.h"
#include "whatsapp/signature.h"
#include "whatsapp/webhookparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

#include <unistd.h>

namespace {

using namespace Serambi::Bench;

constexpr int ConnectTimeoutMs = 30000;
constexpr int DrainStallMs = 10000;
constexpr int QuietMs = 500;

struct Settings
{
    QString relayBinary;
    QUrl externalUrl;
    QByteArray appSecret = "bench-app-secret";
    QString phoneNumberId = QStringLiteral("106540352242922");
    QString username = QStringLiteral("bench");
    QString password = QStringLiteral("bench-password");
    QString dbSync = QStringLiteral("full");
    QString aiMode;
    bool throughput = true;
    bool latency = true;
    int durationMs = 10000;
    int baselineMs = 3000;
    int connections = 32;
    int consoles = 10;
    double rate = 1000;
    int customers = 300;
    ClientKind client = ClientKind::Raw;
    bool keepData = false;
};

// Runs the event loop until done() holds, polling every few milliseconds; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    bool ok = done();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        ok = done();
        if (ok || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    if (!ok) {
        poll.start(5);
        loop.exec();
    }
    return ok;
}

// Calls f on obj's thread and returns its result.
template<typename F> auto onThread(QObject *obj, F f)
{
    decltype(f()) result{};
    QMetaObject::invokeMethod(
        obj, [&] { result = f(); }, Qt::BlockingQueuedConnection);
    return result;
}

double percentileMs(std::vector<qint64> values, double p)
{
    if (values.empty())
        return 0;
    const auto rank = std::size_t(p / 100.0 * double(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(rank), values.end());
    return double(values[rank]) / 1e6;
}

double maxMs(const std::vector<qint64> &values)
{
    return values.empty() ? 0 : double(*std::max_element(values.begin(), values.end())) / 1e6;
}

// The relay's /metrics counters the report uses (events, commits, write jobs).
struct RelayCounters
{
    double events = 0;
    double commits = 0;
    double jobs = 0;
};

class MetricsClient
{
public:
    explicit MetricsClient(const QUrl &base)
        : m_url(base.resolved(QUrl(QStringLiteral("/metrics"))))
    {}

    std::optional<RelayCounters> fetch()
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(m_url));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return std::nullopt;
        RelayCounters counters;
        const QList<QByteArray> lines = reply->readAll().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype space = line.lastIndexOf(' ');
            if (line.startsWith('#') || space < 0)
                continue;
            const QByteArray name = line.left(space);
            const double value = line.mid(space + 1).toDouble();
            if (name == "serambi_events_published_total")
                counters.events = value;
            else if (name == "serambi_store_commits_total")
                counters.commits = value;
            else if (name == "serambi_store_jobs_total")
                counters.jobs = value;
        }
        return counters;
    }

    // Waits until the relay's writer has had nothing to do for a moment.
    void waitForQuiet()
    {
        double lastJobs = -1;
        QElapsedTimer quiet;
        quiet.start();
        waitUntil(
            [&] {
                const auto counters = fetch();
                const double jobs = counters ? counters->jobs : 0;
                if (jobs != lastJobs) {
                    lastJobs = jobs;
                    quiet.restart();
                }
                return quiet.elapsed() >= QuietMs;
            },
            60000);
    }

private:
    QUrl m_url;
    QNetworkAccessManager m_network;
};

// CPU use of the relay and of the bench over one phase.
class CpuMeter
{
public:
    explicit CpuMeter(qint64 relayPid) : m_relayPid(relayPid) {}

    void start()
    {
        m_startNs = monotonicNs();
        if (m_relayPid > 0)
            m_relay = sampleThreadCpu(m_relayPid);
        m_bench = sampleThreadCpu(getpid());
    }

    QJsonObject stop()
    {
        const qint64 elapsed = monotonicNs() - m_startNs;
        QJsonObject json;
        auto describe = [elapsed](const QHash<qint64, ThreadCpu> &before,
                                  const QHash<qint64, ThreadCpu> &after) {
            const QList<ThreadUse> use = threadUse(before, after, elapsed);
            double total = 0;
            QJsonArray threads;
            for (const ThreadUse &thread : use) {
                total += thread.percent;
                if (thread.percent >= 1)
                    threads.append(QJsonObject{{QLatin1String("name"), thread.name},
                                               {QLatin1String("percent"), qRound(thread.percent)}});
            }
            return QJsonObject{{QLatin1String("percent"), qRound(total)},
                               {QLatin1String("threads"), threads}};
        };
        if (m_relayPid > 0)
            json.insert(QLatin1String("relay"), describe(m_relay, sampleThreadCpu(m_relayPid)));
        json.insert(QLatin1String("bench"), describe(m_bench, sampleThreadCpu(getpid())));
        json.insert(QLatin1String("seconds"), double(elapsed) / 1e9);
        return json;
    }

private:
    qint64 m_relayPid;
    qint64 m_startNs = 0;
    QHash<qint64, ThreadCpu> m_relay;
    QHash<qint64, ThreadCpu> m_bench;
};

QString describeCpu(const QJsonObject &cpu, const QString &who)
{
    const QJsonObject side = cpu.value(who).toObject();
    QStringList threads;
    const QJsonArray list = side.value(QLatin1String("threads")).toArray();
    for (const QJsonValue &thread : list) {
        threads.append(QStringLiteral("%1 %2%").arg(
            thread.toObject().value(QLatin1String("name")).toString(),
            QString::number(thread.toObject().value(QLatin1String("percent")).toInt())));
    }
    return QStringLiteral("%1% (%2)")
        .arg(side.value(QLatin1String("percent")).toInt())
        .arg(threads.join(QStringLiteral(", ")));
}

class Bench
{
public:
    Bench(Settings settings, QTextStream &out) : m_settings(std::move(settings)), m_out(out) {}
    ~Bench();

    int run();

private:
    bool startRelay(QString *error);
    bool connectClients(QString *error);
    QJsonObject measureCodec();
    QJsonObject measureFsync();
    LoadResult drive(const LoadSpec &spec);
    // Waits until every console has seen every acked webhook, or delivery stalls.
    qint64 drainConsoles(std::size_t acked);
    QJsonObject runHealthz();
    QJsonObject runThroughput(double healthzRate, double relayCpuFloorUs);
    QJsonObject runLatency();
    QJsonObject verifyDelivery(std::vector<quint64> acked, const std::vector<ConsoleSamples> &seen);
    void line(const QString &label, const QString &value);

    Settings m_settings;
    QTextStream &m_out;
    quint32 m_runId = QRandomGenerator::global()->generate();
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<RelayProcess> m_relay;
    QUrl m_baseUrl;
    std::unique_ptr<MetricsClient> m_metrics;
    QThread m_loadThread;
    QThread m_consoleThread;
    LoadGenerator *m_load = nullptr;
    ConsolePool *m_consoles = nullptr;
};

Bench::~Bench()
{
    m_loadThread.quit();
    m_consoleThread.quit();
    m_loadThread.wait();
    m_consoleThread.wait();
    m_relay.reset();
}

void Bench::line(const QString &label, const QString &value)
{
    m_out << "  " << label.leftJustified(30) << value << '\n' << Qt::flush;
}

bool Bench::startRelay(QString *error)
{
    if (!m_settings.externalUrl.isEmpty()) {
        m_baseUrl = m_settings.externalUrl;
        return true;
    }
    m_dataDir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/serambi-bench-XXXXXX"));
    m_dataDir->setAutoRemove(!m_settings.keepData);
    if (!m_dataDir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    RelayProcess::Options options;
    options.binary = m_settings.relayBinary;
    options.dataDir = m_dataDir->path();
    options.appSecret = m_settings.appSecret;
    options.phoneNumberId = m_settings.phoneNumberId;
    options.dbSync = m_settings.dbSync;
    options.aiMode = m_settings.aiMode;
    m_relay = std::make_unique<RelayProcess>(options);
    if (!m_relay->addUser(m_settings.username, QStringLiteral("supervisor"), m_settings.password,
                          error) ||
        !m_relay->start(error))
        return false;
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_relay->port()));
    return true;
}

bool Bench::connectClients(QString *error)
{
    WebhookFactory factory(m_settings.appSecret, m_settings.phoneNumberId.toUtf8(),
                           m_settings.customers, m_runId);
    m_load = new LoadGenerator(m_baseUrl.host(), quint16(m_baseUrl.port(80)), m_settings.client,
                               m_settings.connections, factory);
    m_load->moveToThread(&m_loadThread);
    QObject::connect(&m_loadThread, &QThread::finished, m_load, &QObject::deleteLater);
    QUrl agents = m_baseUrl;
    agents.setScheme(m_baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                  : QStringLiteral("ws"));
    agents.setPath(QStringLiteral("/agents"));
    m_consoles = new ConsolePool(agents, m_settings.username, m_settings.password,
                                 m_settings.consoles, m_runId);
    m_consoles->moveToThread(&m_consoleThread);
    QObject::connect(&m_consoleThread, &QThread::finished, m_consoles, &QObject::deleteLater);
    m_loadThread.start();
    m_consoleThread.start();

    bool loadOpen = false;
    bool consolesOpen = m_settings.consoles == 0;
    QObject::connect(
        m_load, &LoadGenerator::opened, m_load, [&loadOpen] { loadOpen = true; },
        Qt::DirectConnection);
    QObject::connect(
        m_consoles, &ConsolePool::opened, m_consoles, [&consolesOpen] { consolesOpen = true; },
        Qt::DirectConnection);
    QMetaObject::invokeMethod(m_load, [load = m_load] { load->open(); });
    QMetaObject::invokeMethod(m_consoles, [pool = m_consoles] { pool->open(); });
    const bool ok = waitUntil(
        [&] {
            return onThread(m_load, [&loadOpen] { return loadOpen; }) &&
                   onThread(m_consoles, [&consolesOpen] { return consolesOpen; });
        },
        ConnectTimeoutMs);
    if (!ok) {
        const QString consoleError =
            onThread(m_consoles, [pool = m_consoles] { return pool->firstError(); });
        *error = QStringLiteral("clients did not connect in time%1")
                     .arg(consoleError.isEmpty() ? QString() : QStringLiteral(": ") + consoleError);
    }
    return ok;
}

QJsonObject Bench::measureCodec()
{
    constexpr int Count = 20000;
    const WebhookFactory factory(m_settings.appSecret, m_settings.phoneNumberId.toUtf8(),
                                 m_settings.customers, m_runId ^ 0xffffffffU);
    std::vector<WebhookFactory::Webhook> webhooks;
    webhooks.reserve(Count);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Count; ++i)
        webhooks.push_back(factory.make(quint64(i), monotonicNs()));
    const double makeUs = double(clock.nsecsElapsed()) / 1e3 / Count;
    clock.restart();
    int parsed = 0;
    for (const auto &webhook : webhooks) {
        if (Serambi::Relay::verifyWebhookSignature(webhook.body, webhook.signature,
                                                   m_settings.appSecret) &&
            Serambi::Relay::parseWebhook(webhook.body))
            ++parsed;
    }
    const double verifyUs = double(clock.nsecsElapsed()) / 1e3 / Count;
    qsizetype bytes = 0;
    for (const auto &webhook : webhooks)
        bytes += webhook.body.size();
    return {{QLatin1String("make_sign_us"), makeUs},
            {QLatin1String("verify_parse_us"), verifyUs},
            {QLatin1String("verified"), parsed == Count},
            {QLatin1String("body_bytes"), double(bytes) / Count}};
}

// How long the disk under the data directory takes to make a small append durable: the floor
// under every group commit in SERAMBI_DB_SYNC=full.
QJsonObject Bench::measureFsync()
{
    constexpr int Count = 50;
    const QString dir = m_dataDir ? m_dataDir->path() : QDir::tempPath();
    QFile file(dir + QStringLiteral("/fsync-probe"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    const QByteArray page(4096, 'x');
    std::vector<qint64> samples;
    for (int i = 0; i < Count; ++i) {
        const qint64 start = monotonicNs();
        file.write(page);
        file.flush();
        ::fdatasync(file.handle());
        samples.push_back(monotonicNs() - start);
    }
    file.remove();
    return {{QLatin1String("fdatasync_p50_ms"), percentileMs(samples, 50)},
            {QLatin1String("fdatasync_p99_ms"), percentileMs(samples, 99)}};
}

LoadResult Bench::drive(const LoadSpec &spec)
{
    bool done = false;
    const auto connection = QObject::connect(
        m_load, &LoadGenerator::finished, m_load, [&done] { done = true; }, Qt::DirectConnection);
    QMetaObject::invokeMethod(m_load, [load = m_load, spec] { load->run(spec); });
    waitUntil([&] { return onThread(m_load, [&done] { return done; }); }, spec.durationMs + 120000);
    QObject::disconnect(connection);
    return onThread(m_load, [load = m_load] { return load->takeResult(); });
}

qint64 Bench::drainConsoles(std::size_t acked)
{
    const qint64 start = monotonicNs();
    quint64 lastTotal = 0;
    QElapsedTimer stall;
    stall.start();
    waitUntil(
        [&] {
            const auto counts =
                onThread(m_consoles, [pool = m_consoles] { return pool->messageCounts(); });
            quint64 total = 0;
            bool complete = true;
            for (quint64 count : counts) {
                total += count;
                complete = complete && count >= acked;
            }
            if (total != lastTotal) {
                lastTotal = total;
                stall.restart();
            }
            return complete || stall.elapsed() > DrainStallMs;
        },
        std::numeric_limits<int>::max());
    return monotonicNs() - start;
}

QJsonObject Bench::verifyDelivery(std::vector<quint64> acked,
                                  const std::vector<ConsoleSamples> &seen)
{
    std::sort(acked.begin(), acked.end());
    quint64 missing = 0;
    quint64 duplicates = 0;
    quint64 delivered = 0;
    for (const ConsoleSamples &console : seen) {
        std::vector<quint64> seqs = console.seqs;
        std::sort(seqs.begin(), seqs.end());
        const auto unique = std::unique(seqs.begin(), seqs.end());
        duplicates += quint64(seqs.end() - unique);
        seqs.erase(unique, seqs.end());
        std::vector<quint64> absent;
        std::set_difference(acked.begin(), acked.end(), seqs.begin(), seqs.end(),
                            std::back_inserter(absent));
        missing += absent.size();
        delivered += quint64(acked.size() - absent.size());
    }
    return {{QLatin1String("delivered"), double(delivered)},
            {QLatin1String("missing"), double(missing)},
            {QLatin1String("duplicates"), double(duplicates)}};
}

QJsonObject Bench::runHealthz()
{
    LoadSpec spec;
    spec.webhooks = false;
    spec.durationMs = m_settings.baselineMs;
    CpuMeter cpu(m_relay ? m_relay->pid() : 0);
    cpu.start();
    const LoadResult result = drive(spec);
    const QJsonObject usage = cpu.stop();
    const double rate = double(result.ok) / (double(result.elapsedNs) / 1e9);
    line(QStringLiteral("GET /healthz"), QStringLiteral("%1 req/s over %2 connections (%3 errors)")
                                             .arg(qRound(rate))
                                             .arg(m_settings.connections)
                                             .arg(result.refused + result.transportErrors));
    if (m_relay)
        line(QStringLiteral("  relay CPU"), describeCpu(usage, QStringLiteral("relay")));
    line(QStringLiteral("  bench CPU"), describeCpu(usage, QStringLiteral("bench")));
    return {{QLatin1String("healthz_per_s"), rate},
            {QLatin1String("healthz_ack_p50_ms"), percentileMs(result.ackNs, 50)},
            {QLatin1String("healthz_ack_p99_ms"), percentileMs(result.ackNs, 99)},
            {QLatin1String("cpu"), usage}};
}

QJsonObject Bench::runThroughput(double healthzRate, double relayCpuFloorUs)
{
    m_out << "throughput: as fast as the relay acks, " << m_settings.durationMs / 1000.0 << " s, "
          << m_settings.connections << " connections, " << m_settings.consoles << " consoles\n";
    const auto before = m_metrics->fetch().value_or(RelayCounters{});
    onThread(m_consoles, [pool = m_consoles] { return pool->takeSamples(); });
    LoadSpec spec;
    spec.durationMs = m_settings.durationMs;
    CpuMeter cpu(m_relay ? m_relay->pid() : 0);
    cpu.start();
    const LoadResult result = drive(spec);
    const qint64 drainNs = drainConsoles(result.ackedSeqs.size());
    const QJsonObject usage = cpu.stop();
    const auto seen = onThread(m_consoles, [pool = m_consoles] { return pool->takeSamples(); });
    const auto after = m_metrics->fetch().value_or(RelayCounters{});
    const QJsonObject delivery = verifyDelivery(result.ackedSeqs, seen);

    const double seconds = double(result.elapsedNs) / 1e9;
    const double rate = double(result.ok) / seconds;
    const double relayPercent =
        usage.value(QLatin1String("relay")).toObject().value(QLatin1String("percent")).toDouble();
    const double relayUs = result.ok ? relayPercent / 100.0 *
                                           usage.value(QLatin1String("seconds")).toDouble() * 1e6 /
                                           double(result.ok)
                                     : 0;
    const double commits = after.commits - before.commits;
    const double jobs = after.jobs - before.jobs;
    line(QStringLiteral("webhooks acked"),
         QStringLiteral("%1/s (%2 in %3 s; %4 refused, %5 transport errors)")
             .arg(qRound(rate))
             .arg(result.ok)
             .arg(seconds, 0, 'f', 1)
             .arg(result.refused)
             .arg(result.transportErrors));
    line(QStringLiteral("  vs GET /healthz"),
         QStringLiteral("%1 x").arg(rate / healthzRate, 0, 'f', 3));
    line(QStringLiteral("ack latency"), QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms")
                                            .arg(percentileMs(result.ackNs, 50), 0, 'f', 2)
                                            .arg(percentileMs(result.ackNs, 99), 0, 'f', 2)
                                            .arg(maxMs(result.ackNs), 0, 'f', 2));
    line(QStringLiteral("delivered to consoles"),
         QStringLiteral("%1 of %2 (%3 consoles x %4 acked); missing %5, duplicates %6; done %7 ms "
                        "after the last ack")
             .arg(delivery.value(QLatin1String("delivered")).toDouble(), 0, 'f', 0)
             .arg(double(result.ok) * double(m_settings.consoles), 0, 'f', 0)
             .arg(m_settings.consoles)
             .arg(result.ok)
             .arg(delivery.value(QLatin1String("missing")).toDouble(), 0, 'f', 0)
             .arg(delivery.value(QLatin1String("duplicates")).toDouble(), 0, 'f', 0)
             .arg(drainNs / 1000000));
    if (commits > 0)
        line(QStringLiteral("group commit"),
             QStringLiteral("%1 commits, %2 write jobs per commit, %3 events published")
                 .arg(commits, 0, 'f', 0)
                 .arg(jobs / commits, 0, 'f', 1)
                 .arg(after.events - before.events, 0, 'f', 0));
    if (m_relay) {
        line(QStringLiteral("relay CPU"), describeCpu(usage, QStringLiteral("relay")));
        line(QStringLiteral("  per webhook"),
             QStringLiteral("%1 us (verify+parse alone: %2 us, %3 x)")
                 .arg(relayUs, 0, 'f', 1)
                 .arg(relayCpuFloorUs, 0, 'f', 1)
                 .arg(relayUs / relayCpuFloorUs, 0, 'f', 1));
    }
    line(QStringLiteral("bench CPU"), describeCpu(usage, QStringLiteral("bench")));
    return {{QLatin1String("webhooks_per_s"), rate},
            {QLatin1String("acked"), double(result.ok)},
            {QLatin1String("refused"), double(result.refused)},
            {QLatin1String("transport_errors"), double(result.transportErrors)},
            {QLatin1String("seconds"), seconds},
            {QLatin1String("ratio_to_healthz"), rate / healthzRate},
            {QLatin1String("ack_p50_ms"), percentileMs(result.ackNs, 50)},
            {QLatin1String("ack_p99_ms"), percentileMs(result.ackNs, 99)},
            {QLatin1String("delivered"), delivery.value(QLatin1String("delivered"))},
            {QLatin1String("missing"), delivery.value(QLatin1String("missing"))},
            {QLatin1String("duplicates"), delivery.value(QLatin1String("duplicates"))},
            {QLatin1String("drain_ms"), double(drainNs) / 1e6},
            {QLatin1String("commits"), commits},
            {QLatin1String("jobs_per_commit"), commits > 0 ? jobs / commits : 0},
            {QLatin1String("relay_cpu_us_per_webhook"), relayUs},
            {QLatin1String("cpu"), usage}};
}

QJsonObject Bench::runLatency()
{
    m_out << "latency: " << m_settings.rate << " webhooks/s for " << m_settings.durationMs / 1000.0
          << " s, " << m_settings.connections << " connections, " << m_settings.consoles
          << " consoles\n";
    onThread(m_consoles, [pool = m_consoles] { return pool->takeSamples(); });
    LoadSpec spec;
    spec.rate = m_settings.rate;
    spec.durationMs = m_settings.durationMs;
    CpuMeter cpu(m_relay ? m_relay->pid() : 0);
    cpu.start();
    const LoadResult result = drive(spec);
    const qint64 drainNs = drainConsoles(result.ackedSeqs.size());
    const QJsonObject usage = cpu.stop();
    const auto seen = onThread(m_consoles, [pool = m_consoles] { return pool->takeSamples(); });
    const QJsonObject delivery = verifyDelivery(result.ackedSeqs, seen);
    std::vector<qint64> latencies;
    for (const ConsoleSamples &console : seen)
        latencies.insert(latencies.end(), console.latencyNs.begin(), console.latencyNs.end());
    const double achieved = double(result.ok) / (double(result.elapsedNs) / 1e9);
    const double p50 = percentileMs(latencies, 50);
    const double p99 = percentileMs(latencies, 99);
    const double p999 = percentileMs(latencies, 99.9);
    const double worst = maxMs(latencies);
    line(QStringLiteral("webhooks acked"),
         QStringLiteral("%1 (%2/s achieved; %3 refused, %4 transport errors; most behind "
                        "schedule %5)")
             .arg(result.ok)
             .arg(qRound(achieved))
             .arg(result.refused)
             .arg(result.transportErrors)
             .arg(result.maxBacklog));
    line(QStringLiteral("webhook -> console"),
         QStringLiteral("p50 %1 ms, p99 %2 ms, p99.9 %3 ms, max %4 ms (%5 samples)")
             .arg(p50, 0, 'f', 2)
             .arg(p99, 0, 'f', 2)
             .arg(p999, 0, 'f', 2)
             .arg(worst, 0, 'f', 2)
             .arg(latencies.size()));
    line(QStringLiteral("ack latency"), QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms")
                                            .arg(percentileMs(result.ackNs, 50), 0, 'f', 2)
                                            .arg(percentileMs(result.ackNs, 99), 0, 'f', 2)
                                            .arg(maxMs(result.ackNs), 0, 'f', 2));
    line(QStringLiteral("delivered to consoles"),
         QStringLiteral("missing %1, duplicates %2")
             .arg(delivery.value(QLatin1String("missing")).toDouble(), 0, 'f', 0)
             .arg(delivery.value(QLatin1String("duplicates")).toDouble(), 0, 'f', 0));
    if (m_relay)
        line(QStringLiteral("relay CPU"), describeCpu(usage, QStringLiteral("relay")));
    line(QStringLiteral("bench CPU"), describeCpu(usage, QStringLiteral("bench")));
    return {{QLatin1String("rate"), m_settings.rate},
            {QLatin1String("achieved_per_s"), achieved},
            {QLatin1String("acked"), double(result.ok)},
            {QLatin1String("refused"), double(result.refused)},
            {QLatin1String("transport_errors"), double(result.transportErrors)},
            {QLatin1String("max_backlog"), double(result.maxBacklog)},
            {QLatin1String("p50_ms"), p50},
            {QLatin1String("p99_ms"), p99},
            {QLatin1String("p999_ms"), p999},
            {QLatin1String("max_ms"), worst},
            {QLatin1String("ack_p50_ms"), percentileMs(result.ackNs, 50)},
            {QLatin1String("ack_p99_ms"), percentileMs(result.ackNs, 99)},
            {QLatin1String("missing"), delivery.value(QLatin1String("missing"))},
            {QLatin1String("duplicates"), delivery.value(QLatin1String("duplicates"))},
            {QLatin1String("drain_ms"), double(drainNs) / 1e6},
            {QLatin1String("cpu"), usage}};
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
        for (const QByteArray &text : lines) {
            if (text.startsWith("model name"))
                return QString::fromUtf8(text.mid(text.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

int Bench::run()
{
    const QJsonObject machine{{QLatin1String("cpu"), cpuModel()},
                              {QLatin1String("cores"), QThread::idealThreadCount()},
                              {QLatin1String("kernel"), QSysInfo::kernelVersion()},
                              {QLatin1String("qt"), QLatin1String(qVersion())}};
    m_out << "serambi-relay-bench " << SERAMBI_VERSION << " on " << cpuModel() << ", "
          << QThread::idealThreadCount() << " cores, Linux " << QSysInfo::kernelVersion() << ", Qt "
          << qVersion() << '\n';

    QString error;
    if (!startRelay(&error) || !connectClients(&error)) {
        m_out << "serambi-relay-bench: " << error << '\n';
        return 1;
    }
    m_metrics = std::make_unique<MetricsClient>(m_baseUrl);
    if (m_relay)
        m_out << "relay " << m_settings.relayBinary << " (pid " << m_relay->pid() << ") at "
              << m_baseUrl.toString() << ", data " << m_dataDir->path() << ", sync "
              << m_settings.dbSync << '\n';
    else
        m_out << "relay at " << m_baseUrl.toString() << '\n';
    m_out << "client: "
          << (m_settings.client == ClientKind::Raw ? "raw HTTP/1.1" : "QNetworkAccessManager")
          << ", " << m_settings.connections << " keep-alive connections; " << m_settings.consoles
          << " supervisor consoles; " << m_settings.customers << " customers\n";

    m_out << "baseline\n";
    QJsonObject baseline = measureCodec();
    line(QStringLiteral("make+sign (bench side)"),
         QStringLiteral("%1 us per webhook, %2 bytes average body")
             .arg(baseline.value(QLatin1String("make_sign_us")).toDouble(), 0, 'f', 1)
             .arg(qRound(baseline.value(QLatin1String("body_bytes")).toDouble())));
    const double floorUs = baseline.value(QLatin1String("verify_parse_us")).toDouble();
    line(QStringLiteral("verify+parse (relay code)"),
         QStringLiteral("%1 us per webhook in-process = %2/s on one core")
             .arg(floorUs, 0, 'f', 1)
             .arg(qRound(1e6 / floorUs)));
    const QJsonObject fsync = measureFsync();
    line(QStringLiteral("4 KiB append + fdatasync"),
         QStringLiteral("p50 %1 ms, p99 %2 ms (the disk under the data directory)")
             .arg(fsync.value(QLatin1String("fdatasync_p50_ms")).toDouble(), 0, 'f', 2)
             .arg(fsync.value(QLatin1String("fdatasync_p99_ms")).toDouble(), 0, 'f', 2));
    for (auto it = fsync.begin(); it != fsync.end(); ++it)
        baseline.insert(it.key(), it.value());
    const QJsonObject healthz = runHealthz();
    for (auto it = healthz.begin(); it != healthz.end(); ++it)
        baseline.insert(it.key(), it.value());
    const double healthzRate = healthz.value(QLatin1String("healthz_per_s")).toDouble();

    QJsonObject report{{QLatin1String("bench"), QLatin1String("serambi-relay-bench")},
                       {QLatin1String("version"), QLatin1String(SERAMBI_VERSION)},
                       {QLatin1String("machine"), machine},
                       {QLatin1String("connections"), m_settings.connections},
                       {QLatin1String("consoles"), m_settings.consoles},
                       {QLatin1String("customers"), m_settings.customers},
                       {QLatin1String("client"), m_settings.client == ClientKind::Raw
                                                     ? QLatin1String("raw")
                                                     : QLatin1String("qnam")},
                       {QLatin1String("db_sync"), m_relay ? m_settings.dbSync : QString()},
                       {QLatin1String("baseline"), baseline}};
    bool delivered = true;
    if (m_settings.throughput) {
        m_metrics->waitForQuiet();
        const QJsonObject throughput = runThroughput(healthzRate, floorUs);
        delivered = delivered && throughput.value(QLatin1String("missing")).toDouble() == 0;
        report.insert(QLatin1String("throughput"), throughput);
    }
    if (m_settings.latency) {
        m_metrics->waitForQuiet();
        const QJsonObject latency = runLatency();
        delivered = delivered && latency.value(QLatin1String("missing")).toDouble() == 0;
        report.insert(QLatin1String("latency"), latency);
    }
    const QString consoleError =
        onThread(m_consoles, [pool = m_consoles] { return pool->firstError(); });
    if (!consoleError.isEmpty())
        m_out << "a console failed: " << consoleError << '\n';
    if (!delivered)
        m_out << "DELIVERY INCOMPLETE: some acked webhooks never reached every console\n";
    report.insert(QLatin1String("ok"), delivered && consoleError.isEmpty());
    m_out << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n' << Qt::flush;
    return delivered && consoleError.isEmpty() ? 0 : 3;
}

QString defaultRelayBinary()
{
    const QString besideBuild =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../relay/serambi-relay");
    if (QFile::exists(besideBuild))
        return QDir::cleanPath(besideBuild);
    return QStringLiteral(SERAMBI_RELAY_BINARY);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("serambi-relay-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SERAMBI_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures serambi-relay: webhooks/s acked and delivered to every console, and "
        "webhook-to-console latency at a steady rate. Starts its own relay unless --url."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption relayOption(QStringLiteral("relay"),
                                         QStringLiteral("serambi-relay binary to start"),
                                         QStringLiteral("path"), defaultRelayBinary());
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("use a running relay at this URL instead (needs --app-secret, "
                       "--phone-number-id and a supervisor's --username/--password)"),
        QStringLiteral("url"));
    const QCommandLineOption secretOption(QStringLiteral("app-secret"),
                                          QStringLiteral("app secret of the running relay"),
                                          QStringLiteral("secret"));
    const QCommandLineOption phoneOption(QStringLiteral("phone-number-id"),
                                         QStringLiteral("phone number ID to put in webhooks"),
                                         QStringLiteral("digits"));
    const QCommandLineOption userOption(QStringLiteral("username"), QStringLiteral("console login"),
                                        QStringLiteral("name"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password"), QStringLiteral("console password"), QStringLiteral("password"));
    const QCommandLineOption modeOption(QStringLiteral("mode"),
                                        QStringLiteral("throughput, latency or both"),
                                        QStringLiteral("mode"), QStringLiteral("both"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("seconds per mode"), QStringLiteral("s"),
                                            QStringLiteral("10"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline-duration"),
                                            QStringLiteral("seconds of GET /healthz load"),
                                            QStringLiteral("s"), QStringLiteral("3"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
                                               QStringLiteral("concurrent HTTP connections"),
                                               QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption consolesOption(QStringLiteral("consoles"),
                                            QStringLiteral("subscribed WebSocket consoles"),
                                            QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("webhooks/s in latency mode"),
                                        QStringLiteral("r"), QStringLiteral("1000"));
    const QCommandLineOption customersOption(QStringLiteral("customers"),
                                             QStringLiteral("distinct customers"),
                                             QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption clientOption(QStringLiteral("client"),
                                          QStringLiteral("raw (own HTTP/1.1 client) or qnam"),
                                          QStringLiteral("kind"), QStringLiteral("raw"));
    const QCommandLineOption syncOption(QStringLiteral("db-sync"),
                                        QStringLiteral("SERAMBI_DB_SYNC for the started relay"),
                                        QStringLiteral("full|normal"), QStringLiteral("full"));
    const QCommandLineOption aiOption(QStringLiteral("ai-mode"),
                                      QStringLiteral("SERAMBI_AI_MODE for the started relay"),
                                      QStringLiteral("auto|draft|off"));
    const QCommandLineOption keepOption(QStringLiteral("keep-data"),
                                        QStringLiteral("keep the relay's data directory"));
    parser.addOptions({relayOption, urlOption, secretOption, phoneOption, userOption,
                       passwordOption, modeOption, durationOption, baselineOption,
                       connectionsOption, consolesOption, rateOption, customersOption, clientOption,
                       syncOption, aiOption, keepOption});
    parser.process(app);

    Settings settings;
    settings.relayBinary = parser.value(relayOption);
    if (parser.isSet(urlOption)) {
        settings.externalUrl = QUrl(parser.value(urlOption));
        if (!settings.externalUrl.isValid() || settings.externalUrl.host().isEmpty() ||
            !parser.isSet(secretOption) || !parser.isSet(userOption) ||
            !parser.isSet(passwordOption)) {
            err << "serambi-relay-bench: --url needs a valid URL, --app-secret, --username and "
                   "--password\n";
            return 2;
        }
    }
    if (parser.isSet(secretOption))
        settings.appSecret = parser.value(secretOption).toUtf8();
    if (parser.isSet(phoneOption))
        settings.phoneNumberId = parser.value(phoneOption);
    if (parser.isSet(userOption))
        settings.username = parser.value(userOption);
    if (parser.isSet(passwordOption))
        settings.password = parser.value(passwordOption);
    const QString mode = parser.value(modeOption);
    settings.throughput = mode == QLatin1String("throughput") || mode == QLatin1String("both");
    settings.latency = mode == QLatin1String("latency") || mode == QLatin1String("both");
    const QString client = parser.value(clientOption);
    settings.client = client == QLatin1String("qnam") ? ClientKind::Qnam : ClientKind::Raw;
    settings.dbSync = parser.value(syncOption);
    settings.aiMode = parser.value(aiOption);
    settings.keepData = parser.isSet(keepOption);
    bool numbersOk = true;
    auto number = [&](const QCommandLineOption &option, double min) {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        numbersOk = numbersOk && ok && value >= min;
        return value;
    };
    settings.durationMs = int(number(durationOption, 0.1) * 1000);
    settings.baselineMs = int(number(baselineOption, 0.1) * 1000);
    settings.connections = int(number(connectionsOption, 1));
    settings.consoles = int(number(consolesOption, 0));
    settings.rate = number(rateOption, 1);
    settings.customers = int(number(customersOption, 1));
    if (!numbersOk || (!settings.throughput && !settings.latency) ||
        (client != QLatin1String("raw") && client != QLatin1String("qnam")) ||
        (settings.dbSync != QLatin1String("full") && settings.dbSync != QLatin1String("normal"))) {
        err << "serambi-relay-bench: invalid option value (try --help)\n";
        return 2;
    }

    Bench bench(settings, out);
    return bench.run();
}
