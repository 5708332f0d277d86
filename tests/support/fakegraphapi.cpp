#include "fakegraphapi.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Serambi::Test {

FakeGraphApi::FakeGraphApi(QObject *parent) : FakeHttpServer(parent)
{
    setBodyMaker([this](const Request &request) {
        const QString wamid = QStringLiteral("wamid.FAKE_%1=").arg(m_wamids.size() + 1);
        m_wamids.append(wamid);
        const QJsonObject json{
            {QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
            {QLatin1String("contacts"),
             QJsonArray{
                 QJsonObject{{QLatin1String("input"), request.json().value(QLatin1String("to"))},
                             {QLatin1String("wa_id"), QStringLiteral("447700900123")}}}},
            {QLatin1String("messages"), QJsonArray{QJsonObject{{QLatin1String("id"), wamid}}}}};
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    });
}

FakeHttpServer::Reply FakeGraphApi::metaError(int status, int code, const QString &message,
                                              const QString &details)
{
    const QJsonObject error{
        {QLatin1String("message"), message},
        {QLatin1String("type"), QStringLiteral("OAuthException")},
        {QLatin1String("code"), code},
        {QLatin1String("error_data"),
         QJsonObject{{QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
                     {QLatin1String("details"), details}}},
        {QLatin1String("fbtrace_id"), QStringLiteral("AbCdEf123")}};
    Reply reply;
    reply.status = status;
    reply.body = QJsonDocument(QJsonObject{{QLatin1String("error"), error}}).toJson();
    return reply;
}

FakeHttpServer::Reply FakeGraphApi::httpStatus(int status, const QByteArray &retryAfter)
{
    Reply reply;
    reply.status = status;
    reply.body = "<html>upstream trouble</html>";
    reply.retryAfter = retryAfter;
    return reply;
}

FakeHttpServer::Reply FakeGraphApi::noAnswer()
{
    Reply reply;
    reply.hang = true;
    return reply;
}

} // namespace Serambi::Test
