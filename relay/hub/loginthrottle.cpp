#include "loginthrottle.h"

#include <algorithm>

namespace Serambi::Relay {

namespace {
// Bounds the memory a stream of made-up usernames can take.
constexpr int PruneAbove = 10000;
} // namespace

LoginThrottle::LoginThrottle(int maxFailures, qint64 windowMs)
    : m_maxFailures(std::max(1, maxFailures)), m_windowMs(windowMs)
{}

QString LoginThrottle::userKey(const QString &username)
{
    return QLatin1String("user:") + username.toCaseFolded();
}

QString LoginThrottle::addressKey(const QString &address)
{
    return QLatin1String("addr:") + address;
}

int LoginThrottle::retryAfter(const QStringList &keys, qint64 nowMs) const
{
    qint64 longest = 0;
    for (const QString &key : keys) {
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd())
            longest = std::max(longest, it->blockedUntil - nowMs);
    }
    return longest > 0 ? int((longest + 999) / 1000) : 0;
}

void LoginThrottle::recordFailure(const QStringList &keys, qint64 nowMs)
{
    if (m_entries.size() > PruneAbove)
        forgetStale(nowMs);
    for (const QString &key : keys) {
        Entry &entry = m_entries[key];
        if (nowMs - entry.lastFailureAt > m_windowMs && entry.blockedUntil <= nowMs)
            entry.failures = 0;
        ++entry.failures;
        entry.lastFailureAt = nowMs;
        if (entry.failures >= m_maxFailures) {
            const int doublings = std::min(entry.failures - m_maxFailures, 16);
            entry.blockedUntil = nowMs + std::min(FirstBlockMs << doublings, LongestBlockMs);
        }
    }
}

void LoginThrottle::recordSuccess(const QString &key)
{
    m_entries.remove(key);
}

void LoginThrottle::forgetStale(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastFailureAt > m_windowMs && it->blockedUntil <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace Serambi::Relay
