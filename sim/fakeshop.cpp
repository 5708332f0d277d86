#include "fakeshop.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace Serambi::Sim {

namespace {

const QString OrdersPath = QStringLiteral("/wp-json/wc/v3/orders");
constexpr int DefaultPerPage = 10;
constexpr int MaxPerPage = 100;

// The WordPress REST error shape: {"code", "message", "data": {"status"}}.
HttpReply restError(int status, const QString &code, const QString &message)
{
    return HttpReply::json(
        {{QStringLiteral("code"), code},
         {QStringLiteral("message"), message},
         {QStringLiteral("data"), QJsonObject{{QStringLiteral("status"), status}}}},
        status);
}

bool matches(const QJsonObject &order, const QString &search)
{
    if (search.isEmpty())
        return true;
    const QJsonObject billing = order.value(QLatin1String("billing")).toObject();
    const QString fields[] = {order.value(QLatin1String("number")).toString(),
                              billing.value(QLatin1String("first_name")).toString(),
                              billing.value(QLatin1String("last_name")).toString(),
                              billing.value(QLatin1String("email")).toString(),
                              billing.value(QLatin1String("phone")).toString()};
    return std::any_of(std::begin(fields), std::end(fields), [&search](const QString &field) {
        return field.contains(search, Qt::CaseInsensitive);
    });
}

} // namespace

FakeShop::FakeShop() = default;

bool FakeShop::loadOrders(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        *error = QStringLiteral("shop orders: not a JSON array (%1)").arg(parseError.errorString());
        return false;
    }
    m_orders = document.array();
    return true;
}

bool FakeShop::loadDemoOrders(QString *error)
{
    QFile file(QStringLiteral(":/sim/shop-orders.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("shop orders: %1").arg(file.errorString());
        return false;
    }
    return loadOrders(file.readAll(), error);
}

bool FakeShop::isShopPath(const QString &path)
{
    return path.startsWith(QLatin1String("/wp-json/"));
}

HttpReply FakeShop::handle(const HttpRequest &request) const
{
    const QByteArray expected =
        "Basic " + QByteArray(QByteArray(DemoConsumerKey) + ':' + DemoConsumerSecret).toBase64();
    if (request.authorization.isEmpty())
        return restError(401, QStringLiteral("woocommerce_rest_authentication_error"),
                         QStringLiteral("Consumer key is missing."));
    if (request.authorization != expected)
        return restError(401, QStringLiteral("woocommerce_rest_authentication_error"),
                         QStringLiteral("Consumer secret is invalid."));
    if (request.method != QLatin1String("GET"))
        return restError(404, QStringLiteral("rest_no_route"),
                         QStringLiteral("No route was found matching the URL and request method."));
    if (request.path == OrdersPath)
        return listOrders(request);
    if (request.path.startsWith(OrdersPath + u'/')) {
        bool ok = false;
        const qint64 id = request.path.mid(OrdersPath.size() + 1).toLongLong(&ok);
        if (ok)
            return oneOrder(id);
    }
    return restError(404, QStringLiteral("rest_no_route"),
                     QStringLiteral("No route was found matching the URL and request method."));
}

HttpReply FakeShop::listOrders(const HttpRequest &request) const
{
    const QUrlQuery query(request.query);
    const QString search = query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
    const int perPage = std::clamp(query.hasQueryItem(QStringLiteral("per_page"))
                                       ? query.queryItemValue(QStringLiteral("per_page")).toInt()
                                       : DefaultPerPage,
                                   1, MaxPerPage);
    const int page = std::max(1, query.queryItemValue(QStringLiteral("page")).toInt());

    QList<QJsonObject> found;
    for (const QJsonValue &value : m_orders) {
        if (matches(value.toObject(), search))
            found.append(value.toObject());
    }
    std::stable_sort(found.begin(), found.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("date_created_gmt")).toString() >
               b.value(QLatin1String("date_created_gmt")).toString();
    });
    QJsonArray pageOrders;
    for (qsizetype i = qsizetype(page - 1) * perPage;
         i < found.size() && pageOrders.size() < perPage; ++i)
        pageOrders.append(found.at(i));

    HttpReply reply;
    reply.body = QJsonDocument(pageOrders).toJson(QJsonDocument::Compact);
    const qsizetype pages = (found.size() + perPage - 1) / perPage;
    reply.headers.append({QByteArrayLiteral("X-WP-Total"), QByteArray::number(found.size())});
    reply.headers.append({QByteArrayLiteral("X-WP-TotalPages"), QByteArray::number(pages)});
    return reply;
}

HttpReply FakeShop::oneOrder(qint64 id) const
{
    for (const QJsonValue &value : m_orders) {
        if (value.toObject().value(QLatin1String("id")).toInteger() == id)
            return HttpReply::json(value.toObject());
    }
    return restError(404, QStringLiteral("woocommerce_rest_shop_order_invalid_id"),
                     QStringLiteral("Invalid ID."));
}

} // namespace Serambi::Sim
