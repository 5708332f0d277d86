#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace Serambi::Test {

// Blocking HTTP calls for tests (the event loop runs while waiting).
struct HttpResponse
{
    int status = 0; // 0: no answer (timeout or connection error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

class HttpClient
{
public:
    explicit HttpClient(const QUrl &base);

    void setBearerToken(const QByteArray &token) { m_token = token; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    HttpResponse get(const QString &path);
    HttpResponse del(const QString &path);
    HttpResponse post(const QString &path, const QJsonObject &body);
    HttpResponse postRaw(const QString &path, const QByteArray &body,
                         const QByteArray &contentType);
    // Absolute URLs (e.g. a media download URL) keep their host; paths join the base.
    QUrl url(const QString &pathOrUrl) const;

private:
    HttpResponse send(const QByteArray &verb, const QString &path, const QByteArray &body,
                      const QByteArray &contentType);

    QUrl m_base;
    QByteArray m_token;
    int m_timeoutMs = 5000;
    QNetworkAccessManager m_network;
};

} // namespace Serambi::Test
