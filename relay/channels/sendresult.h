#pragma once

#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

namespace Serambi::Relay {

// The "error" object of a refused Graph API call (whatsapp-cloud-api.md §12.1). Providers other
// than the Cloud API map their refusals onto it (docs/providers/).
struct GraphError
{
    int code = 0;
    int subcode = 0;
    QString type;
    QString message; // "(#131047) Re-engagement message"
    QString details; // error_data.details
    QString fbtraceId;
    // The provider asks to try again later (providers whose codes are not Meta's set it).
    bool transient = false;

    // message without Meta's "(#code) " prefix, as webhooks carry it in "title".
    QString title() const;
};

// The outcome of one Graph API call. Exactly one of: success, a Meta error, an HTTP status
// without a Meta error body, or no HTTP response at all (network error or timeout).
struct GraphResult
{
    int httpStatus = 0; // 0 when no HTTP response arrived
    bool success = false;
    QString wamid;    // messages[0].id of a successful send
    QJsonObject body; // the answer of a successful media call (upload: "id"; media: "url", …)
                      // or getJson
    bool hasError = false;
    GraphError error;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;
    int retryAfterSeconds = -1; // -1 when the response had no usable Retry-After

    bool ok() const { return success; }
    // True when the request never got an HTTP answer (connection failure or timeout).
    bool noResponse() const { return httpStatus == 0; }
};

} // namespace Serambi::Relay
