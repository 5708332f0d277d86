// The LLM drafter against a fake OpenAI-compatible chat completions server on 127.0.0.1:
// streamed chunks become the draft, and every way the provider can fail (401, 429, 500, a
// timeout, a malformed event stream) gives the offline draft marked as the fallback. The
// key goes only into the Authorization header.
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "ai/llmdrafter.h"
#include "ai/ssedecoder.h"
#include "store/database.h"
#include "support/fakehttpserver.h"
#include "support/logcapture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi::Relay;
using Serambi::Test::FakeHttpServer;

namespace {

const QByteArray ApiKey = QByteArrayLiteral("sk-or-test-rahasia-123");
QByteArray chunk(const QString &content)
{
    const QJsonObject delta{
        {QLatin1String("choices"),
         QJsonArray{QJsonObject{
             {QLatin1String("delta"), QJsonObject{{QLatin1String("content"), content}}}}}}};
    return "data: " + QJsonDocument(delta).toJson(QJsonDocument::Compact) + "\n\n";
}

// A reply of the chat completions endpoint: an event stream on 200, JSON otherwise.
FakeHttpServer::Reply chatReply(int status, const QByteArray &body, bool hang = false,
                                int delayMs = 0)
{
    FakeHttpServer::Reply reply;
    reply.status = status;
    reply.body = body;
    reply.contentType = status == 200 ? "text/event-stream" : "application/json";
    reply.hang = hang;
    reply.delayMs = delayMs;
    return reply;
}

const char CodArticle[] = "---\nid: cod\ntitle: Bayar di tempat (COD)\ntags: [cod/bayar di "
                          "tempat]\n---\nBisa, {sapaan}. COD tersedia untuk Jabodetabek.\n";

} // namespace

class TestLlmDrafter : public QObject
{
    Q_OBJECT

private:
    // Drafts a reply to text with the LLM drafter; the partial texts it streamed go to *partials.
    DraftResult draftFor(const QString &text, QStringList *partials = nullptr)
    {
        std::optional<DraftResult> result;
        m_llm->draftStreaming(
            {7, ++m_messageId, text, {}, {}},
            [partials](const QString &partial) {
                if (partials)
                    partials->append(partial);
            },
            [&result](const DraftResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return {};
        return *result;
    }

    // The bodies and Authorization headers of the requests the endpoint received.
    QList<QJsonObject> bodies() const
    {
        QList<QJsonObject> bodies;
        for (const FakeHttpServer::Request &request : m_api->requests())
            bodies.append(request.json());
        return bodies;
    }

    QList<QByteArray> authorizations() const
    {
        QList<QByteArray> authorizations;
        for (const FakeHttpServer::Request &request : m_api->requests())
            authorizations.append(request.authorization);
        return authorizations;
    }

    void verifyFallback(const DraftResult &result)
    {
        QVERIFY(result.fallback);
        QCOMPARE(result.sources, QStringList{QStringLiteral("cod")});
        QVERIFY2(result.text.contains(QLatin1String("COD tersedia")), qPrintable(result.text));
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("kb")));
        QFile article(m_dir->filePath(QStringLiteral("kb/cod.md")));
        QVERIFY(article.open(QIODevice::WriteOnly));
        article.write(CodArticle);
        article.close();
        QString error;
        m_db = openDatabase(m_dir->filePath(QStringLiteral("relay.sqlite")),
                            QStringLiteral("llm-test"), SyncMode::Normal, &error);
        QVERIFY2(m_db.isOpen(), qPrintable(error));
        QVERIFY2(KnowledgeBase::createSchema(m_db, &error), qPrintable(error));
        QVERIFY(KnowledgeBase::import(m_db, m_dir->filePath(QStringLiteral("kb")), 1000, &error));
        m_kb.emplace(m_db);
        m_offline.emplace(&*m_kb, KbDrafterOptions{});
        m_api.emplace();
        QVERIFY(m_api->listen());
        LlmOptions options;
        options.baseUrl = m_api->url(QStringLiteral("/v1"));
        options.model = QStringLiteral("test/model");
        options.apiKey = ApiKey;
        options.headers = {{QByteArrayLiteral("X-Title"), QByteArrayLiteral("Serambi")}};
        options.timeoutMs = 1500;
        options.retryDelayMs = 50;
        options.streamIntervalMs = 0;
        m_llm.emplace(options, &m_network, &*m_offline);
        m_log.emplace();
    }

