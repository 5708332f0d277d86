#include "woowebhookendpoint.h"

#include "integrations/commerce/shoporderrepo.h"
#include "integrations/woocommerce/woowebhook.h"
#include "logging/relaylogging.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace Serambi::Relay {

namespace {

const QString ShopName = QStringLiteral("woocommerce");

using Status = QHttpServerResponder::StatusCode;

void respond(QHttpServerResponder &responder, Status status, const QByteArray &body)
{
    responder.write(body, QByteArrayLiteral("text/plain; charset=utf-8"), status);
}

} // namespace

WooWebhookEndpoint::WooWebhookEndpoint(WooWebhookOptions options, StoreWriter *writer,
                                       QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_writer(writer)
{}

void WooWebhookEndpoint::handlePost(const QHttpServerRequest &request,
                                    QHttpServerResponder &&responder)
{
    const QByteArray body = request.body();
    if (body.size() > m_options.maxBodyBytes) {
        ++m_results[TooLarge];
        qCWarning(lcCommerce) << "WooCommerce webhook refused: body of" << body.size() << "bytes";
        respond(responder, Status::PayloadTooLarge, "body too large\n");
        return;
    }
    const WooWebhookHeaders headers{request.value(QByteArrayLiteral("X-WC-Webhook-Topic")),
                                    request.value(QByteArrayLiteral("X-WC-Webhook-Signature")),
                                    request.value(QByteArrayLiteral("X-WC-Webhook-Delivery-ID"))};
    const WooWebhookDelivery delivery =
        readWooWebhook(headers, body, m_options.secret, m_options.tracking);
    switch (delivery.kind) {
    case WooWebhookDelivery::Kind::Ping:
        ++m_results[Ping];
        qCInfo(lcCommerce) << "WooCommerce webhook ping answered";
        respond(responder, Status::Ok, "ok\n");
        return;
    case WooWebhookDelivery::Kind::BadSignature:
        ++m_results[BadSignature];
        qCWarning(lcCommerce) << "WooCommerce webhook refused:" << delivery.problem << "from"
                              << request.remoteAddress();
        respond(responder, Status::Unauthorized, "signature mismatch\n");
        return;
    case WooWebhookDelivery::Kind::OtherTopic:
        ++m_results[OtherTopic];
        qCInfo(lcCommerce) << "WooCommerce webhook dropped:" << delivery.problem;
        respond(responder, Status::Ok, "ignored\n");
        return;
    case WooWebhookDelivery::Kind::Malformed:
        ++m_results[Malformed];
        qCWarning(lcCommerce) << "WooCommerce webhook refused:" << delivery.problem;
        respond(responder, Status::BadRequest, "malformed webhook\n");
        return;
    case WooWebhookDelivery::Kind::Order:
        break;
    }

    // Answered once the order is committed; the socket may be gone by then.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    m_writer->submit(
        [delivery, notices = m_options.notices](WriteTxn &txn) {
            if (!ShopOrderRepo::takeDelivery(txn, ShopName, delivery.deliveryId))
                return txn.takeFailed() ? WriteResult::failure(QStringLiteral("delivery id"))
                                        : WriteResult::success(int(Duplicate));
            QString previousStatus;
            switch (ShopOrderRepo::save(txn, ShopName, delivery.order, &previousStatus)) {
            case ShopOrderRepo::Stored::Written: {
                ShopOrder stored = delivery.order;
                stored.shop = ShopName;
                if (!ShopOrderRepo::recordConsent(txn, ShopName, stored))
                    return WriteResult::failure(QStringLiteral("consent"));
                if (queueOrderStatusNotice(txn, notices, stored, previousStatus) ==
                    OrderNotice::Failed)
                    return WriteResult::failure(QStringLiteral("status template"));
                ShopOrderRepo::publishUpdated(txn, stored);
                return WriteResult::success(int(Stored));
            }
            case ShopOrderRepo::Stored::Stale:
                return WriteResult::success(int(Stale));
            case ShopOrderRepo::Stored::Failed:
                break;
            }
            return WriteResult::failure(QStringLiteral("order"));
        },
        this,
        [this, pending, socket](const WriteResult &result) {
            const Result outcome = result.ok ? Result(result.value.toInt()) : StoreFailed;
            ++m_results[outcome];
            if (!result.ok)
                qCCritical(lcCommerce) << "WooCommerce order not stored:" << result.error;
            if (!socket)
                return;
            if (result.ok)
                respond(*pending, Status::Ok, outcome == Duplicate ? "duplicate\n" : "ok\n");
            else
                respond(*pending, Status::InternalServerError, "not stored\n");
        });
}

} // namespace Serambi::Relay
