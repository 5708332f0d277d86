#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace Serambi::Relay {

// Subnets (address, prefix length) whose X-Forwarded-For the relay believes.
using TrustedProxies = QList<QPair<QHostAddress, int>>;

// Parses "127.0.0.1, 10.0.0.0/8, ::1" (an address alone is a /32 or /128); false with
// *problem naming the bad entry.
bool parseTrustedProxies(const QString &text, TrustedProxies *proxies, QString *problem);

bool isTrustedProxy(const QHostAddress &address, const TrustedProxies &proxies);

// The address of the client behind peer: peer itself unless peer is a trusted proxy, then the
// right-most X-Forwarded-For entry that is not a trusted proxy (entries further left were
// written by the client and prove nothing). An unparsable entry ends the walk at the last
// trusted hop. IPv4-mapped IPv6 addresses are given as IPv4.
QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                      const TrustedProxies &proxies);

} // namespace Serambi::Relay
