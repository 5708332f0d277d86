#include "whatsapp/graphclient.h"
#include "whatsapp/retrypolicy.h"

#include <QTest>

using namespace Serambi::Relay;

namespace {

// The largest delay full jitter may pick, so delays are predictable.
qint64 highest(qint64 n)
{
    return n;
}

GraphResult metaError(int code, int httpStatus = 400)
{
    GraphResult result;
    result.httpStatus = httpStatus;
    result.hasError = true;
    result.error.code = code;
    result.error.message = QStringLiteral("(#%1) Something").arg(code);
    result.error.details = QStringLiteral("details");
    return result;
}

GraphResult httpStatus(int status, int retryAfterSeconds = -1)
{
    GraphResult result;
    result.httpStatus = status;
    result.retryAfterSeconds = retryAfterSeconds;
    return result;
}

GraphResult noResponse(bool timedOut)
{
    GraphResult result;
    result.timedOut = timedOut;
    result.networkError =
        timedOut ? QNetworkReply::OperationCanceledError : QNetworkReply::ConnectionRefusedError;
    result.networkErrorText = QStringLiteral("Connection refused");
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Serambi::Relay::GraphResult)

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRetryOnlyTransientFailures_data()
    {
        QTest::addColumn<GraphResult>("result");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("retry");
        QTest::newRow("429") << httpStatus(429) << 1 << true;
        QTest::newRow("500") << httpStatus(500) << 1 << true;
        QTest::newRow("503") << httpStatus(503) << 3 << true;
        QTest::newRow("timeout") << noResponse(true) << 1 << true;
        QTest::newRow("connection refused") << noResponse(false) << 1 << true;
        QTest::newRow("plain 400") << httpStatus(400) << 1 << false;
        QTest::newRow("plain 404") << httpStatus(404) << 1 << false;
        QTest::newRow("200 without wamid") << httpStatus(200) << 1 << false;
        QTest::newRow("code 1, first attempt") << metaError(1) << 1 << true;
        QTest::newRow("code 1, second attempt") << metaError(1) << 2 << false;
        QTest::newRow("code 2") << metaError(2, 503) << 4 << true;
        QTest::newRow("code 4") << metaError(4) << 2 << true;
        QTest::newRow("code 80007") << metaError(80007) << 2 << true;
        QTest::newRow("code 130429") << metaError(130429, 429) << 5 << true;
        QTest::newRow("code 131000, first attempt") << metaError(131000, 500) << 1 << true;
        QTest::newRow("code 131000, third attempt") << metaError(131000, 500) << 3 << false;
        QTest::newRow("code 131016") << metaError(131016, 503) << 2 << true;
        QTest::newRow("code 131056") << metaError(131056) << 1 << true;
        QTest::newRow("code 131057") << metaError(131057) << 1 << true;
        QTest::newRow("code 0 (authentication)") << metaError(0, 401) << 1 << false;
        QTest::newRow("code 100") << metaError(100) << 1 << false;
        QTest::newRow("code 100 in a 500") << metaError(100, 500) << 1 << false;
        QTest::newRow("code 131026") << metaError(131026) << 1 << false;
        QTest::newRow("code 131047") << metaError(131047) << 1 << false;
        QTest::newRow("code 132000") << metaError(132000) << 1 << false;
        QTest::newRow("code 190") << metaError(190, 401) << 1 << false;
        QTest::newRow("last attempt") << httpStatus(503) << 8 << false;
    }

    void shouldRetryOnlyTransientFailures()
    {
        QFETCH(GraphResult, result);
        QFETCH(int, attempt);
        QFETCH(bool, retry);
        const RetryPolicy policy(8, 1000, 300000, highest);

        QCOMPARE(policy.decide(result, attempt).retry, retry);
    }

    void shouldDoubleTheBackoffUpToTheCap()
    {
        const RetryPolicy policy(8, 1000, 5000, highest);

        QCOMPARE(policy.backoffMs(1), 1000);
        QCOMPARE(policy.backoffMs(2), 2000);
        QCOMPARE(policy.backoffMs(3), 4000);
        QCOMPARE(policy.backoffMs(4), 5000);
        QCOMPARE(policy.backoffMs(30), 5000);
    }

    void shouldJitterWithinTheBackoffCeiling()
    {
        const RetryPolicy policy(8, 100, 1000);
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.backoffMs(3);
            QVERIFY(delay >= 0 && delay <= 400);
        }
    }

    void shouldHonourALongerRetryAfter()
    {
        const RetryPolicy policy(8, 1000, 300000, highest);

        QCOMPARE(policy.decide(httpStatus(429, 30), 1).delayMs, 30000);
        QCOMPARE(policy.decide(httpStatus(429, 0), 3).delayMs, 4000);
    }

    void shouldWaitFourToThePowerOfXSecondsOnPairRateLimits()
    {
        const RetryPolicy policy(8, 10, 300000, [](qint64) { return qint64(0); });

        QCOMPARE(policy.decide(metaError(131056), 1).delayMs, 1000);
        QCOMPARE(policy.decide(metaError(131056), 2).delayMs, 4000);
        QCOMPARE(policy.decide(metaError(131056), 3).delayMs, 16000);
    }

    void shouldCarryMetasReasonOrTheRelaysOwn()
    {
        const RetryPolicy policy(8, 1000, 300000, highest);

        const RetryDecision meta = policy.decide(metaError(131047), 1);
        QCOMPARE(meta.code, 131047);
        QCOMPARE(meta.title, QStringLiteral("Something"));
        QCOMPARE(meta.details, QStringLiteral("details"));
        QCOMPARE(policy.decide(noResponse(true), 8).title, QStringLiteral("timeout"));
        QCOMPARE(policy.decide(noResponse(false), 8).title, QStringLiteral("network error"));
        QCOMPARE(policy.decide(httpStatus(502), 8).title, QStringLiteral("HTTP 502"));
        QCOMPARE(policy.decide(httpStatus(502), 8).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
