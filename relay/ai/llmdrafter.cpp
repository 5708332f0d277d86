#include "llmdrafter.h"

#include "logging/relaylogging.h"
#include "ssedecoder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace Serambi::Relay {

struct LlmDrafter::Call
{
    DraftRequest request;
    KbDecision decision;
    std::function<void(const QString &)> partial;
    std::function<void(const DraftResult &)> done;
    QByteArray body;
    int attempts = 0;
    QPointer<QNetworkReply> reply;
    SseDecoder decoder;
    QString content;
    bool complete = false; // [DONE] or a finish_reason arrived
    bool malformed = false;
    bool timedOut = false;
    qint64 tokens = 0;
    QElapsedTimer sincePartial;
};

LlmDrafter::LlmDrafter(LlmOptions options, QNetworkAccessManager *network, KbDrafter *offline,
                       QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(network), m_offline(offline)
{}

LlmDrafter::~LlmDrafter() = default;

void LlmDrafter::draft(const DraftRequest &request, std::function<void(const DraftResult &)> done)
{
    draftStreaming(request, {}, std::move(done));
}

void LlmDrafter::draftStreaming(const DraftRequest &request,
                                std::function<void(const QString &)> partial,
                                std::function<void(const DraftResult &)> done)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->decision = m_offline->decide(request.text, request.history);
    call->partial = std::move(partial);
    call->done = std::move(done);
    if (!call->decision.handoffReason.isEmpty()) {
        call->done(call->decision.draft);
        return;
    }
    const QJsonObject body{
        {QLatin1String("model"), m_options.model},
        {QLatin1String("messages"),
         LlmPrompt::messages(call->decision.address, call->decision.hits,
                             m_history.value(request.conversationId), request.text)},
        {QLatin1String("stream"), true},
        {QLatin1String("stream_options"), QJsonObject{{QLatin1String("include_usage"), true}}},
        {QLatin1String("temperature"), 0.2}};
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    remember(request.conversationId, QStringLiteral("user"), request.text);
    m_waiting.push_back(call);
    pump();
    if (!call->reply) {
        // Waiting: after llm_timeout_ms without a free connection (the provider is slow for
        // everyone) the offline draft is used, as for a request that took too long.
        std::weak_ptr<Call> weak = call;
        QTimer::singleShot(m_options.timeoutMs, this, [this, weak] {
            const std::shared_ptr<Call> waiting = weak.lock();
            const auto it = std::find(m_waiting.begin(), m_waiting.end(), waiting);
            if (!waiting || it == m_waiting.end())
                return;
            m_waiting.erase(it);
            fallBack(waiting,
                     QStringLiteral("no free connection within %1 ms").arg(m_options.timeoutMs));
        });
    }
}

void LlmDrafter::pump()
{
    while (m_inFlight < std::clamp(m_options.maxConcurrent, 1, 6) && !m_waiting.empty()) {
        const std::shared_ptr<Call> call = m_waiting.front();
        m_waiting.pop_front();
        ++m_inFlight;
        send(call);
    }
}

void LlmDrafter::send(const std::shared_ptr<Call> &call)
{
    ++call->attempts;
    QUrl url = m_options.baseUrl;
    url.setPath(url.path() + QStringLiteral("/chat/completions"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream"));
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_options.apiKey);
    for (const auto &header : std::as_const(m_options.headers))
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network->post(request, call->body);
    call->reply = reply;
    call->decoder = SseDecoder();
    call->content.clear();
    call->complete = false;
    call->malformed = false;
    connect(reply, &QNetworkReply::readyRead, this, [this, call] { read(call); });
    connect(reply, &QNetworkReply::finished, this, [this, call] { finish(call); });
    // Counted from now: the request goes out at once, the drafter's own queue having kept the
    // connections to the provider below Qt's limit.
    QTimer::singleShot(m_options.timeoutMs, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
}

void LlmDrafter::read(const std::shared_ptr<Call> &call)
{
    QNetworkReply *reply = call->reply;
    const QByteArray bytes = reply->readAll();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200 ||
        call->malformed)
        return;
    for (const QByteArray &data : call->decoder.feed(bytes)) {
        if (data.trimmed() == "[DONE]") {
            call->complete = true;
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            call->malformed = true;
            reply->abort();
            return;
        }
        const QJsonObject chunk = document.object();
        const QJsonObject usage = chunk.value(QLatin1String("usage")).toObject();
        if (!usage.isEmpty())
            call->tokens = usage.value(QLatin1String("total_tokens")).toInteger();
        const QJsonObject choice =
            chunk.value(QLatin1String("choices")).toArray().first().toObject();
        call->content += choice.value(QLatin1String("delta"))
                             .toObject()
                             .value(QLatin1String("content"))
                             .toString();
        if (!choice.value(QLatin1String("finish_reason")).toString().isEmpty())
            call->complete = true;
    }
    if (call->partial && !call->content.isEmpty() &&
        (!call->sincePartial.isValid() ||
         call->sincePartial.elapsed() >= m_options.streamIntervalMs)) {
        call->sincePartial.start();
        call->partial(LlmPrompt::visibleText(call->content));
    }
}

void LlmDrafter::finish(const std::shared_ptr<Call> &call)
{
    QNetworkReply *reply = call->reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!call->timedOut && !call->malformed && (status == 429 || status >= 500) &&
        call->attempts == 1) {
        qCInfo(lcAi) << "LLM provider answered" << status << "; retrying once";
        QTimer::singleShot(m_options.retryDelayMs, this, [this, call] { send(call); });
        return; // the retry keeps the call's place among those in flight
    }
    conclude(call, status, reply->errorString());
    --m_inFlight;
    pump();
}

void LlmDrafter::conclude(const std::shared_ptr<Call> &call, int status,
                          const QString &networkError)
{
    if (call->timedOut)
        return fallBack(call,
                        QStringLiteral("no complete answer within %1 ms").arg(m_options.timeoutMs));
    if (call->malformed)
        return fallBack(call, QStringLiteral("the event stream was not valid JSON"));
    if (status != 200)
        return fallBack(call, status ? QStringLiteral("HTTP status %1").arg(status) : networkError);
    if (!call->complete)
        return fallBack(call, QStringLiteral("the event stream ended before [DONE]"));
    const LlmAnswer answer = LlmPrompt::parse(call->content);
    if (answer.text.isEmpty())
        return fallBack(call, QStringLiteral("the answer was empty"));

    remember(call->request.conversationId, QStringLiteral("assistant"), answer.text);
    DraftResult result;
    result.text = answer.text;
    result.tokens = call->tokens;
    for (const KbHit &hit : std::as_const(call->decision.hits))
        if (answer.sources.contains(hit.article.id))
            result.sources.append(hit.article.id);
    result.abstained = answer.handoff || result.sources.isEmpty();
    result.handoff = result.abstained;
    result.confidence = result.abstained ? 0 : call->decision.confidence;
    call->done(result);
}

void LlmDrafter::fallBack(const std::shared_ptr<Call> &call, const QString &why)
{
    ++m_fallbacks;
    qCWarning(lcAi).noquote() << "LLM provider" << m_options.baseUrl.host() << "failed:" << why
                              << "- the offline draft is used";
    DraftResult result = call->decision.draft;
    result.fallback = true;
    result.tokens = call->tokens;
    call->done(result);
}

void LlmDrafter::remember(qint64 conversationId, const QString &role, const QString &content)
{
    QList<LlmTurn> &turns = m_history[conversationId];
    turns.append({role, content});
    while (turns.size() > m_options.historyTurns)
        turns.removeFirst();
}

} // namespace Serambi::Relay