    void cleanup()
    {
        const QStringList lines = m_log ? m_log->lines() : QStringList();
        m_log.reset();
        for (const QString &line : lines)
            QVERIFY2(!line.contains(QString::fromLatin1(ApiKey)), qPrintable(line));
        m_llm.reset();
        m_api.reset();
        m_offline.reset();
        m_kb.reset();
        m_db = QSqlDatabase();
        closeDatabase(QStringLiteral("llm-test"));
        m_dir.reset();
    }

    void shouldSplitAnEventStreamFedInPieces()
    {
        SseDecoder decoder;
        QList<QByteArray> events;
        const QByteArray stream = ": keep-alive\r\ndata: {\"a\":1}\r\n\r\ndata: x\ndata: y\n\n"
                                  "event: ping\ndata: [DONE]\n\n";
        for (char byte : stream)
            events += decoder.feed(QByteArray(1, byte));
        QCOMPARE(events, (QList<QByteArray>{"{\"a\":1}", "x\ny", "[DONE]"}));
    }

    void shouldStreamChunksInOrderIntoTheDraft()
    {
        const QStringList pieces{QStringLiteral("Bisa, Kak. "), QStringLiteral("COD tersedia "),
                                 QStringLiteral("untuk Jabodetabek."),
                                 QStringLiteral("\n[[sumber: cod; handoff: tidak]]")};
        QByteArray body;
        for (const QString &piece : pieces)
            body += chunk(piece);
        body += "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":"
                "12,\"total_tokens\":102}}\n\ndata: [DONE]\n\n";
        m_api->enqueue(chatReply(200, body, false));

        QStringList partials;
        const DraftResult result = draftFor(QStringLiteral("kak bisa cod?"), &partials);
        QCOMPARE(result.text, QStringLiteral("Bisa, Kak. COD tersedia untuk Jabodetabek."));
        QVERIFY(!result.fallback);
        QCOMPARE(result.sources, QStringList{QStringLiteral("cod")});
        QVERIFY(!result.handoff);
        QVERIFY(result.confidence > 0);
        QVERIFY(!partials.isEmpty());
        for (qsizetype i = 1; i < partials.size(); ++i)
            QVERIFY(partials.at(i).startsWith(partials.at(i - 1)));
        QVERIFY(result.text.startsWith(partials.constLast()));
        QCOMPARE(result.tokens, 102);

        const QJsonObject request = bodies().constFirst();
        QCOMPARE(request.value(QLatin1String("model")).toString(), QStringLiteral("test/model"));
        QVERIFY(request.value(QLatin1String("stream")).toBool());
        const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
        QVERIFY(messages.first()
                    .toObject()
                    .value(QLatin1String("content"))
                    .toString()
                    .contains(QLatin1String("COD tersedia untuk Jabodetabek")));
        QCOMPARE(messages.last().toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("kak bisa cod?"));
        QCOMPARE(authorizations(), QList<QByteArray>{"Bearer " + ApiKey});
        QVERIFY(!QJsonDocument(request).toJson().contains(ApiKey));
    }

    void shouldFallBackOnUnauthorized()
    {
        m_api->enqueue(
            chatReply(401, "{\"error\":{\"message\":\"No auth credentials found\"}}", false));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
        QCOMPARE(bodies().size(), 1);
    }

    void shouldRetryAServerErrorOnceThenFallBack()
    {
        m_api->enqueue(chatReply(500, "{}", false));
        m_api->enqueue(chatReply(500, "{}", false));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
        QCOMPARE(bodies().size(), 2);
    }

