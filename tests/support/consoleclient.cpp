#include "consoleclient.h"

#include "protocol/frame.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace Serambi::Test {

ConsoleClient::ConsoleClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        auto frame = Protocol::decodeFrame(text.toUtf8());
        if (!frame)
            return;
        if (frame->value(QLatin1String("type")).toString() == QLatin1String("event"))
            m_lastSeq = qMax(m_lastSeq, frame->value(QLatin1String("seq")).toInteger());
        m_frames.append(*frame);
    });
}

bool ConsoleClient::signIn(const QUrl &url, const QString &username, const QString &password)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    if (!connected.wait(10000))
        return false;
    send({{QLatin1String("type"), QLatin1String("hello")},
          {QLatin1String("v"), 1},
          {QLatin1String("client"), QLatin1String("serambi-test")},
          {QLatin1String("login"), QJsonObject{{QLatin1String("username"), username},
                                               {QLatin1String("password"), password}}}});
    const QJsonObject reply = waitForFrame(
        [](const QJsonObject &f) {
            const QString type = f.value(QLatin1String("type")).toString();
            return type == QLatin1String("welcome") || type == QLatin1String("error");
        },
        15000);
    m_token = reply.value(QLatin1String("token")).toString();
    return reply.value(QLatin1String("type")).toString() == QLatin1String("welcome");
}

bool ConsoleClient::subscribe(qint64 since)
{
    send({{QLatin1String("type"), QLatin1String("subscribe")}, {QLatin1String("since"), since}});
    const QJsonObject reply = waitForFrame(
        [](const QJsonObject &f) {
            const QString type = f.value(QLatin1String("type")).toString();
            return type == QLatin1String("subscribed") || type == QLatin1String("snapshot");
        },
        10000);
    if (reply.isEmpty())
        return false;
    m_lastSeq = qMax(m_lastSeq, reply.value(QLatin1String("seq")).toInteger());
    return true;
}

QJsonObject ConsoleClient::command(const QString &id, const QString &name, const QJsonObject &args)
{
    send({{QLatin1String("type"), QLatin1String("command")},
          {QLatin1String("id"), id},
          {QLatin1String("name"), name},
          {QLatin1String("args"), args}});
    return waitForFrame(
        [id](const QJsonObject &f) {
            return f.value(QLatin1String("type")).toString() == QLatin1String("result") &&
                   f.value(QLatin1String("id")).toString() == id;
        },
        10000);
}

QJsonObject ConsoleClient::waitForEvent(const std::function<bool(const QJsonObject &)> &predicate,
                                        int timeoutMs)
{
    return waitForFrame(
        [&predicate](const QJsonObject &f) {
            return f.value(QLatin1String("type")).toString() == QLatin1String("event") &&
                   predicate(f);
        },
        timeoutMs);
}

QList<QJsonObject> ConsoleClient::events() const
{
    QList<QJsonObject> events;
    for (const QJsonObject &frame : m_frames) {
        if (frame.value(QLatin1String("type")).toString() == QLatin1String("event"))
            events.append(frame);
    }
    return events;
}

void ConsoleClient::close()
{
    m_socket.close();
}

QJsonObject ConsoleClient::waitForFrame(const std::function<bool(const QJsonObject &)> &predicate,
                                        int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    qsizetype checked = 0;
    for (;;) {
        for (; checked < m_frames.size(); ++checked) {
            if (predicate(m_frames.at(checked)))
                return m_frames.at(checked);
        }
        if (deadline.hasExpired())
            return {};
        QTest::qWait(5);
    }
}

void ConsoleClient::send(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(Protocol::encodeFrame(frame)));
}

} // namespace Serambi::Test
