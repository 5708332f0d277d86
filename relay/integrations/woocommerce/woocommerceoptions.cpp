#include "woocommerceoptions.h"

#include <QHostAddress>

namespace Serambi::Relay {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString WooCommerceOptions::problem() const
{
    if (!storeUrl.isValid() || storeUrl.host().isEmpty())
        return QStringLiteral("the WooCommerce store URL is not a valid URL");
    if (!storeUrl.userInfo().isEmpty() || storeUrl.hasQuery() || storeUrl.hasFragment())
        return QStringLiteral("the WooCommerce store URL must not carry credentials, a query or "
                              "a fragment");
    const QString scheme = storeUrl.scheme();
    if (scheme == QLatin1String("http") && !isLoopbackHost(storeUrl.host()))
        return QStringLiteral("the WooCommerce store URL must use https (http only to loopback)");
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QStringLiteral("the WooCommerce store URL must use https");
    if (consumerKey.isEmpty() || consumerSecret.isEmpty())
        return QStringLiteral("the WooCommerce consumer key and secret are both needed");
    return {};
}

} // namespace Serambi::Relay