    void shouldRetryTooManyRequestsOnce()
    {
        m_api->enqueue(chatReply(429, "{}", false));
        m_api->enqueue(chatReply(429, "{}", false));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
        QCOMPARE(bodies().size(), 2);

        m_api->enqueue(chatReply(429, "{}", false));
        m_api->enqueue(chatReply(
            200, chunk(QStringLiteral("Bisa COD, Kak. [[sumber: cod]]")) + "data: [DONE]\n\n",
            false));
        const DraftResult retried = draftFor(QStringLiteral("bisa cod?"));
        QVERIFY(!retried.fallback);
        QCOMPARE(retried.text, QStringLiteral("Bisa COD, Kak."));
        QCOMPARE(bodies().size(), 4);
    }

    void shouldFallBackWhenTheProviderIsTooSlow()
    {
        m_api->enqueue(chatReply(200, {}, true));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
    }

    void shouldStartTheTimeoutWhenTheRequestGoesOut()
    {
        // Eight drafts at once, each answer 600 ms away, a 1000 ms timeout, at most four in
        // flight: the last four wait in the drafter's queue without their clock running, and
        // every draft is the LLM's (Qt's own queue held two and let them time out).
        m_llm.reset();
        LlmOptions options;
        options.baseUrl = m_api->url(QStringLiteral("/v1"));
        options.timeoutMs = 1000;
        options.maxConcurrent = 4;
        options.streamIntervalMs = 0;
        m_llm.emplace(options, &m_network, &*m_offline);
        const QByteArray answer =
            chunk(QStringLiteral("Bisa COD, Kak. [sumber: cod]")) + "data: [DONE]\n\n";
        for (int i = 0; i < 8; ++i)
            m_api->enqueue(chatReply(200, answer, false, 600));
        QList<DraftResult> results;
        for (int i = 0; i < 8; ++i)
            m_llm->draft({100 + i, ++m_messageId, QStringLiteral("bisa cod?"), {}, {}},
                         [&results](const DraftResult &result) { results.append(result); });
        QCOMPARE(m_llm->inFlight(), 4);
        QCOMPARE(m_llm->queued(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 8, 10000);
        for (const DraftResult &result : std::as_const(results))
            QVERIFY2(!result.fallback, qPrintable(result.text));
        QCOMPARE(m_llm->fallbacks(), quint64(0));
        QCOMPARE(m_llm->inFlight(), 0);
    }

    void shouldNotLetDraftsWaitForeverWhenTheProviderHangs()
    {
        // One connection, a provider that never answers: the five drafts behind the first do
        // not wait for it one after another (2.4 s) but fall back after their own timeout.
        m_llm.reset();
        LlmOptions options;
        options.baseUrl = m_api->url(QStringLiteral("/v1"));
        options.timeoutMs = 400;
        options.maxConcurrent = 1;
        m_llm.emplace(options, &m_network, &*m_offline);
        for (int i = 0; i < 6; ++i)
            m_api->enqueue(chatReply(200, {}, true));
        QList<DraftResult> results;
        for (int i = 0; i < 6; ++i)
            m_llm->draft({200 + i, ++m_messageId, QStringLiteral("bisa cod?"), {}, {}},
                         [&results](const DraftResult &result) { results.append(result); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 6, 1200);
        for (const DraftResult &result : std::as_const(results))
            verifyFallback(result);
        QVERIFY(bodies().size() <= 2); // the first's slot may go to the next just in time
        QCOMPARE(m_llm->queued(), 0);
    }

    void shouldFallBackOnAMalformedEventStream()
    {
        m_api->enqueue(
            chatReply(200, chunk(QStringLiteral("Bisa")) + "data: {\"choices\": [oops\n\n", false));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
        m_api->enqueue(chatReply(200, "<html>Bad gateway</html>", false));
        verifyFallback(draftFor(QStringLiteral("bisa cod?")));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
    std::optional<KnowledgeBase> m_kb;
    std::optional<KbDrafter> m_offline;
    std::optional<FakeHttpServer> m_api;
    std::optional<Serambi::Test::LogCapture> m_log;
    QNetworkAccessManager m_network;
    std::optional<LlmDrafter> m_llm;
    qint64 m_messageId = 0;
};

QTEST_GUILESS_MAIN(TestLlmDrafter)
#include "tst_llmdrafter.moc"
