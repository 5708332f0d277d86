#include "consolesession.h"

#include "logging.h"
#include "protocol/frame.h"
#include "protocol/version.h"

#include <QTimer>
#include <QWebSocket>

namespace Serambi::Relay {

namespace {
// Frames above this are cut off by Qt itself; between MaxFrameBytes and this the console
// gets a frame_too_large error first.
constexpr quint64 SocketMessageLimit = 4ULL * Protocol::MaxFrameBytes;
} // namespace

ConsoleSession::ConsoleSession(quint64 id, QWebSocket *socket, int helloTimeoutMs, QObject *parent)
    : QObject(parent), m_id(id), m_socket(socket), m_peerAddress(socket->peerAddress().toString())
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(SocketMessageLimit);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ConsoleSession::handleText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ConsoleSession::handleBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &ConsoleSession::closed);
    QTimer::singleShot(helloTimeoutMs, this, &ConsoleSession::handleHelloTimeout);
}

void ConsoleSession::authenticate(const User &user)
{
    m_user = user;
    m_stage = Stage::Authenticated;
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
    if (m_socket->state() == QAbstractSocket::ConnectedState)
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
