#include "consolesession.h"

#include "logging/relaylogging.h"
#include "protocol/frame.h"
#include "protocol/version.h"

#include "config/clientaddress.h"

#include <QTimer>
#include <QWebSocket>

#include <algorithm>

namespace Serambi::Relay {

namespace {
// Frames above this are cut off by Qt itself; between MaxFrameBytes and this the console
// gets a frame_too_large error first.
constexpr quint64 SocketMessageLimit = 4ULL * Protocol::MaxFrameBytes;
} // namespace

ConsoleSession::ConsoleSession(quint64 id, QWebSocket *socket, const HubOptions &options,
                               QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_socket(socket)
    , m_peerAddress(clientAddress(socket->peerAddress(),
                                  socket->request().rawHeader("X-Forwarded-For"),
                                  options.trustedProxies))
    , m_maxOutgoingBytes(options.maxOutgoingBytes)
{
    m_socket->setParent(this);
    // Qt reads a whole frame into memory before it checks the message size: bound both, and
    // keep strangers to a small frame until they have logged in.
    const quint64 preHello = quint64(std::max<qint64>(1024, options.preHelloFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(preHello);
    m_socket->setMaxAllowedIncomingMessageSize(preHello);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ConsoleSession::handleText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ConsoleSession::handleBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &ConsoleSession::closed);
    QTimer::singleShot(options.helloTimeoutMs, this, &ConsoleSession::handleHelloTimeout);
}

void ConsoleSession::authenticate(const User &user, const QByteArray &tokenHash)
{
    m_user = user;
    m_tokenHash = tokenHash;
    m_stage = Stage::Authenticated;
    m_socket->setMaxAllowedIncomingFrameSize(SocketMessageLimit);
    m_socket->setMaxAllowedIncomingMessageSize(SocketMessageLimit);
}

void ConsoleSession::subscribe(qint64 seq)
{
    m_subscribed = true;
    m_lastSeq = seq;
}

void ConsoleSession::send(const QJsonObject &frame)
{
    sendEncoded(QString::fromUtf8(Protocol::encodeFrame(frame)));
}

void ConsoleSession::sendEncoded(const QString &frame)
{
    if (m_dropped || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_socket->bytesToWrite() + frame.size() > m_maxOutgoingBytes) {
        qCWarning(lcHub) << "dropping connection" << m_id << "from" << m_peerAddress << "with"
                         << m_socket->bytesToWrite() << "bytes it has not read";
        m_dropped = true;
        m_stage = Stage::Closing;
        m_subscribed = false;
        m_deferred.clear();
        // Not at once: the hub may be iterating its sessions.
        QTimer::singleShot(0, m_socket, &QWebSocket::abort);
        return;
    }
    m_socket->sendTextMessage(frame);
}

void ConsoleSession::fail(Protocol::ErrorCode code, const QString &detail, const QJsonObject &extra)
{
    if (m_stage == Stage::Closing)
        return;
    QJsonObject frame = Protocol::errorFrame(code, detail);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        frame.insert(it.key(), it.value());
    send(frame);
    m_stage = Stage::Closing;
    m_subscribed = false;
    m_deferred.clear();
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, Protocol::errorCodeName(code));
}

bool ConsoleSession::defer(const QJsonObject &frame)
{
    if (m_deferred.size() >= MaxDeferredFrames)
        return false;
    m_deferred.append(frame);
    return true;
}

QList<QJsonObject> ConsoleSession::takeDeferred()
{
    return std::exchange(m_deferred, {});
}

void ConsoleSession::handleText(const QString &text)
{
    if (m_stage == Stage::Closing)
        return;
    Protocol::DecodeError error;
    const auto frame = Protocol::decodeFrame(text.toUtf8(), &error);
    if (frame) {
        Q_EMIT frameReceived(*frame);
        return;
    }
    qCInfo(lcHub) << "bad frame from" << m_peerAddress << Protocol::errorCodeName(error.code);
    if (error.code == Protocol::ErrorCode::FrameTooLarge)
        fail(error.code, error.detail);
    else
        send(Protocol::errorFrame(error.code, error.detail));
}

void ConsoleSession::handleBinary()
{
    if (m_stage != Stage::Closing)
        send(Protocol::errorFrame(Protocol::ErrorCode::BadFrame,
                                  QStringLiteral("binary frames are not part of the protocol")));
}

void ConsoleSession::handleHelloTimeout()
{
    if (m_stage == Stage::AwaitingHello)
        fail(Protocol::ErrorCode::NotAuthenticated, QStringLiteral("no hello in time"));
}

} // namespace Serambi::Relay
