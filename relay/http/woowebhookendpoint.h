#pragma once

#include "integrations/commerce/orderstatusnotice.h"
#include "integrations/woocommerce/woocommerceoptions.h"

#include <QByteArray>
#include <QObject>

#include <array>
#include <atomic>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Serambi::Relay {

class StoreWriter;

struct WooWebhookOptions
{
    QByteArray secret; // the secret entered with the webhook in WooCommerce
    qint64 maxBodyBytes = 1024 * 1024;
    WooTrackingKeys tracking;
    // The status templates sent to consenting customers when an order changes status.
    OrderNoticeOptions notices;
};

// POST /woocommerce/webhook (docs/integrations.md): WooCommerce's order.created and
// order.updated deliveries, verified and stored, with the customer's consent to order updates;
// a stored change is published as order.updated and, on a new status with a chosen template,
// sent to a consenting customer as that template. Answers 200 once the order is committed (or
// for the ping, a resend, an out-of-order update, a topic Serambi does not handle), 401 for a
// missing or wrong signature, 400 for a signed body that is not an order, 413 above the size
// limit, 500 when the store failed (WooCommerce then retries).
class WooWebhookEndpoint : public QObject
{
    Q_OBJECT

public:
    enum Result {
        Stored,
        Ping,
        Duplicate,
        Stale,
        OtherTopic,
        BadSignature,
        Malformed,
        TooLarge,
        StoreFailed,
        ResultCount
    };

    WooWebhookEndpoint(WooWebhookOptions options, StoreWriter *writer, QObject *parent = nullptr);

    void handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    quint64 count(Result result) const { return m_results[result].load(); }

private:
    WooWebhookOptions m_options;
    StoreWriter *m_writer;
    std::array<std::atomic<quint64>, ResultCount> m_results{};
};

} // namespace Serambi::Relay
