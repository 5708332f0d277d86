#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Serambi::Sim {

// A way for Meta to misbehave on the next `count` POST /{PNID}/messages requests, or (target
// media_download) on the next `count` downloads of media bytes.
struct Fault
{
    enum class Kind { RateLimit, ServerError, Timeout };
    enum class Target { Messages, MediaDownload };

    Kind kind = Kind::ServerError;
    Target target = Target::Messages;
    int count = 1;
    int retryAfterSeconds = -1; // rate_limit: >= 0 answers HTTP 429 with Retry-After
    int httpStatus = 500;       // server_error: 500 (code 131000) or 503 (code 2)
    int delayMs = -1;           // timeout: < 0 never answers, else answers that much later

    QString kindName() const;
    QJsonObject toJson() const;

    // {"kind":"rate_limit","count":2,"retry_after":5} and friends (see docs/simulator.md).
    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
    // "kind:count", e.g. "rate_limit:3", "server_error:2", "timeout:1".
    static std::optional<Fault> fromSpec(const QString &spec, QString *error);
};

class FaultInjector
{
public:
    void add(const Fault &fault);
    // The fault that answers the next request to target, if any; consumes one of its count.
    std::optional<Fault> takeNext(Fault::Target target = Fault::Target::Messages);
    void clear() { m_faults.clear(); }
    int pending() const;
    QJsonArray toJson() const;

private:
    QList<Fault> m_faults;
};

} // namespace Serambi::Sim
