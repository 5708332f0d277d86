#include "controlapi.h"

#include "simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Serambi::Sim {

namespace {

HttpReply failure(int status, const QString &message)
{
    return HttpReply::json(QJsonObject{{QStringLiteral("error"), message}}, status);
}

bool parseObject(const QByteArray &body, QJsonObject *object)
{
    if (body.trimmed().isEmpty()) {
        *object = QJsonObject();
        return true;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    *object = document.object();
    return error.error == QJsonParseError::NoError && document.isObject();
}

} // namespace

ControlApi::ControlApi(Simulator &simulator, QObject *parent)
    : QObject(parent), m_simulator(simulator)
{}

HttpReply ControlApi::handle(const HttpRequest &request)
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts).mid(1);
    const QString &method = request.method;
    const QString first = segments.value(0);
    if (segments.size() == 1 && first == QLatin1String("faults"))
        return handleFaults(request);
    if (segments.size() == 1 && first == QLatin1String("requests") &&
        method == QLatin1String("GET"))
        return handleRequests(request);
    if (segments.size() == 1 && first == QLatin1String("reset") &&
        method == QLatin1String("POST")) {
        m_simulator.reset();
        return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
    }
    if (segments.size() == 1 && first == QLatin1String("state") && method == QLatin1String("GET"))
        return HttpReply::json(m_simulator.stateJson());
    if (first == QLatin1String("customers")) {
        if (segments.size() == 1 && method == QLatin1String("GET"))
            return HttpReply::json(
                QJsonObject{{QStringLiteral("customers"), m_simulator.customers().toJson()}});
        if (segments.size() == 3 && method == QLatin1String("POST")) {
            static const QRegularExpression waId(QStringLiteral("^[0-9]{7,15}$"));
            if (!waId.match(segments.at(1)).hasMatch())
                return failure(400, QStringLiteral("wa_id must be 7 to 15 digits"));
            if (segments.at(2) == QLatin1String("messages"))
                return handleCustomerMessage(segments.at(1), request);
            if (segments.at(2) == QLatin1String("window"))
                return handleCustomerWindow(segments.at(1), request);
        }
    }
    return failure(404,
                   QStringLiteral("no such control endpoint: %1 %2").arg(method, request.path));
}

HttpReply ControlApi::handleFaults(const HttpRequest &request)
{
    FaultInjector &faults = m_simulator.faults();
    if (request.method == QLatin1String("DELETE"))
        faults.clear();
    else if (request.method == QLatin1String("POST")) {
        QJsonObject body;
        if (!parseObject(request.body, &body))
            return failure(400, QStringLiteral("the body must be a JSON object"));
        QString error;
        const std::optional<Fault> fault = Fault::fromJson(body, &error);
        if (!fault)
            return failure(400, error);
        faults.add(*fault);
    } else if (request.method != QLatin1String("GET")) {
        return failure(405, QStringLiteral("use GET, POST or DELETE"));
    }
    return HttpReply::json(QJsonObject{{QStringLiteral("faults"), faults.toJson()},
                                       {QStringLiteral("pending"), faults.pending()}});
}

HttpReply ControlApi::handleRequests(const HttpRequest &request)
{
    const int since = QUrlQuery(request.query).queryItemValue(QStringLiteral("since")).toInt();
    QJsonArray list;
    const QList<RecordedRequest> recorded = m_simulator.requests().since(since);
    for (const RecordedRequest &entry : recorded)
        list.append(entry.toJson());
    return HttpReply::json(
        QJsonObject{{QStringLiteral("requests"), list},
                    {QStringLiteral("last_seq"), m_simulator.requests().lastSeq()}});
}

HttpReply ControlApi::handleCustomerMessage(const QString &waId, const HttpRequest &request)
{
    QJsonObject spec;
    if (!parseObject(request.body, &spec))
        return failure(400, QStringLiteral("the body must be a JSON object"));
    const QString profileName = spec.take(QStringLiteral("profile_name")).toString();
    QString error;
    const QString wamid = m_simulator.customers().sendMessage(waId, spec, &error, profileName);
    if (wamid.isEmpty())
        return failure(400, error);
    return HttpReply::json(
        QJsonObject{{QStringLiteral("id"), wamid}, {QStringLiteral("wa_id"), waId}});
}

HttpReply ControlApi::handleCustomerWindow(const QString &waId, const HttpRequest &request)
{
    QJsonObject body;
    if (!parseObject(request.body, &body))
        return failure(400, QStringLiteral("the body must be a JSON object"));
    const QJsonValue age = body.value(QStringLiteral("last_inbound_seconds_ago"));
    const QDateTime when =
        age.isDouble() ? QDateTime::currentDateTimeUtc().addSecs(qint64(age.toDouble()) * -1)
                       : QDateTime();
    m_simulator.state().setLastInbound(waId, when);
    const bool open = m_simulator.state().isWindowOpen(waId, QDateTime::currentDateTimeUtc());
    return HttpReply::json(
        QJsonObject{{QStringLiteral("wa_id"), waId}, {QStringLiteral("window_open"), open}});
}

} // namespace Serambi::Sim
