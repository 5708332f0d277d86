#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Serambi::Relay {

// What one client may hold of the relay's HTTP port (docs/configuration.md "Limits").
struct HttpLimits
{
    // A request's headers must be complete this long after the connection opened or the
    // request's first byte arrived.
    int headerTimeoutMs = 10000;
    // A connection on which nothing moves either way (no request bytes, no response bytes
    // taken by the client) for this long is closed; WebSockets are the hub's to watch.
    int idleTimeoutMs = 60000;
    // Connections one peer address may hold at once; 0: no cap.
    int maxConnectionsPerAddress = 64;
    // Headers larger than this close the connection.
    int maxHeaderBytes = 64 * 1024;
    // Bearer token /metrics asks for; empty: /metrics is open.
    QByteArray metricsToken;
};

// The TCP server under QtHttpServer (QAbstractHttpServer::bind): refuses a peer's connection
// past the per-address cap and closes connections whose headers do not arrive in time or on
// which nothing moves. Qt 6.4's server would otherwise keep them open forever.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(HttpLimits limits, QObject *parent = nullptr);

    int openConnections() const;
    quint64 refusedConnections() const { return m_refused; }
    quint64 timedOutConnections() const { return m_timedOut; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    friend class ConnectionWatch;

    HttpLimits m_limits;
    static bool isOpen(const QPointer<QTcpSocket> &socket);

    QHash<QString, QList<QPointer<QTcpSocket>>> m_perAddress;
    quint64 m_refused = 0;
    quint64 m_timedOut = 0;
};

} // namespace Serambi::Relay
