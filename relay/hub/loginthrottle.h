#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// Counts failed logins per key (a username, a peer address). After maxFailures failures, each
// no more than windowMs after the previous one, the key is blocked for a time that doubles
// with every further failure.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures, qint64 windowMs);

    static QString userKey(const QString &username);
    static QString addressKey(const QString &address);

    // Seconds until every key may try again; 0 when none is blocked.
    int retryAfter(const QStringList &keys, qint64 nowMs) const;
    void recordFailure(const QStringList &keys, qint64 nowMs);
    void recordSuccess(const QString &key);

    static constexpr qint64 FirstBlockMs = 30 * 1000;
    static constexpr qint64 LongestBlockMs = 15 * 60 * 1000;

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureAt = 0;
        qint64 blockedUntil = 0;
    };

    void forgetStale(qint64 nowMs);

    int m_maxFailures;
    qint64 m_windowMs;
    QHash<QString, Entry> m_entries;
};

} // namespace Serambi::Relay
