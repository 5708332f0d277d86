#include "shopwebhooks.h"

#include "simlogging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Serambi::Sim {

ShopWebhooks::ShopWebhooks(const QUrl &url, const QByteArray &secret, QObject *parent)
    : QObject(parent), m_url(url), m_secret(secret), m_network(new QNetworkAccessManager(this))
{}

QByteArray ShopWebhooks::signature(const QByteArray &body, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toBase64();
}

void ShopWebhooks::deliver(const QJsonArray &orders)
{
    for (const QJsonValue &order : orders) {
        const QByteArray body = QJsonDocument(order.toObject()).toJson(QJsonDocument::Compact);
        attempt(body, QByteArray::number(m_nextDelivery++), 1);
    }
}

void ShopWebhooks::attempt(const QByteArray &body, const QByteArray &deliveryId, int attemptNumber)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-WC-Webhook-Source", "http://127.0.0.1/");
    request.setRawHeader("X-WC-Webhook-Topic", "order.updated");
    request.setRawHeader("X-WC-Webhook-Resource", "order");
    request.setRawHeader("X-WC-Webhook-Event", "updated");
    request.setRawHeader("X-WC-Webhook-Delivery-ID", deliveryId);
    request.setRawHeader("X-WC-Webhook-Signature", signature(body, m_secret));
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, body, deliveryId, attemptNumber] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            Q_EMIT delivered(++m_delivered);
            return;
        }
        if (attemptNumber >= MaxAttempts) {
            qCWarning(lcSim, "shop webhook %s abandoned after %d attempts (HTTP %d)",
                      deliveryId.constData(), attemptNumber, status);
            return;
        }
        QTimer::singleShot(RetryMs, this, [this, body, deliveryId, attemptNumber] {
            attempt(body, deliveryId, attemptNumber + 1);
        });
    });
}

} // namespace Serambi::Sim
