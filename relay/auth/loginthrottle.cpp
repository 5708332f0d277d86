#include "loginthrottle.h"

#include <algorithm>

namespace Serambi::Relay {

namespace {
// Bounds the memory a stream of made-up usernames, addresses or tokens can take.
constexpr int PruneAbove = 10000;
} // namespace

LoginThrottle::LoginThrottle(int maxFailures, qint64 windowMs)
    : m_maxFailures(std::max(1, maxFailures)), m_windowMs(windowMs)
{}

QString LoginThrottle::pairKey(const QString &address, const QString &username)
{
    return QLatin1String("pair:") + address + QLatin1Char('|') + username.toCaseFolded();
}

QString LoginThrottle::addressKey(const QString &address)
{
    return QLatin1String("addr:") + address;
}

QString LoginThrottle::tokenKey(const QString &token)
{
    return QLatin1String("token:") + token.left(TokenPrefixLength);
}

int LoginThrottle::retryAfter(const QStringList &keys, qint64 nowMs) const
{
    qint64 longest = 0;
    for (const QString &key : keys) {
        const auto it = m_entries.constFind(key);
        if (it == m_entries.constEnd())
            continue;
        longest = std::max(longest, it->blockedUntil - nowMs);
        // Attempts in flight count as failures until they finish (a check takes well under a
        // second, so one second is long enough to wait). After a block, one guess at a time.
        const bool fresh = nowMs - it->lastFailureAt > m_windowMs && it->blockedUntil <= nowMs;
        if (it->pending > 0 && (fresh ? 0 : it->failures) + it->pending >= m_maxFailures)
            longest = std::max<qint64>(longest, 1000);
    }
    return longest > 0 ? int((longest + 999) / 1000) : 0;
}

void LoginThrottle::begin(const QStringList &keys, qint64 nowMs)
{
    if (m_entries.size() > PruneAbove)
        forgetStale(nowMs);
    for (const QString &key : keys)
        ++m_entries[key].pending;
}

void LoginThrottle::finish(const QStringList &keys, bool failed, qint64 nowMs)
{
    for (const QString &key : keys) {
        const auto it = m_entries.find(key);
        if (it != m_entries.end())
            it->pending = std::max(0, it->pending - 1);
        if (failed)
            recordFailure(key, nowMs);
        else if (it != m_entries.end() && it->pending == 0 && it->failures == 0)
            m_entries.erase(it);
    }
    if (m_entries.size() > PruneAbove)
        forgetStale(nowMs);
}

void LoginThrottle::recordFailure(const QString &key, qint64 nowMs)
{
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

void LoginThrottle::recordSuccess(const QString &pair, qint64 nowMs)
{
    const auto it = m_entries.find(pair);
    if (it != m_entries.end()) {
        it->failures = 0;
        it->blockedUntil = 0;
        if (it->pending == 0)
            m_entries.erase(it);
    }
    if (m_knownGood.size() > PruneAbove) {
        for (auto known = m_knownGood.begin(); known != m_knownGood.end();) {
            if (nowMs - known.value() > KnownGoodMs)
                known = m_knownGood.erase(known);
            else
                ++known;
        }
        if (m_knownGood.size() > PruneAbove)
            m_knownGood.clear();
    }
    m_knownGood.insert(pair, nowMs);
}

bool LoginThrottle::isKnownGood(const QString &pair, qint64 nowMs) const
{
    const auto it = m_knownGood.constFind(pair);
    return it != m_knownGood.constEnd() && nowMs - it.value() <= KnownGoodMs;
}

void LoginThrottle::forgetStale(qint64 nowMs)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->pending == 0 && nowMs - it->lastFailureAt > m_windowMs && it->blockedUntil <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace Serambi::Relay
