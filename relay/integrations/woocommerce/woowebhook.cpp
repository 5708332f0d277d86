#include "woowebhook.h"

#include "whatsapp/signature.h"
#include "wooorderparser.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace Serambi::Relay {

namespace {

// The ping's whole body: form-encoded "webhook_id=<id>" (woocommerce/woocommerce#15642).
bool isPing(const QByteArray &body)
{
    static const QRegularExpression ping(QStringLiteral("^webhook_id=[0-9]{1,20}$"));
    return body.size() <= 40 && ping.match(QString::fromLatin1(body)).hasMatch();
}

bool isOrderTopic(const QByteArray &topic)
{
    return topic == "order.created" || topic == "order.updated";
}

} // namespace

QByteArray wooWebhookSignature(const QByteArray &body, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toBase64();
}

WooWebhookDelivery readWooWebhook(const WooWebhookHeaders &headers, const QByteArray &body,
                                  const QByteArray &secret, const WooTrackingKeys &keys)
{
    WooWebhookDelivery delivery;
    delivery.deliveryId = QString::fromLatin1(headers.deliveryId.left(64));
    if (isPing(body)) {
        delivery.kind = WooWebhookDelivery::Kind::Ping;
        return delivery;
    }
    if (secret.isEmpty() || headers.signature.isEmpty() ||
        !constantTimeEquals(wooWebhookSignature(body, secret), headers.signature.trimmed())) {
        delivery.kind = WooWebhookDelivery::Kind::BadSignature;
        delivery.problem = QStringLiteral("missing or wrong X-WC-Webhook-Signature");
        return delivery;
    }
    if (!isOrderTopic(headers.topic)) {
        delivery.kind = WooWebhookDelivery::Kind::OtherTopic;
        delivery.problem = QStringLiteral("topic \"%1\" is not handled")
                               .arg(QString::fromLatin1(headers.topic.left(64)));
        return delivery;
    }
    if (headers.deliveryId.isEmpty()) {
        delivery.problem = QStringLiteral("no X-WC-Webhook-Delivery-ID");
        return delivery;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        delivery.problem = QStringLiteral("the body is not a JSON object");
        return delivery;
    }
    QString orderProblem;
    const std::optional<ShopOrder> order = parseWooOrder(document.object(), keys, &orderProblem);
    if (!order) {
        delivery.problem = orderProblem;
        return delivery;
    }
    delivery.kind = WooWebhookDelivery::Kind::Order;
    delivery.order = *order;
    return delivery;
}

} // namespace Serambi::Relay
