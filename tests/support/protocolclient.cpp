#include "protocolclient.h"

#include "protocol/frame.h"
#include "protocol/keys.h"
#include "protocol/version.h"

#include <QNetworkRequest>
#include <QTest>

namespace Serambi::Test {

namespace Key = Protocol::Key;
namespace FrameType = Protocol::FrameType;

namespace {
constexpr int SignInTimeoutMs = 15000;

bool isType(const QJsonObject &frame, const char *type)
{
    return frameType(frame) == QLatin1String(type);
}

bool isWelcomeOrError(const QJsonObject &frame)
{
    return isType(frame, FrameType::Welcome) || isType(frame, FrameType::Error);
}
} // namespace

ProtocolClient::ProtocolClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject frame = Protocol::decodeFrame(text.toUtf8()).value_or(QJsonObject());
        if (isType(frame, FrameType::Event))
            m_lastSeq = qMax(m_lastSeq, frame.value(Key::Seq).toInteger());
        m_frames.append(frame);
        m_taken.append(false);
    });
}

bool ProtocolClient::open(const QUrl &url)
{
    QNetworkRequest request(url);
    if (!m_forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", m_forwardedFor);
    m_socket.open(request);
    return QTest::qWaitFor([this] { return isConnected(); }, 10000);
}

bool ProtocolClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool ProtocolClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void ProtocolClient::close()
{
    m_socket.close();
}

void ProtocolClient::send(const QJsonObject &frame)
{
    sendText(QString::fromUtf8(Protocol::encodeFrame(frame)));
}

void ProtocolClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

QJsonObject ProtocolClient::take(const std::function<bool(const QJsonObject &)> &matches,
                                 int timeoutMs)
{
    QJsonObject found;
    const bool arrived = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                if (!m_taken.at(i) && matches(m_frames.at(i))) {
                    m_taken[i] = true;
                    found = m_frames.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (!arrived)
        qWarning("no matching frame arrived in time");
    return found;
}

QJsonObject ProtocolClient::takeType(const QString &type, int timeoutMs)
{
    return take([&type](const QJsonObject &frame) { return frameType(frame) == type; }, timeoutMs);
}

QJsonObject ProtocolClient::waitForEvent(const std::function<bool(const QJsonObject &)> &predicate,
                                         int timeoutMs)
{
    QJsonObject found;
    const bool arrived = QTest::qWaitFor(
        [&] {
            for (const QJsonObject &frame : std::as_const(m_frames)) {
                if (isType(frame, FrameType::Event) && predicate(frame)) {
                    found = frame;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (!arrived)
        qWarning("no matching event arrived in time");
    return found;
}

QJsonObject ProtocolClient::login(const QUrl &url, const QString &username, const QString &password,
                                  int timeoutMs)
{
    if (!isConnected() && !open(url))
        return {};
    send({{Key::Type, QLatin1String(FrameType::Hello)},
          {Key::ProtocolVersion, Protocol::Version},
          {Key::Client, QLatin1String("serambi-test/1")},
          {Key::Login, QJsonObject{{Key::Username, username}, {Key::Password, password}}}});
    const QJsonObject reply = take(isWelcomeOrError, timeoutMs);
    if (isType(reply, FrameType::Welcome))
        m_token = reply.value(Key::Token).toString();
    return reply;
}

QJsonObject ProtocolClient::loginWithToken(const QUrl &url, const QString &token)
{
    if (!isConnected() && !open(url))
        return {};
    send({{Key::Type, QLatin1String(FrameType::Hello)},
          {Key::ProtocolVersion, Protocol::Version},
          {Key::Token, token}});
    return take(isWelcomeOrError);
}

bool ProtocolClient::signIn(const QUrl &url, const QString &username, const QString &password)
{
    return isType(login(url, username, password, SignInTimeoutMs), FrameType::Welcome);
}

QJsonObject ProtocolClient::subscribe(qint64 since, int timeoutMs)
{
    send({{Key::Type, QLatin1String(FrameType::Subscribe)}, {Key::Since, since}});
    const QJsonObject reply = take(
        [](const QJsonObject &frame) {
            return isType(frame, FrameType::Subscribed) || isType(frame, FrameType::Snapshot);
        },
        timeoutMs);
    m_lastSeq = qMax(m_lastSeq, reply.value(Key::Seq).toInteger());
    return reply;
}

QJsonObject ProtocolClient::command(const QString &name, const QJsonObject &args, const QString &id,
                                    int timeoutMs)
{
    const QString commandId = id.isEmpty() ? QStringLiteral("cmd-%1").arg(++m_commands) : id;
    send({{Key::Type, QLatin1String(FrameType::Command)},
          {Key::Id, commandId},
          {Key::Name, name},
          {Key::Args, args}});
    return take(
        [&commandId](const QJsonObject &frame) {
            return isType(frame, FrameType::Result) && frame.value(Key::Id).toString() == commandId;
        },
        timeoutMs);
}

QList<QJsonObject> ProtocolClient::events() const
{
    QList<QJsonObject> events;
    for (const QJsonObject &frame : m_frames) {
        if (isType(frame, FrameType::Event))
            events.append(frame);
    }
    return events;
}

QList<QJsonObject> ProtocolClient::events(qint64 conversationId) const
{
    QList<QJsonObject> matching;
    for (const QJsonObject &frame : m_frames) {
        if (isType(frame, FrameType::Event) &&
            frame.value(Key::ConversationId).toInteger() == conversationId)
            matching.append(frame);
    }
    return matching;
}

QList<qint64> ProtocolClient::eventSeqs() const
{
    QList<qint64> seqs;
    for (const QJsonObject &frame : m_frames) {
        if (isType(frame, FrameType::Event))
            seqs.append(frame.value(Key::Seq).toInteger());
    }
    return seqs;
}

QString frameType(const QJsonObject &frame)
{
    return frame.value(Key::Type).toString();
}

QString errorCode(const QJsonObject &frame)
{
    if (isType(frame, FrameType::Result))
        return frame.value(Key::Error).toObject().value(Key::Code).toString();
    return frame.value(Key::Code).toString();
}

} // namespace Serambi::Test
