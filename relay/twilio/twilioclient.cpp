#include "twilioclient.h"

#include "logging/relaylogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Serambi::Relay {

namespace {

// Twilio's codes for "try again later" (§6): too many requests, the sender's queue is full,
// the Messaging Service's queue overflowed, WhatsApp's rate limit.
bool isTransientCode(int code)
{
    return code == 20429 || code == 21611 || code == 30001 || code == 63018;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

int lenientInt(const QJsonValue &value)
{
    return value.isString() ? value.toString().toInt() : value.toInt();
}

} // namespace

TwilioClient::TwilioClient(TwilioOptions options, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_nam(nam)
{}

QUrl TwilioClient::messagesUrl() const
{
    QUrl url = m_options.apiUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path +
                QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_options.accountSid));
    return url;
}

QNetworkRequest TwilioClient::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("serambi-relay/" SERAMBI_VERSION));
    const QByteArray credentials = m_options.accountSid.toUtf8() + ':' + m_options.authToken;
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    return request;
}

void TwilioClient::sendMessage(const FormParams &form, QObject *context, Done done)
{
    QNetworkRequest post = request(messagesUrl());
    post.setHeader(QNetworkRequest::ContentTypeHeader,
                   QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = m_nam->post(post, encodeForm(form));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context,
            [reply, done = std::move(done)] { done(readResult(reply)); });
}

QNetworkReply *TwilioClient::download(const QUrl &url)
{
    if (!url.isValid() || !sameOrigin(url, m_options.apiUrl)) {
        qCWarning(lcTwilio) << "refusing to send Twilio credentials to another host";
        return nullptr;
    }
    QNetworkRequest get = request(url);
    get.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::SameOriginRedirectPolicy);
    return m_nam->get(get);
}

GraphResult TwilioClient::readResult(QNetworkReply *reply)
{
    GraphResult result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.httpStatus == 0) {
        result.networkError = reply->error();
        result.networkErrorText = reply->errorString();
        result.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                          reply->error() == QNetworkReply::TimeoutError;
        qCWarning(lcTwilio) << "no response:" << (result.timedOut ? "timeout" : "network error")
                            << result.networkError;
        return result;
    }
    bool isNumber = false;
    const int retryAfter =
        reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&isNumber);
    result.retryAfterSeconds = isNumber && retryAfter >= 0 ? retryAfter : -1;
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    const bool httpOk = result.httpStatus >= 200 && result.httpStatus < 300;
    if (httpOk) {
        result.wamid = json.value(QLatin1String("sid")).toString();
        result.success = !result.wamid.isEmpty();
        result.body = json;
        if (!result.success)
            qCWarning(lcTwilio) << "HTTP" << result.httpStatus << "without a message sid";
        return result;
    }
    if (json.contains(QLatin1String("code"))) {
        result.hasError = true;
        result.error.code = lenientInt(json.value(QLatin1String("code")));
        result.error.type = QStringLiteral("twilio");
        result.error.message = json.value(QLatin1String("message")).toString();
        result.error.details = json.value(QLatin1String("more_info")).toString();
        result.error.transient = isTransientCode(result.error.code) || result.httpStatus == 429 ||
                                 result.httpStatus >= 500;
        qCWarning(lcTwilio) << "HTTP" << result.httpStatus << "Twilio error" << result.error.code;
        return result;
    }
    qCWarning(lcTwilio) << "HTTP" << result.httpStatus << "without a Twilio error";
    return result;
}

} // namespace Serambi::Relay
