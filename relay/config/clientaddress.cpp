#include "clientaddress.h"

namespace Serambi::Relay {

namespace {

QHostAddress plain(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

bool parseTrustedProxies(const QString &text, TrustedProxies *proxies, QString *problem)
{
    proxies->clear();
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = item.trimmed();
        if (entry.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet;
        if (entry.contains(QLatin1Char('/'))) {
            subnet = QHostAddress::parseSubnet(entry);
        } else {
            const QHostAddress address(entry);
            subnet = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (subnet.first.isNull() || subnet.second < 0) {
            if (problem)
                *problem = entry;
            return false;
        }
        proxies->append(subnet);
    }
    return true;
}

bool isTrustedProxy(const QHostAddress &address, const TrustedProxies &proxies)
{
    const QHostAddress normal = plain(address);
    for (const auto &subnet : proxies) {
        if (normal.isInSubnet(subnet))
            return true;
    }
    return false;
}

QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                      const TrustedProxies &proxies)
{
    QHostAddress client = plain(peer);
    if (forwardedFor.isEmpty() || !isTrustedProxy(client, proxies))
        return client.toString();
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        client = plain(hop);
        if (!isTrustedProxy(client, proxies))
            break;
    }
    return client.toString();
}

} // namespace Serambi::Relay
