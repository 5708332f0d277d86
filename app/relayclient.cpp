#include "relayclient.h"

#include "logging.h"

#include "protocol/commandargs.h"
#include "protocol/commands.h"
#include "protocol/errorcode.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "protocol/teampayloads.h"
#include "protocol/version.h"

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUuid>

#include <utility>

namespace Serambi::App {

using namespace Protocol;

namespace {
constexpr int HandshakeTimeoutMs = 15000;
constexpr int PingIntervalMs = 30000;
} // namespace

RelayClient::RelayClient(QObject *parent) : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    m_handshakeTimer.setInterval(HandshakeTimeoutMs);
    m_pingTimer.setInterval(PingIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &RelayClient::openSocket);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcConsole) << "relay did not welcome us in time";
        m_socket.abort();
    });
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_awaitingPong) {
            qCInfo(lcConsole) << "relay stopped answering pings";
            m_socket.abort();
            return;
        }
        m_awaitingPong = true;
        m_socket.ping();
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(&m_socket, &QWebSocket::connected, this, &RelayClient::handleConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &RelayClient::handleSocketGone);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    handleSocketGone();
            });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RelayClient::handleTextMessage);
}

RelayClient::~RelayClient()
{
    m_status.state = ConnectionState::SignedOut;
    m_socket.disconnect(this);
    m_socket.abort();
}

QString RelayClient::newCommandId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void RelayClient::signInWithPassword(const QUrl &url, const QString &username,
                                     const QString &password)
{
    m_url = url;
    m_username = username;
    m_password = password;
    m_token.clear();
    m_everWelcomed = false;
    m_attempts = 0;
    m_status.lastErrorCode.clear();
    setState(ConnectionState::Connecting);
    openSocket();
}

void RelayClient::signInWithToken(const QUrl &url, const QString &token)
{
    m_url = url;
    m_password.clear();
    m_token = token;
    m_everWelcomed = true; // a restored session keeps trying while the relay is away
    m_attempts = 0;
    m_status.lastErrorCode.clear();
    setState(ConnectionState::Connecting);
    openSocket();
}

void RelayClient::signOut()
{
    // The relay forgets the session too, so the token is useless wherever it was kept. The
    // close is graceful so that the logout reaches the relay before the connection ends.
    const bool logOut = isOnline();
    if (logOut)
        send({{Key::Type, QLatin1String(FrameType::Command)},
              {Key::Id, newCommandId()},
              {Key::Name, commandName(Command::Logout)},
              {Key::Args, QJsonObject()}});
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_password.clear();
    m_token.clear();
    m_welcomed = false;
    m_status.nextRetryAt = {};
    m_status.offlineSince = {};
    setState(ConnectionState::SignedOut);
    m_socketActive = false;
    if (logOut)
        m_socket.close();
    else
        m_socket.abort();
}

bool RelayClient::request(Command command, const QJsonObject &args, QObject *context,
                          ResultHandler handler)
{
    if (const auto problem = checkCommandArguments(command, args)) {
        qCWarning(lcConsole) << "command" << commandName(command)
                             << "not sent, its arguments are malformed:" << *problem;
        return false;
    }
    return requestWithId(newCommandId(), command, args, context, std::move(handler));
}

bool RelayClient::requestWithId(const QString &id, Command command, const QJsonObject &args,
                                QObject *context, ResultHandler handler)
{
    if (!isOnline())
        return false;
    if (handler)
        m_requests.insert(id, {context, context != nullptr, std::move(handler)});
    send({{Key::Type, QLatin1String(FrameType::Command)},
          {Key::Id, id},
          {Key::Name, commandName(command)},
          {Key::Args, args}});
    return true;
}

void RelayClient::handleResult(const QJsonObject &frame)
{
    const auto found = m_requests.find(frame.value(Key::Id).toString());
    if (found == m_requests.end())
        return;
    const Request request = *found;
    m_requests.erase(found);
    if (request.hasContext && !request.context)
        return;
    request.handler({frame.value(Key::Ok).toBool(), frame.value(Key::Data).toObject(),
                     frame.value(Key::Error).toObject().value(Key::Code).toString(), false});
}

void RelayClient::loseRequests()
{
    const QHash<QString, Request> lost = std::exchange(m_requests, {});
    for (const Request &request : lost) {
        if (!request.hasContext || request.context)
            request.handler({false, {}, QStringLiteral("unreachable"), true});
    }
}

