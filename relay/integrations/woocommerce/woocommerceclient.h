#pragma once

#include "integrations/commerce/ordersource.h"
#include "woocommerceoptions.h"

#include <QStringList>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace Serambi::Relay {

// Asks one WooCommerce store (REST API v3, read-only key) for a customer's orders. The store's
// search matches more than the phone (names, addresses), so every answer is filtered here to
// orders whose billing phone, in wa_id form, is the customer's. Redirects are not followed.
class WooCommerceClient : public OrderSource
{
public:
    // options must have no problem() (the relay checks it at start-up).
    WooCommerceClient(WooCommerceOptions options, QNetworkAccessManager *nam);

    void ordersForCustomer(const QString &waId, QObject *context, Done done) override;
    void orderByReference(const QString &reference, const QString &waId, QObject *context,
                          Done done) override;

    // What WooCommerce's search (a substring match) is asked for, one request each, to find
    // waId's orders: the subscriber number without country code or trunk 0 for Indonesian
    // numbers ("81234567001" is in "0812…" and "62812…"), then its last four digits for
    // phones written with separators ("+62 812-3456-7001"). Every candidate is then compared
    // in wa_id form.
    static QStringList phoneSearchTexts(const QString &waId);
    // A reference as customers write it ("#117", " inv-0117 ") as the store's order number
    // ("117", "INV-0117"); empty when it cannot be one.
    static QString normalizedReference(const QString &reference);

private:
    using Filter = std::function<bool(const ShopOrder &)>;

    // Runs one search per text in turn, keeping the customer's orders that pass filter, and
    // calls done with them all newest first, or with the first error.
    void search(QStringList texts, const QString &waId, Filter filter, QObject *context, Done done,
                OrderLookup found);
    OrderLookup readReply(QNetworkReply *reply, const QString &waId, const Filter &filter) const;

    WooCommerceOptions m_options;
    QNetworkAccessManager *m_nam;
};

} // namespace Serambi::Relay
