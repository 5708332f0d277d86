#pragma once

#include "fakehttpserver.h"

#include <QStringList>

namespace Serambi::Test {

// Meta's Graph API as a FakeHttpServer: a reply the script leaves empty is a success with a
// fresh wamid (whatsapp-cloud-api.md, "Send a message": contacts and messages[].id).
class FakeGraphApi : public FakeHttpServer
{
    Q_OBJECT

public:
    explicit FakeGraphApi(QObject *parent = nullptr);

    // A Graph API error object (whatsapp-cloud-api.md §12.1).
    static Reply metaError(int status, int code, const QString &message, const QString &details);
    // A status with a body that is not Graph's (a proxy in the way), optionally Retry-After.
    static Reply httpStatus(int status, const QByteArray &retryAfter = {});
    static Reply noAnswer();

    // http://127.0.0.1:<port>/v25.0
    QUrl baseUrl() const { return url(QStringLiteral("/v25.0")); }
    // The wamids handed out by successful replies, in order.
    QStringList wamids() const { return m_wamids; }

private:
    QStringList m_wamids;
};

} // namespace Serambi::Test
