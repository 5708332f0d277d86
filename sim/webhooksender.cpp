#include "webhooksender.h"

#include "simlogging.h"

#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Serambi::Sim {

WebhookSender::WebhookSender(const WebhookSenderOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_network(new QNetworkAccessManager(this))
{}

QByteArray WebhookSender::signatureHeader(const QByteArray &body, const QByteArray &appSecret)
{
    return QByteArrayLiteral("sha256=") +
           QMessageAuthenticationCode::hash(body, appSecret, QCryptographicHash::Sha256).toHex();
}

void WebhookSender::post(const QByteArray &body)
{
    if (!m_options.url.isValid() || m_options.url.isEmpty()) {
        qCDebug(lcSim, "no webhook URL configured; dropping a %lld-byte webhook",
                qlonglong(body.size()));
        return;
    }
    const QList<WebhookDelivery> deliveries =
        m_dialect ? m_dialect(body, m_options.url) : QList<WebhookDelivery>{metaDelivery(body)};
    for (const WebhookDelivery &delivery : deliveries) {
        ++m_pending;
        attempt(delivery, 1);
    }
}

WebhookDelivery WebhookSender::metaDelivery(const QByteArray &body) const
{
    return {QByteArrayLiteral("application/json"),
            body,
            {{QByteArrayLiteral("X-Hub-Signature-256"), signatureHeader(body, m_options.appSecret)},
             {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("facebookexternalua")}}};
}

void WebhookSender::attempt(const WebhookDelivery &delivery, int attemptNumber)
{
    QNetworkRequest request(m_options.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, delivery.contentType);
    for (const auto &[name, value] : delivery.headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply *reply = m_network->post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery, attemptNumber] {
        handleFinished(reply, delivery, attemptNumber);
    });
}

void WebhookSender::handleFinished(QNetworkReply *reply, const WebhookDelivery &delivery,
                                   int attemptNumber)
{
    const QByteArray &body = delivery.body;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        --m_pending;
        ++m_delivered;
        Q_EMIT delivered(body, attemptNumber);
        return;
    }
    ++m_failedAttempts;
    Q_EMIT attemptFailed(body, attemptNumber, status);
    if (attemptNumber >= m_options.maxAttempts) {
        qCWarning(lcSim, "webhook to %s abandoned after %d attempts (last: HTTP %d, %s)",
                  qPrintable(m_options.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                  attemptNumber, status, qPrintable(reply->errorString()));
        --m_pending;
        Q_EMIT abandoned(body);
        return;
    }
    // Like Meta: retry soon, then less and less often (capped at an hour between attempts).
    const int delay =
        int(qMin<qint64>(qint64(m_options.retryBaseMs) << qMin(attemptNumber - 1, 20), 3600000));
    qCWarning(lcSim, "webhook delivery failed (HTTP %d, %s); attempt %d, retrying in %d ms", status,
              qPrintable(reply->errorString()), attemptNumber, delay);
    QTimer::singleShot(delay, this,
                       [this, delivery, attemptNumber] { attempt(delivery, attemptNumber + 1); });
}

} // namespace Serambi::Sim
