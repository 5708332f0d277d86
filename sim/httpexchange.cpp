#include "httpexchange.h"

#include "ids.h"

#include <QJsonDocument>

namespace Serambi::Sim {

HttpReply HttpReply::json(const QJsonObject &object, int status)
{
    HttpReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply HttpReply::error(const GraphError &error)
{
    const QString traceId = newFbTraceId();
    HttpReply reply = json(error.toJson(traceId), error.httpStatus);
    reply.headers.append({QByteArrayLiteral("x-fb-trace-id"), traceId.toLatin1()});
    if (error.retryAfterSeconds >= 0)
        reply.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterSeconds)});
    return reply;
}

} // namespace Serambi::Sim
