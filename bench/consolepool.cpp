#include "consolepool.h"

#include "loadgenerator.h"
#include "protocol/frame.h"
#include "protocol/version.h"
#include "webhookfactory.h"

#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

namespace Serambi::Bench {

namespace {
const QLatin1String MessageCreatedKind("\"kind\":\"message.created\"");
const QLatin1String WamidKey("\"wamid\":\"");
} // namespace

ConsolePool::ConsolePool(const QUrl &url, const QString &username, const QString &password,
                         int count, quint32 runId, QObject *parent)
    : QObject(parent), m_url(url), m_username(username), m_password(password), m_runId(runId)
{
    m_consoles.resize(std::size_t(count));
    for (std::size_t i = 0; i < m_consoles.size(); ++i) {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        m_consoles[i].socket = socket;
        connect(socket, &QWebSocket::connected, this, [this, i] {
            Console &console = m_consoles[i];
            console.stage = Stage::AwaitingWelcome;
            const QJsonObject login{{QLatin1String("username"), m_username},
                                    {QLatin1String("password"), m_password}};
            console.socket->sendTextMessage(QString::fromUtf8(Protocol::encodeFrame(
                {{QLatin1String("type"), QLatin1String(Protocol::FrameType::Hello)},
                 {QLatin1String("v"), Protocol::Version},
                 {QLatin1String("login"), login}})));
        });
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, i](const QString &text) { handleText(i, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, i] {
            if (m_consoles[i].retrying)
                return;
            fail(
                i,
                QStringLiteral("closed by the relay: %1").arg(m_consoles[i].socket->closeReason()));
        });
    }
}

void ConsolePool::open()
{
    for (Console &console : m_consoles)
        console.socket->open(m_url);
}

void ConsolePool::handleText(std::size_t index, const QString &text)
{
    const qint64 arrivedNs = monotonicNs();
    Console &console = m_consoles[index];
    ++console.samples.frames;
    if (console.stage == Stage::Subscribed) {
        if (!text.contains(MessageCreatedKind))
            return;
        const qsizetype key = text.indexOf(WamidKey);
        if (key < 0)
            return;
        const qsizetype start = key + WamidKey.size();
        const qsizetype end = text.indexOf(QLatin1Char('"'), start);
        quint64 seq = 0;
        qint64 sentNs = 0;
        if (end > start && WebhookFactory::parseWamid(QStringView(text).mid(start, end - start),
                                                      m_runId, &seq, &sentNs)) {
            console.samples.seqs.push_back(seq);
            console.samples.latencyNs.push_back(arrivedNs - sentNs);
        }
        return;
    }
    const auto frame = Protocol::decodeFrame(text.toUtf8());
    const QString type = frame ? frame->value(QLatin1String("type")).toString() : QString();
    if (type == QLatin1String(Protocol::FrameType::Error) &&
        frame->value(QLatin1String("code")).toString() == QLatin1String("auth_throttled")) {
        // The relay checks a few passwords at a time: a pool logging in at once waits its turn.
        console.retrying = true;
        console.stage = Stage::Connecting;
        const int seconds = std::max(1, frame->value(QLatin1String("retry_after")).toInt());
        QTimer::singleShot(seconds * 1000, this, [this, index] {
            m_consoles[index].retrying = false;
            m_consoles[index].socket->open(m_url);
        });
        return;
    }
    if (type == QLatin1String(Protocol::FrameType::Error)) {
        fail(index,
             QStringLiteral("relay error %1").arg(frame->value(QLatin1String("code")).toString()));
        return;
    }
    if (console.stage == Stage::AwaitingWelcome &&
        type == QLatin1String(Protocol::FrameType::Welcome)) {
        console.stage = Stage::AwaitingSnapshot;
        console.socket->sendTextMessage(QString::fromUtf8(Protocol::encodeFrame(
            {{QLatin1String("type"), QLatin1String(Protocol::FrameType::Subscribe)},
             {QLatin1String("since"), 0}})));
    } else if (console.stage == Stage::AwaitingSnapshot &&
               (type == QLatin1String(Protocol::FrameType::Snapshot) ||
                type == QLatin1String(Protocol::FrameType::Subscribed))) {
        console.stage = Stage::Subscribed;
        if (++m_subscribed == int(m_consoles.size()))
            Q_EMIT opened();
    }
}

void ConsolePool::fail(std::size_t index, const QString &error)
{
    Console &console = m_consoles[index];
    if (console.stage == Stage::Failed)
        return;
    if (console.stage == Stage::Subscribed)
        --m_subscribed;
    console.stage = Stage::Failed;
    console.samples.error = error;
    Q_EMIT failed(error);
}

int ConsolePool::subscribedCount() const
{
    return m_subscribed;
}

std::vector<quint64> ConsolePool::messageCounts() const
{
    std::vector<quint64> counts;
    for (const Console &console : m_consoles)
        counts.push_back(console.samples.seqs.size());
    return counts;
}

std::vector<ConsoleSamples> ConsolePool::takeSamples()
{
    std::vector<ConsoleSamples> samples;
    for (Console &console : m_consoles) {
        samples.push_back(std::move(console.samples));
        console.samples = {};
        console.samples.error = samples.back().error;
    }
    return samples;
}

QString ConsolePool::firstError() const
{
    for (const Console &console : m_consoles) {
        if (!console.samples.error.isEmpty())
            return console.samples.error;
    }
    return {};
}

} // namespace Serambi::Bench
