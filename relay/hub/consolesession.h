#pragma once

#include "protocol/errorcode.h"
#include "store/userrepo.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

class QWebSocket;

namespace Serambi::Relay {

// One console's WebSocket: decodes its frames, sends the hub's, and remembers who it is and
// how far it has been sent. The hub decides what the frames mean.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    enum class Stage { AwaitingHello, Authenticating, Authenticated, Closing };

    // Takes ownership of socket. A console that says no hello within helloTimeoutMs is closed.
    ConsoleSession(quint64 id, QWebSocket *socket, int helloTimeoutMs, QObject *parent = nullptr);

    quint64 id() const { return m_id; }
    QString peerAddress() const { return m_peerAddress; }
    Stage stage() const { return m_stage; }
    void setStage(Stage stage) { m_stage = stage; }

    const User &user() const { return m_user; }
    void authenticate(const User &user);

    // Subscribed consoles get live events with a seq above lastSeq().
    bool isSubscribed() const { return m_subscribed; }
    qint64 lastSeq() const { return m_lastSeq; }
    void subscribe(qint64 seq);
    void noteSent(qint64 seq) { m_lastSeq = seq; }

    void send(const QJsonObject &frame);
    void sendEncoded(const QString &frame);
    // Sends an error frame and closes the connection.
    void fail(Protocol::ErrorCode code, const QString &detail = {}, const QJsonObject &extra = {});

    // Frames received while the login is being checked, handed back once it succeeds.
    bool defer(const QJsonObject &frame);
    QList<QJsonObject> takeDeferred();

    static constexpr int MaxDeferredFrames = 32;

Q_SIGNALS:
    void frameReceived(const QJsonObject &frame);
    void closed();

private:
    void handleText(const QString &text);
    void handleBinary();
    void handleHelloTimeout();

    quint64 m_id;
    QWebSocket *m_socket;
    QString m_peerAddress;
    Stage m_stage = Stage::AwaitingHello;
    User m_user;
    bool m_subscribed = false;
    qint64 m_lastSeq = 0;
    QList<QJsonObject> m_deferred;
};

} // namespace Serambi::Relay
