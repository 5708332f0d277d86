#pragma once

#include "config/clientaddress.h"
#include "config/csatconfig.h"
#include "protocol/channelpayload.h"
#include "protocol/whatsapp.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <functional>

namespace Serambi::Relay {

struct HubOptions
{
    // PBKDF2 rounds for new passwords and for the dummy check of unknown users.
    int pbkdf2Iterations = 210000;
    // A session ends this long after it was issued (absolute limit) ...
    qint64 sessionTtlMs = 30LL * 24 * 3600 * 1000;
    // ... or after this long without a login or a live connection using it (idle limit).
    qint64 sessionIdleMs = 14LL * 24 * 3600 * 1000;
    // Events kept in memory for resume; an older "since" gets a snapshot. Bounded by count
    // and by the bytes of their encoded frames, whichever is reached first.
    int replayRing = 10000;
    qint64 replayRingBytes = 64LL * 1024 * 1024;
    // The customer-service window: free-form sends need an inbound message this recent.
    qint64 windowMs = Protocol::WhatsApp::ServiceWindowMs;
    // The rating question after an agent resolves a chat ([csat]; off by default).
    CsatSettings csat;
    // Failed logins (per username and per peer address) before the relay throttles.
    int maxFailedLogins = 5;
    // How long failures count towards the throttle.
    qint64 failureWindowMs = 15LL * 60 * 1000;
    // Password checks (PBKDF2) running or queued at once; more are refused with
    // auth_throttled, so a check never waits behind more than this many others. One client
    // address may hold at most passwordChecksPerAddress of them.
    int maxPendingPasswordChecks = 8;
    int passwordChecksPerAddress = 2;
    // Peers whose X-Forwarded-For names the client (address, prefix length); empty: the
    // peer itself is the client.
    TrustedProxies trustedProxies;
    // A connection that has not said hello by then is closed.
    int helloTimeoutMs = 30000;
    // Largest WebSocket frame or message before a successful hello.
    qint64 preHelloFrameBytes = 16 * 1024;
    // Bytes queued for one console that it has not read; past it the connection is dropped
    // (the console reconnects and resumes from its seq).
    qint64 maxOutgoingBytes = 16LL * 1024 * 1024;
    // How often the hub looks for `serambi-relay user ...` changes and expired sessions.
    int authPollMs = 1000;
    // Meta's rates per billable message by pricing category, for the report command.
    QHash<QString, double> metaRates;
    QString metaCurrency = QStringLiteral("USD");
    // Open chats an agent is auto-assigned up to (0: auto-assignment is off); list_agents
    // reports it for the supervisors' floor view.
    int autoAssignCapacity = 0;
    // The relay's channels, main first, as the welcome lists them for consoles.
    QList<Protocol::ChannelPayload> channels;
    // ms since epoch; defaults to QDateTime::currentMSecsSinceEpoch.
    std::function<qint64()> clock;
};

} // namespace Serambi::Relay
