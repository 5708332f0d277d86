#include "retrypolicy.h"

#include "graphclient.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Serambi::Relay {

namespace {

namespace MetaCode {
constexpr int InvalidRequest = 1;
constexpr int TemporarilyUnavailable = 2;
constexpr int AppRateLimit = 4;
constexpr int WabaRateLimit = 80007;
constexpr int ThroughputExceeded = 130429;
constexpr int UnknownError = 131000;
constexpr int ServiceUnavailable = 131016;
constexpr int PairRateLimit = 131056;
constexpr int MaintenanceMode = 131057;
} // namespace MetaCode

// Meta asks to wait 4^X seconds after the X-th consecutive pair-rate failure, X from 0.
qint64 pairRateDelayMs(int attempt)
{
    qint64 seconds = 1;
    for (int x = 1; x < attempt && seconds < 24 * 3600; ++x)
        seconds *= 4;
    return seconds * 1000;
}

} // namespace

RetryPolicy::RetryPolicy(int maxAttempts, int backoffBaseMs, int backoffCapMs, Random random)
    : m_maxAttempts(std::max(1, maxAttempts))
    , m_baseMs(std::max(0, backoffBaseMs))
    , m_capMs(std::max(backoffBaseMs, backoffCapMs))
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [](qint64 n) { return qint64(QRandomGenerator::global()->bounded(n + 1)); };
}

bool RetryPolicy::isRetryableMetaCode(int code, int attempt)
{
    switch (code) {
    case MetaCode::InvalidRequest:
        return attempt < 2;
    case MetaCode::UnknownError:
        return attempt < UnknownErrorAttempts;
    case MetaCode::TemporarilyUnavailable:
    case MetaCode::AppRateLimit:
    case MetaCode::WabaRateLimit:
    case MetaCode::ThroughputExceeded:
    case MetaCode::ServiceUnavailable:
    case MetaCode::PairRateLimit:
    case MetaCode::MaintenanceMode:
        return true;
    default:
        return false;
    }
}

qint64 RetryPolicy::backoffMs(int attempt) const
{
    qint64 ceiling = m_baseMs;
    for (int i = 1; i < attempt && ceiling < m_capMs; ++i)
        ceiling *= 2;
    return m_random(std::min(ceiling, m_capMs));
}

RetryDecision RetryPolicy::decide(const GraphResult &result, int attempt) const
{
    RetryDecision decision;
    bool retryable = false;
    qint64 floorMs = 0;
    if (result.hasError) { // a provider's refusal, or the relay's own before sending
        retryable = result.error.transient || isRetryableMetaCode(result.error.code, attempt);
        decision.code = result.error.code;
        decision.title = result.error.title();
        decision.details = result.error.details;
        if (result.error.code == MetaCode::PairRateLimit)
            floorMs = std::min(pairRateDelayMs(attempt), m_capMs);
    } else if (result.noResponse()) {
        retryable = true;
        decision.title =
            result.timedOut ? QStringLiteral("timeout") : QStringLiteral("network error");
        decision.details = result.networkErrorText;
    } else if (result.httpStatus >= 200 && result.httpStatus < 300) {
        // Meta took the request but answered without a wamid: sending again could deliver the
        // message twice. Status webhooks still find it through biz_opaque_callback_data.
        decision.title = QStringLiteral("unexpected response");
        decision.details = QStringLiteral("HTTP %1 without a message id").arg(result.httpStatus);
    } else {
        retryable = result.httpStatus == 429 || result.httpStatus >= 500;
        decision.title = QStringLiteral("HTTP %1").arg(result.httpStatus);
    }

    if (!retryable || attempt >= m_maxAttempts)
        return decision;
    decision.retry = true;
    const qint64 retryAfterMs =
        result.retryAfterSeconds >= 0 ? qint64(result.retryAfterSeconds) * 1000 : 0;
    decision.delayMs = std::max({backoffMs(attempt), floorMs, retryAfterMs});
    return decision;
}

} // namespace Serambi::Relay
