#pragma once

#include "httpexchange.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace Serambi::Sim {

// A small WooCommerce store answering the REST API v3's order reads
// (docs/integrations-reference.md §1), for the demo and the relay's tests. It checks HTTP Basic
// credentials, searches orders the way the store does (a substring of the number, the billing
// name, e-mail or phone), pages with per_page/page and answers newest first.
class FakeShop
{
public:
    static constexpr auto DemoConsumerKey = "ck_serambi_demo_shop";
    static constexpr auto DemoConsumerSecret = "cs_serambi_demo_shop";

    FakeShop();

    // Replaces the store's orders with a JSON array of WooCommerce order objects.
    bool loadOrders(const QByteArray &json, QString *error);
    // The demo store (resources/demo/shop-orders.json).
    bool loadDemoOrders(QString *error);
    const QJsonArray &orders() const { return m_orders; }

    // True for requests under /wp-json/, which this shop answers.
    static bool isShopPath(const QString &path);
    HttpReply handle(const HttpRequest &request) const;

private:
    HttpReply listOrders(const HttpRequest &request) const;
    HttpReply oneOrder(qint64 id) const;

    QJsonArray m_orders;
};

} // namespace Serambi::Sim
