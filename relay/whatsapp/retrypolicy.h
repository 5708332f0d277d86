#pragma once

#include <QString>

#include <functional>

namespace Serambi::Relay {

struct GraphResult;

// What to do after a failed send attempt.
struct RetryDecision
{
    bool retry = false;
    qint64 delayMs = 0; // when retry
    // Why the attempt failed, as it reaches the console on a failed message: Meta's code,
    // title and details, or code 0 with the relay's description (network error, timeout,
    // HTTP status).
    int code = 0;
    QString title;
    QString details;
};

// Which Graph API failures are worth another attempt (whatsapp-cloud-api.md §12.2, §13), and
// when. Meta's error code decides when the response carries one; otherwise 429, 5xx, timeouts
// and network errors are retried and other HTTP statuses are not.
class RetryPolicy
{
public:
    // random(n) returns a uniformly distributed value in [0, n].
    using Random = std::function<qint64(qint64)>;

    RetryPolicy(int maxAttempts, int backoffBaseMs, int backoffCapMs, Random random = {});

    // attempt counts from 1 and includes the attempt that just failed.
    RetryDecision decide(const GraphResult &result, int attempt) const;

    // Full-jitter exponential backoff: random in [0, min(cap, base * 2^(attempt-1))].
    qint64 backoffMs(int attempt) const;

    // Whether Meta's code is worth retrying at this attempt, ignoring maxAttempts.
    static bool isRetryableMetaCode(int code, int attempt);

    int maxAttempts() const { return m_maxAttempts; }

    // Meta code 131000 ("unknown error") is retried only this many attempts in all.
    static constexpr int UnknownErrorAttempts = 3;

private:
    int m_maxAttempts;
    qint64 m_baseMs;
    qint64 m_capMs;
    Random m_random;
};

} // namespace Serambi::Relay
