#include "grapherror.h"

namespace Serambi::Sim {

namespace {

GraphError make(int httpStatus, int code, const QString &title, const QString &details)
{
    GraphError error;
    error.httpStatus = httpStatus;
    error.code = code;
    error.title = title;
    error.details = details;
    return error;
}

} // namespace

QJsonObject GraphError::toJson(const QString &fbtraceId) const
{
    const QJsonObject errorData{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                                {QStringLiteral("details"), details}};
    const QJsonObject error{
        {QStringLiteral("message"), QStringLiteral("(#%1) %2").arg(code).arg(title)},
        {QStringLiteral("type"), QStringLiteral("OAuthException")},
        {QStringLiteral("code"), code},
        {QStringLiteral("error_data"), errorData},
        {QStringLiteral("fbtrace_id"), fbtraceId}};
    return QJsonObject{{QStringLiteral("error"), error}};
}

QJsonObject GraphError::toWebhookError() const
{
    return QJsonObject{
        {QStringLiteral("code"), code},
        {QStringLiteral("title"), title},
        {QStringLiteral("message"), title},
        {QStringLiteral("error_data"), QJsonObject{{QStringLiteral("details"), details}}},
        {QStringLiteral("href"),
         QStringLiteral("https://developers.facebook.com/documentation/business-messaging/"
                        "whatsapp/support/error-codes")}};
}

GraphError GraphError::invalidParameter(const QString &details)
{
    return make(400, 100, QStringLiteral("Invalid parameter"), details);
}

GraphError GraphError::invalidToken()
{
    return make(401, 190, QStringLiteral("Invalid OAuth access token - Cannot parse access token"),
                QStringLiteral("The access token is missing, malformed or not valid."));
}

GraphError GraphError::unknownObject(const QString &id)
{
    return make(
        400, 100, QStringLiteral("Unsupported request - method type or object does not exist"),
        QStringLiteral("Object with ID '%1' does not exist, cannot be loaded due to missing "
                       "permissions, or does not support this operation.")
            .arg(id));
}

GraphError GraphError::reEngagement()
{
    return make(400, 131047, QStringLiteral("Re-engagement message"),
                QStringLiteral("Message failed to send because more than 24 hours have passed "
                               "since the customer last replied to this number."));
}

GraphError GraphError::undeliverable()
{
    return make(400, 131026, QStringLiteral("Message undeliverable"),
                QStringLiteral("Message undeliverable: the recipient is not a WhatsApp user."));
}

GraphError GraphError::templateNotFound(const QString &name, const QString &language)
{
    return make(404, 132001, QStringLiteral("Template name does not exist in the translation"),
                QStringLiteral("template name (%1) does not exist in %2 or is not approved")
                    .arg(name, language));
}

GraphError GraphError::templateParameterMismatch(const QString &details)
{
    return make(400, 132000,
                QStringLiteral("Number of parameters does not match the expected number of params"),
                details);
}

GraphError GraphError::mediaError(const QString &details)
{
    return make(400, 131053, QStringLiteral("Media upload error"), details);
}

GraphError GraphError::rateLimited(int retryAfterSeconds)
{
    GraphError error =
        make(retryAfterSeconds >= 0 ? 429 : 400, 130429, QStringLiteral("Rate limit hit"),
             QStringLiteral("Cloud API message throughput has been reached."));
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

GraphError GraphError::serverError(int httpStatus)
{
    if (httpStatus == 503)
        return make(503, 2, QStringLiteral("Service temporarily unavailable"),
                    QStringLiteral("Temporarily unavailable due to downtime or overload."));
    return make(httpStatus, 131000, QStringLiteral("Something went wrong"),
                QStringLiteral("Message failed to send because of an unknown error."));
}

} // namespace Serambi::Sim
