#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Serambi::App {

// Where the console stands with its relay.
enum class ConnectionState {
    SignedOut,    // no session: the sign-in form is needed
    Connecting,   // first attempt of a sign-in or a restored session
    Online,       // welcome received and subscribed
    Reconnecting, // lost the relay; the next attempt is at nextRetryAt
    Offline,      // the last attempts failed; working from the local cache until nextRetryAt
};

// What the UI shows about the connection: "connected", "reconnecting in N s",
// "offline since HH:MM", with the protocol error code of the last failure.
struct ConnectionStatus
{
    ConnectionState state = ConnectionState::SignedOut;
    QDateTime nextRetryAt;  // valid while Reconnecting/Offline
    QDateTime offlineSince; // when the connection was lost; valid while Reconnecting/Offline
    QString lastErrorCode;  // a protocol error code (docs/protocol.md) or "network"; may be empty
};

} // namespace Serambi::App

Q_DECLARE_METATYPE(Serambi::App::ConnectionStatus)
