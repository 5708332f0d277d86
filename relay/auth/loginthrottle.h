#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// Counts login attempts and failures per key: an (address, username) pair, an address, a token
// prefix. After maxFailures failures, each no more than windowMs after the previous one, the key
// is blocked for a time that doubles with every further failure. An attempt is counted when it
// starts (begin), so guesses sent at once cannot all be checked before the first failure is
// recorded: failures plus attempts in flight never exceed maxFailures.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures, qint64 windowMs);

    // A username tried from an address: the guessing the throttle exists to slow down.
    static QString pairKey(const QString &address, const QString &username);
    // Every username tried from an address (spraying). Blocks only pairs not known good.
    static QString addressKey(const QString &address);
    // A session token's first characters: token logins never share a key with other users.
    static QString tokenKey(const QString &token);

    // Seconds until every key may try again; 0 when none is blocked or full of attempts.
    int retryAfter(const QStringList &keys, qint64 nowMs) const;
    // An attempt on keys started / finished (failed or not).
    void begin(const QStringList &keys, qint64 nowMs);
    void finish(const QStringList &keys, bool failed, qint64 nowMs);

    // A pair that logged in: its failures are forgotten, and a blocked address no longer
    // stops it (the user has not failed; others behind the same address did).
    void recordSuccess(const QString &pair, qint64 nowMs);
    bool isKnownGood(const QString &pair, qint64 nowMs) const;

    static constexpr qint64 FirstBlockMs = 30 * 1000;
    static constexpr qint64 LongestBlockMs = 15 * 60 * 1000;
    static constexpr qint64 KnownGoodMs = 30LL * 24 * 3600 * 1000;
    static constexpr int TokenPrefixLength = 8;

private:
    struct Entry
    {
        int failures = 0;
        int pending = 0;
        qint64 lastFailureAt = 0;
        qint64 blockedUntil = 0;
    };

    void recordFailure(const QString &key, qint64 nowMs);
    void forgetStale(qint64 nowMs);

    int m_maxFailures;
    qint64 m_windowMs;
    QHash<QString, Entry> m_entries;
    QHash<QString, qint64> m_knownGood; // pair -> last successful login
};

} // namespace Serambi::Relay
