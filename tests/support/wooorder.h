#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Serambi::Test {

// A WooCommerce order as its REST API v3 and its order webhooks carry it
// (docs/integrations-reference.md), with only the fields Serambi reads.
struct WooOrder
{
    qint64 id = 101;
    QString number = QStringLiteral("INV-0117");
    QString status = QStringLiteral("processing");
    QString total = QStringLiteral("350000.00"); // a decimal string, as WooCommerce sends it
    QString created = QStringLiteral("2026-11-28T03:15:00");  // date_created_gmt
    QString modified = QStringLiteral("2026-11-28T03:15:00"); // date_modified_gmt
    QString billingPhone = QStringLiteral("081234567001");
    QList<QPair<QString, int>> items{{QStringLiteral("Gamis Katun Rayon"), 2}};
    QString courier;        // meta_data _courier, when set
    QString trackingNumber; // meta_data _resi, when set
    QString consent;        // meta_data _serambi_whatsapp_updates ("yes"/"no"), when set
};

QJsonObject wooOrderJson(const WooOrder &order);

} // namespace Serambi::Test
