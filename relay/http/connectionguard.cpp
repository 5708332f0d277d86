#include "connectionguard.h"

#include "logging/relaylogging.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace Serambi::Relay {

// Follows one connection's requests closely enough to time them: the end of each request's
// headers, its Content-Length, the start of the next one. Lives as a child of the socket.
class ConnectionWatch : public QObject
{
public:
    ConnectionWatch(QTcpSocket *socket, GuardedTcpServer *server)
        : QObject(socket), m_socket(socket), m_server(server), m_limits(server->m_limits)
    {
        m_headerTimer.setSingleShot(true);
        m_idleTimer.setSingleShot(true);
        connect(&m_headerTimer, &QTimer::timeout, this,
                [this] { close("headers not complete in time"); });
        connect(&m_idleTimer, &QTimer::timeout, this, [this] { close("idle"); });
        // Connected before QtHttpServer's own slot: the bytes are still there to peek at.
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionWatch::handleReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_idleTimer.start(); });
        m_headerTimer.start(m_limits.headerTimeoutMs);
        m_idleTimer.start(m_limits.idleTimeoutMs);
    }

private:
    enum class State { BetweenRequests, Headers, Body, Unframed, Discarding };

    void handleReadyRead()
    {
        m_idleTimer.start();
        const qint64 available = m_socket->bytesAvailable();
        if (m_state == State::Body && available <= m_bodyLeft) { // counted, not copied
            m_bodyLeft -= available;
            if (m_bodyLeft == 0)
                m_state = State::BetweenRequests;
            return;
        }
        const QByteArray bytes = m_socket->peek(available);
        qsizetype at = 0;
        while (at < bytes.size()) {
            switch (m_state) {
            case State::BetweenRequests:
                m_state = State::Headers;
                m_headers.clear();
                if (!m_headerTimer.isActive())
                    m_headerTimer.start(m_limits.headerTimeoutMs);
                break;
            case State::Headers: {
                const qsizetype before = m_headers.size();
                m_headers += bytes.mid(at);
                const qsizetype end = m_headers.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (m_headers.size() > m_limits.maxHeaderBytes)
                        return close("headers too large");
                    return;
                }
                at += end + 4 - before;
                m_headers.truncate(end + 2);
                m_headerTimer.stop();
                if (!headersComplete(bytes.size() - at))
                    return;
                break;
            }
            case State::Body: {
                const qint64 taken = std::min<qint64>(m_bodyLeft, bytes.size() - at);
                m_bodyLeft -= taken;
                at += taken;
                if (m_bodyLeft == 0)
                    m_state = State::BetweenRequests;
                break;
            }
            case State::Unframed: // a chunked body: counted against the larger limit
                m_unframedBytes += bytes.size() - at;
                if (m_unframedBytes > m_limits.maxUploadBytes)
                    return close("chunked body too large");
                return;
            case State::Discarding:
                return;
            }
        }
    }

    // False when QtHttpServer is not to see the rest: a WebSocket upgrade (the hub watches
    // those, this watch ends) or a body over the limit (refused). bodyBytes of the body arrived
    // with the end of the headers.
    bool headersComplete(qint64 bodyBytes)
    {
        const QByteArray lower = m_headers.toLower();
        if (lower.contains("\r\nupgrade:") && lower.contains("websocket")) {
            deleteLater();
            m_state = State::Unframed;
            m_idleTimer.stop();
            return false;
        }
        m_bodyLeft = 0;
        m_unframedBytes = 0;
        m_state = State::BetweenRequests;
        const qsizetype space = lower.indexOf(' ');
        const QByteArray target = lower.mid(space + 1, lower.indexOf(' ', space + 1) - space - 1);
        const qint64 limit = target == "/media" || target.startsWith("/media?")
                                 ? m_limits.maxUploadBytes
                                 : m_limits.maxBodyBytes;
        const qsizetype length = lower.indexOf("\r\ncontent-length:");
        if (lower.contains("\r\ntransfer-encoding:")) {
            m_state = State::Unframed;
        } else if (length >= 0) {
            const qsizetype start = length + 17;
            const qsizetype end = lower.indexOf("\r\n", start);
            m_bodyLeft = lower.mid(start, end - start).trimmed().toLongLong();
            if (m_bodyLeft > limit) {
                // A client that waits for "100 Continue" sends no body after the 413.
                refuseBody(lower.contains("\r\nexpect: 100-continue") ? 0 : m_bodyLeft - bodyBytes);
                return false;
            }
            if (m_bodyLeft > 0)
                m_state = State::Body;
        }
        return true;
    }

    // Answers 413 at once and reads the rest of the body only to drop it, so that the client
    // sees the answer (closing on a client still sending would reset the connection) and
    // QtHttpServer, which would keep every byte, never sees it.
    void refuseBody(qint64 bodyLeft)
    {
        if (m_server)
            ++m_server->m_refusedBodies;
        qCInfo(lcHttpGuard) << "refusing a request body over the limit from"
                            << m_socket->peerAddress();
        m_headerTimer.stop();
        m_state = State::Discarding;
        disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction(); // what QtHttpServer read so far is let go
        m_discardLeft = bodyLeft;
        connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionWatch::discard);
        m_socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n"
                        "Connection: close\r\n\r\n");
        m_socket->skip(m_socket->bytesAvailable()); // the headers' chunk, counted already
        if (m_discardLeft <= 0)
            m_socket->disconnectFromHost();
    }

    void discard()
    {
        m_idleTimer.start();
        m_discardLeft -= std::max<qint64>(0, m_socket->skip(m_socket->bytesAvailable()));
        if (m_discardLeft <= 0)
            m_socket->disconnectFromHost();
    }

    void close(const char *why)
    {
        if (m_server)
            ++m_server->m_timedOut;
        qCInfo(lcHttpGuard) << "closing a connection from" << m_socket->peerAddress() << ":" << why;
        m_headerTimer.stop();
        m_idleTimer.stop();
        m_socket->abort();
    }

    QTcpSocket *m_socket;
    QPointer<GuardedTcpServer> m_server;
    const HttpLimits m_limits;
    QTimer m_headerTimer;
    QTimer m_idleTimer;
    State m_state = State::BetweenRequests;
    QByteArray m_headers;
    qint64 m_bodyLeft = 0;
    qint64 m_unframedBytes = 0;
    qint64 m_discardLeft = 0;
};

