#pragma once

#include "huboptions.h"
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

    // Takes ownership of socket. A console that says no hello within options.helloTimeoutMs is
    // closed; until its login succeeds it may send only frames of options.preHelloFrameBytes.
    ConsoleSession(quint64 id, QWebSocket *socket, const HubOptions &options,
                   QObject *parent = nullptr);

    quint64 id() const { return m_id; }
    // The client's address: the peer's, or X-Forwarded-For's when the peer is a trusted proxy.
    QString peerAddress() const { return m_peerAddress; }
    Stage stage() const { return m_stage; }
    void setStage(Stage stage) { m_stage = stage; }

    const User &user() const { return m_user; }
    // Logs the connection in as user with the session whose token hashes to tokenHash, and
    // allows full-size frames.
    void authenticate(const User &user, const QByteArray &tokenHash);
    // The user as stored now (a role change re-evaluates what the connection is sent).
    void updateUser(const User &user) { m_user = user; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    // When the session reaches its absolute limit (ms since epoch).
    qint64 expiresAt() const { return m_expiresAt; }
    void setExpiresAt(qint64 expiresAt) { m_expiresAt = expiresAt; }

    // Subscribed consoles get live events with a seq above lastSeq().
    bool isSubscribed() const { return m_subscribed; }
    qint64 lastSeq() const { return m_lastSeq; }
    void subscribe(qint64 seq);
    void noteSent(qint64 seq) { m_lastSeq = seq; }

    // Queues a frame. A console that has left more than options.maxOutgoingBytes unread is
    // dropped instead (it resumes from its seq when it reconnects).
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
    qint64 m_maxOutgoingBytes;
    Stage m_stage = Stage::AwaitingHello;
    User m_user;
    QByteArray m_tokenHash;
    qint64 m_expiresAt = 0;
    bool m_dropped = false;
    bool m_subscribed = false;
    qint64 m_lastSeq = 0;
    QList<QJsonObject> m_deferred;
};

} // namespace Serambi::Relay
