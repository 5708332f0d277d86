#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Serambi::Relay {

// Where a shop keeps the courier and tracking number (resi) of an order: WooCommerce has no
// field for them, shipment plugins put them in the order's meta_data (docs/integrations.md).
struct WooTrackingKeys
{
    // Meta keys holding an array of {tracking_provider, custom_tracking_provider,
    // tracking_number} (the Shipment Tracking extension's shape).
    QStringList trackingItemKeys{QStringLiteral("_wc_shipment_tracking_items")};
    // Meta keys holding the tracking number or the courier as plain text.
    QStringList trackingNumberKeys{QStringLiteral("_resi"), QStringLiteral("_tracking_number")};
    QStringList courierKeys{QStringLiteral("_courier"), QStringLiteral("_tracking_provider")};
};

// How the relay reaches one WooCommerce store's REST API v3 (docs/integrations.md). The key and
// secret are sent only as HTTP Basic credentials to storeUrl and never logged.
struct WooCommerceOptions
{
    QUrl storeUrl; // the site's root, e.g. https://toko.example; the API is under /wp-json/wc/v3
    QByteArray consumerKey;    // ck_…
    QByteArray consumerSecret; // cs_…
    int timeoutMs = 15000;
    WooTrackingKeys tracking;

    // Empty when usable; else one line saying what is wrong. Plain http is refused except to a
    // loopback address: Basic credentials must not cross a network in clear text.
    QString problem() const;
};

} // namespace Serambi::Relay