GuardedTcpServer::GuardedTcpServer(HttpLimits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{}

int GuardedTcpServer::openConnections() const
{
    int open = 0;
    for (const auto &sockets : m_perAddress)
        open += int(std::count_if(sockets.begin(), sockets.end(), isOpen));
    return open;
}

bool GuardedTcpServer::isOpen(const QPointer<QTcpSocket> &socket)
{
    return socket && socket->state() != QAbstractSocket::UnconnectedState;
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (m_perAddress.size() > 1024) { // addresses seen once stay no longer than they connect
        m_perAddress.removeIf([](const auto &entry) {
            return std::none_of(entry.value().begin(), entry.value().end(), isOpen);
        });
    }
    // Counted while connected, whoever owns the socket by then: QtHttpServer cuts a
    // WebSocket's QTcpSocket off every signal when it hands it over.
    QList<QPointer<QTcpSocket>> &open = m_perAddress[socket->peerAddress().toString()];
    open.removeIf([](const QPointer<QTcpSocket> &held) { return !isOpen(held); });
    if (m_limits.maxConnectionsPerAddress > 0 && open.size() >= m_limits.maxConnectionsPerAddress) {
        if (m_refused++ % 100 == 0)
            qCWarning(lcHttpGuard) << "refusing connections from" << socket->peerAddress()
                                   << ": it holds" << open.size() << "already";
        socket->abort();
        delete socket;
        return;
    }
    open.append(socket);
    new ConnectionWatch(socket, this);
    addPendingConnection(socket);
}

} // namespace Serambi::Relay