void RelayClient::openSocket()
{
    if (m_status.state == ConnectionState::SignedOut)
        return;
    m_welcomed = false;
    m_awaitingPong = false;
    m_socketActive = true;
    m_handshakeTimer.start();
    m_socket.abort();
    m_socket.open(QNetworkRequest(m_url));
}

void RelayClient::handleConnected()
{
    QJsonObject hello{{Key::Type, QLatin1String(FrameType::Hello)},
                      {Key::ProtocolVersion, Protocol::Version},
                      {Key::Client, m_options.clientName.isEmpty()
                                        ? QStringLiteral("serambi/" SERAMBI_VERSION)
                                        : m_options.clientName}};
    if (!m_password.isEmpty()) {
        hello.insert(Key::Login,
                     QJsonObject{{Key::Username, m_username}, {Key::Password, m_password}});
    } else {
        hello.insert(Key::Token, m_token);
    }
    send(hello);
}

void RelayClient::handleSocketGone()
{
    if (!m_socketActive)
        return;
    m_socketActive = false;
    m_welcomed = false;
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    if (m_status.state == ConnectionState::SignedOut)
        return;
    if (!m_everWelcomed) {
        // A fresh password sign-in that never reached the relay: let the form say so.
        qCInfo(lcConsole) << "relay unreachable at sign-in:" << m_socket.errorString();
        m_password.clear();
        m_status.lastErrorCode = QStringLiteral("unreachable");
        setState(ConnectionState::SignedOut);
        Q_EMIT unreachable();
        return;
    }
    if (m_status.lastErrorCode.isEmpty() || m_status.state == ConnectionState::Online)
        m_status.lastErrorCode = QStringLiteral("unreachable");
    scheduleReconnect(nextBackoffMs());
}

void RelayClient::scheduleReconnect(int delayMs)
{
    ++m_attempts;
    const QDateTime now = QDateTime::currentDateTime();
    if (!m_status.offlineSince.isValid())
        m_status.offlineSince = now;
    m_status.nextRetryAt = now.addMSecs(delayMs);
    qCInfo(lcConsole) << "reconnecting in" << delayMs << "ms, attempt" << m_attempts;
    m_retryTimer.start(delayMs);
    m_status.state = m_attempts > m_options.offlineAfterAttempts ? ConnectionState::Offline
                                                                 : ConnectionState::Reconnecting;
    publishStatus();
}

int RelayClient::nextBackoffMs()
{
    // Exponential from the minimum, capped, with up to half again of random jitter so that
    // many consoles do not return to a restarted relay at the same instant.
    const int exponent = qMin(m_attempts, 16);
    const qint64 base =
        qMin<qint64>(qint64(m_options.minBackoffMs) << exponent, m_options.maxBackoffMs);
    const qint64 jitter = QRandomGenerator::global()->bounded(base / 2 + 1);
    return int(qMin<qint64>(base + jitter, m_options.maxBackoffMs));
}

void RelayClient::handleTextMessage(const QString &text)
{
    DecodeError error;
    const std::optional<QJsonObject> decoded = decodeFrame(text.toUtf8(), &error);
    if (!decoded) {
        qCWarning(lcConsole) << "undecodable frame from relay:" << error.detail;
        return;
    }
    const QJsonObject &frame = *decoded;
    const QString type = frame.value(Key::Type).toString();
    if (type == QLatin1String(FrameType::Event)) {
        // A live-only event (a streaming draft) has no seq: applied, never counted.
        const qint64 seq = frame.value(Key::Seq).toInteger();
        if (frame.contains(Key::Seq)) {
            if (seq <= m_lastSeq)
                return;
            m_lastSeq = seq;
        }
        Q_EMIT eventReceived(seq, frame.value(Key::Kind).toString(),
                             frame.value(Key::ConversationId).toInteger(),
                             frame.value(Key::Data).toObject());
    } else if (type == QLatin1String(FrameType::Result)) {
        handleResult(frame);
    } else if (type == QLatin1String(FrameType::Welcome)) {
        handleWelcome(frame);
    } else if (type == QLatin1String(FrameType::Snapshot)) {
        m_lastSeq = frame.value(Key::Seq).toInteger();
        Q_EMIT snapshotReceived(m_lastSeq, frame.value(Key::Conversations).toArray());
    } else if (type == QLatin1String(FrameType::Subscribed)) {
        m_lastSeq = qMax(m_lastSeq, frame.value(Key::Seq).toInteger());
        Q_EMIT subscribed(m_lastSeq);
    } else if (type == QLatin1String(FrameType::Error)) {
        handleError(frame);
    }
}

