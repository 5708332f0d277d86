#include "graphclient.h"

#include "logging/relaylogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace Serambi::Relay {

namespace {

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

// Meta sends ids and codes as numbers, occasionally as strings.
int lenientInt(const QJsonValue &value)
{
    return value.isString() ? value.toString().toInt() : value.toInt();
}

// Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3).
int parseRetryAfter(const QByteArray &header)
{
    const QByteArray trimmed = header.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const int seconds = trimmed.toInt(&isNumber);
    if (isNumber)
        return seconds >= 0 ? seconds : -1;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at)));
}

GraphError readError(const QJsonObject &error)
{
    GraphError result;
    result.code = lenientInt(error.value(key("code")));
    result.subcode = lenientInt(error.value(key("error_subcode")));
    result.type = error.value(key("type")).toString();
    result.message = error.value(key("message")).toString();
    result.details = error.value(key("error_data")).toObject().value(key("details")).toString();
    result.fbtraceId = error.value(key("fbtrace_id")).toString();
    return result;
}

} // namespace

GraphClient::GraphClient(GraphOptions options, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_nam(nam)
{}

QUrl GraphClient::messagesUrl() const
{
    QUrl url = m_options.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + m_options.phoneNumberId + QStringLiteral("/messages"));
    return url;
}

void GraphClient::sendMessage(const QJsonObject &body, QObject *context, Done done)
{
    post(body, Expect::Wamid, context, std::move(done));
}

void GraphClient::markRead(const QString &wamid, QObject *context, Done done)
{
    const QJsonObject body{{key("messaging_product"), QStringLiteral("whatsapp")},
                           {key("status"), QStringLiteral("read")},
                           {key("message_id"), wamid}};
    post(body, Expect::SuccessFlag, context, std::move(done));
}

void GraphClient::sendTyping(const QString &wamid, QObject *context, Done done)
{
    const QJsonObject body{
        {key("messaging_product"), QStringLiteral("whatsapp")},
        {key("status"), QStringLiteral("read")},
        {key("message_id"), wamid},
        {key("typing_indicator"), QJsonObject{{key("type"), QStringLiteral("text")}}}};
    post(body, Expect::SuccessFlag, context, std::move(done));
}

void GraphClient::getJson(const QString &path, const QUrlQuery &query, QObject *context, Done done)
{
    QUrl url = m_options.baseUrl;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + path);
    url.setQuery(query);
    finish(m_nam->get(request(url)), Expect::Json, context, std::move(done));
}

QNetworkRequest GraphClient::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("serambi-relay/" SERAMBI_VERSION));
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_options.token);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    return request;
}

void GraphClient::finish(QNetworkReply *reply, Expect expect, QObject *context, Done done)
{
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context,
            [reply, expect, done = std::move(done)] { done(readResult(reply, expect)); });
}

void GraphClient::post(const QJsonObject &body, Expect expect, QObject *context, Done done)
{
    QNetworkRequest post = request(messagesUrl());
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    finish(m_nam->post(post, QJsonDocument(body).toJson(QJsonDocument::Compact)), expect, context,
           std::move(done));
}

GraphResult GraphClient::readResult(QNetworkReply *reply, Expect expect)
{
    GraphResult result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.httpStatus == 0) {
        result.networkError = reply->error();
        result.networkErrorText = reply->errorString();
        // Nothing else aborts these replies: a cancelled one ran into the transfer timeout.
        result.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                          reply->error() == QNetworkReply::TimeoutError;
        qCWarning(lcGraph) << "no response:" << (result.timedOut ? "timeout" : "network error")
                           << result.networkError;
        return result;
    }

    result.retryAfterSeconds = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")));
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    if (json.value(key("error")).isObject()) {
        result.hasError = true;
        result.error = readError(json.value(key("error")).toObject());
        qCWarning(lcGraph) << "HTTP" << result.httpStatus << "Meta error" << result.error.code
                           << "fbtrace_id" << result.error.fbtraceId;
        return result;
    }
    if (result.httpStatus >= 200 && result.httpStatus < 300) {
        switch (expect) {
        case Expect::Wamid:
            result.wamid =
                json.value(key("messages")).toArray().at(0).toObject().value(key("id")).toString();
            result.success = !result.wamid.isEmpty();
            break;
        case Expect::SuccessFlag:
            result.success = json.value(key("success")).toBool();
            break;
        case Expect::MediaUrl:
            result.success = !json.value(key("url")).toString().isEmpty();
            result.body = json;
            break;
        case Expect::MediaId:
            result.success = !json.value(key("id")).toString().isEmpty();
            result.body = json;
            break;
        case Expect::Json:
            result.success = !json.isEmpty();
            result.body = json;
            break;
        }
        if (!result.success)
            qCWarning(lcGraph) << "HTTP" << result.httpStatus << "without the expected result";
        return result;
    }
    qCWarning(lcGraph) << "HTTP" << result.httpStatus << "without a Meta error";
    return result;
}

} // namespace Serambi::Relay
