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
    // Request bodies QtHttpServer would otherwise read whole into memory, whatever their size:
    // POST /media may send up to maxUploadBytes, every other request maxBodyBytes. A larger
    // Content-Length is answered 413 and the connection closed before the body is read.
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    qint64 maxUploadBytes = 100 * 1024 * 1024;
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
    quint64 refusedBodies() const { return m_refusedBodies; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    friend class ConnectionWatch;

    HttpLimits m_limits;
    static bool isOpen(const QPointer<QTcpSocket> &socket);

    QHash<QString, QList<QPointer<QTcpSocket>>> m_perAddress;
    quint64 m_refused = 0;
    quint64 m_timedOut = 0;
    quint64 m_refusedBodies = 0;
};

} // namespace Serambi::Relay
