#pragma once

#include "integrations/commerce/shoporder.h"
#include "woocommerceoptions.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// The order meta key where the shop's checkout records whether the customer wants order
// updates on WhatsApp: "yes"/"1" or "no"/"0" (docs/integrations.md, "Status templates").
inline const QString WooOrderUpdatesConsentKey = QStringLiteral("_serambi_whatsapp_updates");

// Reads one order object of WooCommerce's REST API v3 or of an order webhook
// (docs/integrations-reference.md §1.3). nullopt with *error naming the field when a field
// Serambi needs is missing or malformed (id, number, status, total as a decimal string).
std::optional<ShopOrder> parseWooOrder(const QJsonObject &order, const WooTrackingKeys &keys,
                                       QString *error);

} // namespace Serambi::Relay
