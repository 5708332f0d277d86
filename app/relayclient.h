#pragma once

#include "connectionstatus.h"
#include "currentuser.h"
#include "protocol/errorcode.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Serambi::App {

// The console's side of docs/protocol.md over one QWebSocket: hello with a password or a
// session token (only inside the frame), subscribe from the last applied seq, events in seq
// order, commands with client-generated ids. Reconnects by itself with exponential backoff and
// jitter and resumes from the last seq; gives up only when the relay refuses the credentials.
class RelayClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int minBackoffMs = 1000;
        int maxBackoffMs = 60000;
        int offlineAfterAttempts = 3; // failed reconnects before the state says Offline
        QString clientName;           // empty: "serambi/<version>"
    };

    explicit RelayClient(QObject *parent = nullptr);
    ~RelayClient() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts a session. A password login reports the new token with welcomed(); later
    // reconnects use that token. The password is forgotten after the welcome.
    void signInWithPassword(const QUrl &url, const QString &username, const QString &password);
    void signInWithToken(const QUrl &url, const QString &token);
    // Logs the session out at the relay (logout), closes the connection and stops
    // reconnecting (state SignedOut).
    void signOut();

    // The last seq the console applied; the next subscribe starts after it.
    void setLastSeq(qint64 seq) { m_lastSeq = seq; }
    qint64 lastSeq() const { return m_lastSeq; }

    const ConnectionStatus &status() const { return m_status; }
    bool isOnline() const { return m_status.state == ConnectionState::Online; }
    QUrl url() const { return m_url; }
    // The relay's HTTP endpoint at path (e.g. "/media") on the WebSocket's host and port:
    // ws becomes http, wss https.
    static QUrl httpUrl(const QUrl &relayUrl, const QString &path);
    // The session token the relay welcomed us with (for GET /media); empty before.
    QString sessionToken() const { return m_welcomed ? m_token : QString(); }

    // Sends a command frame with the given id; false (nothing sent) unless online.
    bool sendCommand(const QString &id, const QString &name, const QJsonObject &args);
    static QString newCommandId();

Q_SIGNALS:
    void statusChanged(const Serambi::App::ConnectionStatus &status);
    void welcomed(const Serambi::App::CurrentUser &user, const QString &newToken);
    // The relay refused the credentials; with a token the console needs the password again.
    void authenticationFailed(const QString &errorCode, int retryAfterSeconds, bool withToken);
    // The first connection attempt of a password sign-in could not reach the relay.
    void unreachable();
    // Resume points: either every missed event followed by subscribed, or a snapshot.
    void snapshotReceived(qint64 seq, const QJsonArray &conversations);
    void subscribed(qint64 seq);
    // seq is 0 for a live-only event (a streaming draft), which moves no resume point.
    void eventReceived(qint64 seq, const QString &kind, qint64 conversationId,
                       const QJsonObject &data);
    void resultReceived(const QString &commandId, bool ok, const QJsonObject &data,
                        const QString &errorCode);

private:
    void openSocket();
    void handleSocketGone();
    void handleConnected();
    void handleDisconnected();
    void handleTextMessage(const QString &text);
    void handleWelcome(const QJsonObject &frame);
    void handleError(const QJsonObject &frame);
    // An error on a logged-in connection that ends it: the session is over (signed out,
    // authenticationFailed with the code) or the role changed (reconnect).
    void handleClosedByRelay(Protocol::ErrorCode code, const QString &name);
    void scheduleReconnect(int delayMs);
    int nextBackoffMs();
    void setState(ConnectionState state);
    void publishStatus();
    void send(const QJsonObject &frame);

    Options m_options;
    QWebSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_handshakeTimer; // a relay that accepts TCP but never welcomes us
    QTimer m_pingTimer;      // notices a half-open connection
    bool m_awaitingPong = false;
    bool m_socketActive = false;
    ConnectionStatus m_status;
    QUrl m_url;
    QString m_username;
    QString m_password;
    QString m_token;
    qint64 m_lastSeq = 0;
    int m_attempts = 0;
    bool m_welcomed = false;
    bool m_everWelcomed = false;
};

} // namespace Serambi::App
