#include "faultinjector.h"

namespace Serambi::Sim {

namespace {

std::optional<Fault::Kind> kindFromName(const QString &name)
{
    if (name == QLatin1String("rate_limit"))
        return Fault::Kind::RateLimit;
    if (name == QLatin1String("server_error"))
        return Fault::Kind::ServerError;
    if (name == QLatin1String("timeout"))
        return Fault::Kind::Timeout;
    return std::nullopt;
}

} // namespace

QString Fault::kindName() const
{
    switch (kind) {
    case Kind::RateLimit:
        return QStringLiteral("rate_limit");
    case Kind::ServerError:
        return QStringLiteral("server_error");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    }
    return {};
}

QJsonObject Fault::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindName()}, {QStringLiteral("count"), count}};
    if (kind == Kind::RateLimit && retryAfterSeconds >= 0)
        json.insert(QStringLiteral("retry_after"), retryAfterSeconds);
    if (kind == Kind::ServerError)
        json.insert(QStringLiteral("status"), httpStatus);
    if (kind == Kind::Timeout && delayMs >= 0)
        json.insert(QStringLiteral("delay_ms"), delayMs);
    if (target == Target::MediaDownload)
        json.insert(QStringLiteral("target"), QStringLiteral("media_download"));
    return json;
}

std::optional<Fault> Fault::fromJson(const QJsonObject &json, QString *error)
{
    const std::optional<Kind> kind = kindFromName(json.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = QStringLiteral("kind must be rate_limit, server_error or timeout");
        return std::nullopt;
    }
    Fault fault;
    fault.kind = *kind;
    fault.count = json.value(QStringLiteral("count")).toInt(1);
    fault.retryAfterSeconds = json.value(QStringLiteral("retry_after")).toInt(-1);
    fault.httpStatus = json.value(QStringLiteral("status")).toInt(500);
    fault.delayMs = json.value(QStringLiteral("delay_ms")).toInt(-1);
    const QString target = json.value(QStringLiteral("target")).toString();
    if (target == QLatin1String("media_download")) {
        fault.target = Target::MediaDownload;
    } else if (!target.isEmpty() && target != QLatin1String("messages")) {
        *error = QStringLiteral("target must be messages or media_download");
        return std::nullopt;
    }
    if (fault.count < 1) {
        *error = QStringLiteral("count must be at least 1");
        return std::nullopt;
    }
    if (fault.kind == Kind::ServerError && fault.httpStatus != 500 && fault.httpStatus != 503) {
        *error = QStringLiteral("status must be 500 or 503");
        return std::nullopt;
    }
    return fault;
}

std::optional<Fault> Fault::fromSpec(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    bool ok = parts.size() <= 2;
    const int count = parts.size() == 2 ? parts.at(1).toInt(&ok) : 1;
    if (!ok) {
        *error = QStringLiteral("a fault is kind:count, e.g. rate_limit:3");
        return std::nullopt;
    }
    return fromJson(
        QJsonObject{{QStringLiteral("kind"), parts.at(0)}, {QStringLiteral("count"), count}},
        error);
}

void FaultInjector::add(const Fault &fault)
{
    m_faults.append(fault);
}

std::optional<Fault> FaultInjector::takeNext(Fault::Target target)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        if (m_faults.at(i).target != target)
            continue;
        Fault fault = m_faults.at(i);
        if (--m_faults[i].count == 0)
            m_faults.removeAt(i);
        fault.count = 1;
        return fault;
    }
    return std::nullopt;
}

int FaultInjector::pending() const
{
    int total = 0;
    for (const Fault &fault : m_faults)
        total += fault.count;
    return total;
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray array;
    for (const Fault &fault : m_faults)
        array.append(fault.toJson());
    return array;
}

} // namespace Serambi::Sim
