#pragma once

#include "connectionstatus.h"
#include "currentuser.h"
#include "protocol/channelpayload.h"
#include "protocol/commands.h"
#include "protocol/errorcode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Serambi::App {

// The relay's answer to one command (docs/protocol.md "result"), or lost when the connection
// went before it came: then nobody knows whether the relay ran it.
struct RelayResult
{
    bool ok = false;
    QJsonObject data;
    QString errorCode; // a protocol error code when refused; "unreachable" when lost
    bool lost = false;
};
using ResultHandler = std::function<void(const RelayResult &result)>;

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

    // Sends the command with a new id. The handler runs once, with the command's result or
    // with a lost one when the connection goes first, and never after context is destroyed.
    // False (nothing sent, no handler call) unless online, or when the arguments are malformed
    // (Protocol::checkCommandArguments: the relay would refuse them).
    bool request(Protocol::Command command, const QJsonObject &args, QObject *context = nullptr,
                 ResultHandler handler = {});
    // The same with the caller's id: a queued command goes again with the id it was issued
    // with, so the relay runs it once (docs/protocol.md, idempotent commands).
    bool requestWithId(const QString &id, Protocol::Command command, const QJsonObject &args,
                       QObject *context, ResultHandler handler);
    // The relay's channels as its last welcome listed them, main first.
    const QList<Protocol::ChannelPayload> &channels() const { return m_channels; }
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
    void handleResult(const QJsonObject &frame);
    void loseRequests();

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
    QList<Protocol::ChannelPayload> m_channels;
    QString m_password;
    QString m_token;
    qint64 m_lastSeq = 0;
    int m_attempts = 0;
    bool m_welcomed = false;
    bool m_everWelcomed = false;
    struct Request
    {
        QPointer<QObject> context;
        bool hasContext = false;
        ResultHandler handler;
    };
    QHash<QString, Request> m_requests; // sent on this connection, awaiting a result
};

} // namespace Serambi::App
