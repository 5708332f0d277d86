#pragma once

#include <QJsonObject>
#include <QString>

namespace Serambi::Sim {

// One Graph API error as Meta reports it (reference §12): the HTTP status and the body
// {"error":{"message":"(#code) title","type":"OAuthException","code":...,"error_data":...}}.
struct GraphError
{
    int httpStatus = 400;
    int code = 100;
    QString title;
    QString details;
    int retryAfterSeconds = -1; // >= 0 adds a Retry-After header

    QJsonObject toJson(const QString &fbtraceId) const;
    // The object Meta puts in statuses[].errors[] of a failed status webhook.
    QJsonObject toWebhookError() const;

    static GraphError invalidParameter(const QString &details);
    static GraphError invalidToken();
    static GraphError unknownObject(const QString &id);
    static GraphError reEngagement();
    static GraphError undeliverable();
    static GraphError templateNotFound(const QString &name, const QString &language);
    static GraphError templateParameterMismatch(const QString &details);
    static GraphError mediaError(const QString &details);
    static GraphError rateLimited(int retryAfterSeconds);
    static GraphError serverError(int httpStatus);
};

} // namespace Serambi::Sim
