#pragma once

#include "channels/sendresult.h"
#include "twilioform.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkRequest;
QT_END_NAMESPACE

namespace Serambi::Relay {

struct TwilioOptions
{
    QUrl apiUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    QString accountSid;
    QByteArray authToken;
    int timeoutMs = 20000;
};

// Twilio's REST API for one account (docs/providers/twilio.md §5, §6): HTTP Basic with
// AccountSid:AuthToken, only to the configured API URL; the token is never logged.
class TwilioClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const GraphResult &)>;

    TwilioClient(TwilioOptions options, QNetworkAccessManager *nam, QObject *parent = nullptr);

    const TwilioOptions &options() const { return m_options; }
    // {api}/2010-04-01/Accounts/{AccountSid}/Messages.json
    QUrl messagesUrl() const;

    // POSTs form to Messages.json; success carries the message's sid in wamid. A Twilio error
    // becomes GraphResult's error: its code, its message as the title, more_info as details;
    // transient for rate limits, full queues and HTTP 429/5xx.
    void sendMessage(const FormParams &form, QObject *context, Done done);
    // GETs url with the account's credentials, following redirects on the same origin only;
    // nullptr, and nothing sent, when url is not on the API URL's origin.
    QNetworkReply *download(const QUrl &url);

    static GraphResult readResult(QNetworkReply *reply);

private:
    QNetworkRequest request(const QUrl &url) const;

    TwilioOptions m_options;
    QNetworkAccessManager *m_nam;
};

} // namespace Serambi::Relay