void RelayClient::handleWelcome(const QJsonObject &frame)
{
    m_handshakeTimer.stop();
    m_welcomed = true;
    m_everWelcomed = true;
    m_attempts = 0;
    const auto payload = UserPayload::fromJson(frame.value(Key::User).toObject());
    const CurrentUser current{payload.id, payload.username, payload.displayName, payload.role};
    m_username = current.username;
    m_channels = Protocol::channelsOf(frame.value(Key::Relay).toObject());
    const QString newToken = frame.value(Key::Token).toString();
    if (!newToken.isEmpty())
        m_token = newToken;
    m_password.clear();
    m_status.nextRetryAt = {};
    m_status.offlineSince = {};
    m_status.lastErrorCode.clear();
    Q_EMIT welcomed(current, newToken);
    send({{Key::Type, QLatin1String(FrameType::Subscribe)}, {Key::Since, m_lastSeq}});
    m_pingTimer.start();
    setState(ConnectionState::Online);
}

void RelayClient::handleError(const QJsonObject &frame)
{
    const QString code = frame.value(Key::Code).toString();
    qCInfo(lcConsole) << "relay error" << code;
    ErrorCode parsed;
    if (!errorCodeFromName(code, &parsed))
        return;
    if (m_welcomed) {
        handleClosedByRelay(parsed, code);
        return;
    }
    m_status.lastErrorCode = code;
    const bool withToken = m_password.isEmpty();
    if (parsed == ErrorCode::AuthThrottled && withToken && m_everWelcomed) {
        // A restored session waits out the block and tries its token again.
        m_socketActive = false;
        m_handshakeTimer.stop();
        scheduleReconnect(qMax(1, frame.value(Key::RetryAfter).toInt()) * 1000);
        m_socket.abort();
        return;
    }
    if (parsed == ErrorCode::AuthFailed || parsed == ErrorCode::AuthThrottled ||
        parsed == ErrorCode::UnsupportedVersion) {
        const int retryAfter = frame.value(Key::RetryAfter).toInt();
        m_retryTimer.stop();
        m_password.clear();
        m_token.clear();
        setState(ConnectionState::SignedOut);
        m_socketActive = false;
        m_handshakeTimer.stop();
        m_socket.abort();
        Q_EMIT authenticationFailed(code, retryAfter, withToken);
    }
}

void RelayClient::handleClosedByRelay(ErrorCode code, const QString &name)
{
    switch (code) {
    case ErrorCode::RoleChanged:
        // The relay closes; the reconnect with the token brings the new role's view.
        m_status.lastErrorCode = name;
        m_attempts = 0;
        m_status.state = ConnectionState::Reconnecting;
        return;
    case ErrorCode::LoggedOut:
    case ErrorCode::SessionRevoked:
    case ErrorCode::SessionExpired:
    case ErrorCode::AccountDisabled:
        m_status.lastErrorCode = name;
        m_retryTimer.stop();
        m_password.clear();
        m_token.clear();
        m_welcomed = false;
        setState(ConnectionState::SignedOut);
        m_socketActive = false;
        m_pingTimer.stop();
        m_socket.abort();
        Q_EMIT authenticationFailed(name, 0, true);
        return;
    default:
        return; // other errors of a live connection are about frames, not the session
    }
}

void RelayClient::setState(ConnectionState state)
{
    if (m_status.state == state)
        return;
    m_status.state = state;
    if (state == ConnectionState::SignedOut) {
        m_status.nextRetryAt = {};
        m_status.offlineSince = {};
    }
    publishStatus();
}

void RelayClient::publishStatus()
{
    // Results of this connection can no longer come: their askers hear so before the news.
    if (m_status.state != ConnectionState::Online)
        loseRequests();
    Q_EMIT statusChanged(m_status);
}

void RelayClient::send(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(encodeFrame(frame)));
}

QUrl RelayClient::httpUrl(const QUrl &relayUrl, const QString &path)
{
    QUrl url;
    url.setScheme(relayUrl.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                            : QStringLiteral("http"));
    url.setHost(relayUrl.host());
    url.setPort(relayUrl.port());
    url.setPath(path);
    return url;
}

} // namespace Serambi::App
