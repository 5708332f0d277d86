#include "requestlog.h"

#include <QJsonDocument>

namespace Serambi::Sim {

QJsonObject RecordedRequest::jsonBody() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject RecordedRequest::toJson() const
{
    QJsonObject json{{QStringLiteral("seq"), seq},
                     {QStringLiteral("received_at"), receivedAt.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("method"), method},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("query"), query},
                     {QStringLiteral("status"), status}};
    if (!contentType.isEmpty())
        json.insert(QStringLiteral("content_type"), QString::fromLatin1(contentType));
    if (!fault.isEmpty())
        json.insert(QStringLiteral("fault"), fault);
    if (!body.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            json.insert(QStringLiteral("body"), document.object());
        else
            json.insert(QStringLiteral("raw_body_base64"), QString::fromLatin1(body.toBase64()));
    }
    return json;
}

RequestLog::RequestLog(QObject *parent) : QObject(parent) {}

int RequestLog::record(RecordedRequest request)
{
    request.seq = m_nextSeq++;
    m_requests.append(request);
    Q_EMIT requestRecorded(request.seq);
    return request.seq;
}

void RequestLog::setOutcome(int seq, int status, const QString &fault)
{
    for (RecordedRequest &request : m_requests) {
        if (request.seq == seq) {
            request.status = status;
            if (!fault.isEmpty())
                request.fault = fault;
            Q_EMIT requestAnswered(seq, status);
            return;
        }
    }
}

QList<RecordedRequest> RequestLog::since(int afterSeq) const
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &request : m_requests) {
        if (request.seq > afterSeq)
            result.append(request);
    }
    return result;
}

QList<RecordedRequest> RequestLog::matching(const QString &method, const QString &pathSuffix) const
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &request : m_requests) {
        if (request.method == method && request.path.endsWith(pathSuffix))
            result.append(request);
    }
    return result;
}

void RequestLog::clear()
{
    m_requests.clear();
}

} // namespace Serambi::Sim
