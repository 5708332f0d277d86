#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Serambi::Test {

// A console as the tests drive it: speaks the agents' protocol over a real QWebSocket and keeps
// every frame it received, so a test can take the next frame that matches (each frame once) or
// wait for an event a console would show (frames already received count).
class ProtocolClient : public QObject
{
    Q_OBJECT

public:
    explicit ProtocolClient(QObject *parent = nullptr);

    bool open(const QUrl &url);
    // Sends this X-Forwarded-For with the upgrade request of the next open().
    void setForwardedFor(const QByteArray &forwardedFor) { m_forwardedFor = forwardedFor; }
    // The close code the relay sent (1009: too much data, 1008: policy).
    int closeCode() const { return int(m_socket.closeCode()); }
    bool isConnected() const;
    bool waitForDisconnected(int timeoutMs = 5000);
    void close();
    void send(const QJsonObject &frame);
    void sendText(const QString &text);

    // The first frame not yet taken that matches; an empty object on timeout.
    QJsonObject take(const std::function<bool(const QJsonObject &)> &matches, int timeoutMs = 5000);
    QJsonObject takeType(const QString &type, int timeoutMs = 5000);
    // The first event received that matches, taken or not; an empty object on timeout.
    QJsonObject waitForEvent(const std::function<bool(const QJsonObject &)> &predicate,
                             int timeoutMs = 10000);

    // Opens url (unless connected) and says hello; returns the welcome or error frame.
    QJsonObject login(const QUrl &url, const QString &username, const QString &password,
                      int timeoutMs = 5000);
    QJsonObject loginWithToken(const QUrl &url, const QString &token);
    // login() that waits longer and says whether the relay welcomed us (token() is then set).
    bool signIn(const QUrl &url, const QString &username, const QString &password);
    // Sends subscribe; returns the "subscribed" or "snapshot" frame.
    QJsonObject subscribe(qint64 since, int timeoutMs = 10000);
    // Runs a command and returns its result frame (an id of its own unless given one).
    QJsonObject command(const QString &name, const QJsonObject &args, const QString &id = {},
                        int timeoutMs = 10000);

    // Every frame received, in arrival order.
    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<QJsonObject> events() const;
    QList<QJsonObject> events(qint64 conversationId) const;
    QList<qint64> eventSeqs() const;
    // The highest seq seen in an event or a subscribe reply.
    qint64 lastSeq() const { return m_lastSeq; }
    QString token() const { return m_token; }

private:
    QWebSocket m_socket;
    QByteArray m_forwardedFor;
    QList<QJsonObject> m_frames;
    QList<bool> m_taken;
    qint64 m_lastSeq = 0;
    QString m_token;
    int m_commands = 0;
};

// The frame's type.
QString frameType(const QJsonObject &frame);
// The code of an error frame or of a failed result.
QString errorCode(const QJsonObject &frame);

} // namespace Serambi::Test
