#pragma once

#include "integrations/commerce/shoporder.h"
#include "woocommerceoptions.h"

#include <QByteArray>
#include <QString>

namespace Serambi::Relay {

// The headers of a WooCommerce webhook delivery the relay reads
// (docs/integrations-reference.md §1.4).
struct WooWebhookHeaders
{
    QByteArray topic;      // X-WC-Webhook-Topic, e.g. "order.updated"
    QByteArray signature;  // X-WC-Webhook-Signature
    QByteArray deliveryId; // X-WC-Webhook-Delivery-ID
};

// What one delivery turned out to be.
struct WooWebhookDelivery
{
    enum class Kind {
        Ping,  // the test WooCommerce sends when a webhook is saved: answer 200, nothing else
        Order, // a verified order.created / order.updated with a readable order
        BadSignature, // missing or wrong X-WC-Webhook-Signature (or no secret configured)
        Malformed,    // signed, but not an order object Serambi can read
        OtherTopic,   // signed, a topic Serambi does not handle (answered 200 and dropped)
    };

    Kind kind = Kind::Malformed;
    QString deliveryId;
    ShopOrder order; // for Kind::Order
    QString problem; // one line for the log, never the body
};

// base64(HMAC-SHA256(secret, body)), what WooCommerce sends as X-WC-Webhook-Signature.
QByteArray wooWebhookSignature(const QByteArray &body, const QByteArray &secret);

// Verifies and reads one delivery from its raw body. The signature is checked (in constant time)
// before anything in the body is parsed; an empty secret verifies nothing.
WooWebhookDelivery readWooWebhook(const WooWebhookHeaders &headers, const QByteArray &body,
                                  const QByteArray &secret, const WooTrackingKeys &keys);

} // namespace Serambi::Relay
