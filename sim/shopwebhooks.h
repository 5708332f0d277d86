#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Serambi::Sim {

// The fake shop's webhooks, as WooCommerce delivers them (docs/integrations-reference.md):
// one POST per order with the order object as the body, X-WC-Webhook-Topic order.updated,
// X-WC-Webhook-Resource order, X-WC-Webhook-Event updated, X-WC-Webhook-Delivery-ID and
// X-WC-Webhook-Signature (base64 HMAC-SHA256 of the body under the webhook's secret); a failed
// delivery is tried again after a second, up to maxAttempts times.
class ShopWebhooks : public QObject
{
    Q_OBJECT

public:
    ShopWebhooks(const QUrl &url, const QByteArray &secret, QObject *parent = nullptr);

    static QByteArray signature(const QByteArray &body, const QByteArray &secret);

    // Delivers every order (the demo store at start, so the relay knows its orders).
    void deliver(const QJsonArray &orders);
    int deliveredCount() const { return m_delivered; }

    static constexpr int MaxAttempts = 30;
    static constexpr int RetryMs = 1000;

Q_SIGNALS:
    void delivered(int count);

private:
    void attempt(const QByteArray &body, const QByteArray &deliveryId, int attemptNumber);

    QUrl m_url;
    QByteArray m_secret;
    QNetworkAccessManager *m_network;
    int m_delivered = 0;
    int m_nextDelivery = 1;
};

} // namespace Serambi::Sim
