#include "woocommerceclient.h"

#include "logging/relaylogging.h"
#include "wooorderparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

namespace Serambi::Relay {

namespace {

const QString OrdersPath = QStringLiteral("/wp-json/wc/v3/orders");
constexpr int MatchedTailDigits = 4;
constexpr int PageSize = 100; // the API's maximum per_page
constexpr int MaxReferenceLength = 40;

QString errorMessage(const QJsonDocument &document)
{
    return document.object().value(QLatin1String("message")).toString().left(200);
}

} // namespace

WooCommerceClient::WooCommerceClient(WooCommerceOptions options, QNetworkAccessManager *nam)
    : m_options(std::move(options)), m_nam(nam)
{}

QStringList WooCommerceClient::phoneSearchTexts(const QString &waId)
{
    if (waId.isEmpty())
        return {};
    const QString subscriber = waId.startsWith(QLatin1String("62")) ? waId.mid(2) : waId;
    return {subscriber, waId.right(MatchedTailDigits)};
}

QString WooCommerceClient::normalizedReference(const QString &reference)
{
    QString text = reference.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    if (text.isEmpty() || text.size() > MaxReferenceLength)
        return {};
    for (const QChar c : text) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'/')
            return {};
    }
    return text.toUpper();
}

void WooCommerceClient::ordersForCustomer(const QString &waId, QObject *context, Done done)
{
    search(
        phoneSearchTexts(waId), waId, [](const ShopOrder &) { return true; }, context,
        std::move(done), OrderLookup{true, {}, {}});
}

void WooCommerceClient::orderByReference(const QString &reference, const QString &waId,
                                         QObject *context, Done done)
{
    const QString number = normalizedReference(reference);
    const Filter sameNumber = [number](const ShopOrder &order) {
        return order.number.toUpper() == number;
    };
    search(number.isEmpty() ? QStringList() : QStringList{number}, waId, sameNumber, context,
           std::move(done), OrderLookup{true, {}, {}});
}

void WooCommerceClient::search(QStringList texts, const QString &waId, Filter filter,
                               QObject *context, Done done, OrderLookup found)
{
    if (texts.isEmpty() || waId.isEmpty()) {
        std::stable_sort(
            found.orders.begin(), found.orders.end(),
            [](const ShopOrder &a, const ShopOrder &b) { return a.createdUtc > b.createdUtc; });
        QMetaObject::invokeMethod(
            context, [done = std::move(done), found = std::move(found)] { done(found); },
            Qt::QueuedConnection);
        return;
    }
    QUrl url = m_options.storeUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + OrdersPath);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("search"), texts.takeFirst());
    query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    url.setQuery(query);
    QNetworkRequest request(url);
    const QByteArray credentials =
        QByteArray(m_options.consumerKey + ':' + m_options.consumerSecret).toBase64();
    request.setRawHeader("Authorization", "Basic " + credentials);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply *reply = m_nam->get(request);
    QPointer<QObject> guard(context);
    QObject::connect(
        reply, &QNetworkReply::finished, context,
        [this, reply, guard, texts, waId, filter = std::move(filter), done = std::move(done),
         found = std::move(found)]() mutable {
            reply->deleteLater();
            if (!guard)
                return;
            const OrderLookup lookup = readReply(reply, waId, filter);
            if (!lookup.ok) {
                done(lookup);
                return;
            }
            for (const ShopOrder &order : lookup.orders) {
                const bool known =
                    std::any_of(found.orders.cbegin(), found.orders.cend(),
                                [&order](const ShopOrder &seen) { return seen.id == order.id; });
                if (!known)
                    found.orders.append(order);
            }
            search(texts, waId, std::move(filter), guard.data(), std::move(done), std::move(found));
        });
}

OrderLookup WooCommerceClient::readReply(QNetworkReply *reply, const QString &waId,
                                         const Filter &filter) const
{
    OrderLookup lookup;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (status == 0) {
        lookup.error = reply->error() == QNetworkReply::OperationCanceledError
                           ? QStringLiteral("the shop did not answer in time")
                           : QStringLiteral("cannot reach the shop: %1").arg(reply->errorString());
    } else if (status < 200 || status > 299) {
        const QString message = errorMessage(document);
        lookup.error =
            message.isEmpty()
                ? QStringLiteral("the shop answered HTTP %1").arg(status)
                : QStringLiteral("the shop answered HTTP %1: %2").arg(status).arg(message);
    } else if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        lookup.error = QStringLiteral("the shop's answer is not a JSON list of orders");
    }
    if (!lookup.error.isEmpty()) {
        qCWarning(lcCommerce, "WooCommerce order lookup failed: %s", qUtf8Printable(lookup.error));
        return lookup;
    }
    const QJsonArray orders = document.array();
    for (const QJsonValue &value : orders) {
        QString parseProblem;
        const std::optional<ShopOrder> order =
            parseWooOrder(value.toObject(), m_options.tracking, &parseProblem);
        if (!order) {
            qCWarning(lcCommerce, "WooCommerce sent an unreadable order: %s",
                      qUtf8Printable(parseProblem));
            continue;
        }
        if (!waId.isEmpty() && order->billingWaId == waId && filter(*order))
            lookup.orders.append(*order);
    }
    lookup.ok = true;
    return lookup;
}

} // namespace Serambi::Relay
