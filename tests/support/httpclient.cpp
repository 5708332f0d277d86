#include "httpclient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

namespace Serambi::Test {

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpClient::HttpClient(const QUrl &base) : m_base(base) {}

QUrl HttpClient::url(const QString &pathOrUrl) const
{
    if (pathOrUrl.startsWith(QLatin1String("http")))
        return QUrl(pathOrUrl);
    QUrl url = m_base;
    const qsizetype query = pathOrUrl.indexOf(QLatin1Char('?'));
    url.setPath(pathOrUrl.left(query));
    if (query >= 0)
        url.setQuery(pathOrUrl.mid(query + 1));
    return url;
}

HttpResponse HttpClient::get(const QString &path)
{
    return send("GET", path, {}, {});
}

HttpResponse HttpClient::del(const QString &path)
{
    return send("DELETE", path, {}, {});
}

HttpResponse HttpClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                "application/json");
}

HttpResponse HttpClient::postRaw(const QString &path, const QByteArray &body,
                                 const QByteArray &contentType)
{
    return send("POST", path, body, contentType);
}

HttpResponse HttpClient::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                              const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(m_timeoutMs + 2000);
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return response;
}

} // namespace Serambi::Test
