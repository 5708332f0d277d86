#pragma once

#include "protocol/whatsapp.h"

#include <QtGlobal>

#include <functional>

namespace Serambi::Relay {

struct HubOptions
{
    // PBKDF2 rounds for new passwords and for the dummy check of unknown users.
    int pbkdf2Iterations = 210000;
    qint64 sessionTtlMs = 30LL * 24 * 3600 * 1000;
    // Events kept in memory for resume; an older "since" gets a snapshot.
    int replayRing = 10000;
    // The customer-service window: free-form sends need an inbound message this recent.
    qint64 windowMs = Protocol::WhatsApp::ServiceWindowMs;
    // Failed logins (per username and per peer address) before the relay throttles.
    int maxFailedLogins = 5;
    // How long failures count towards the throttle.
    qint64 failureWindowMs = 15LL * 60 * 1000;
    // A connection that has not said hello by then is closed.
    int helloTimeoutMs = 30000;
    // ms since epoch; defaults to QDateTime::currentMSecsSinceEpoch.
    std::function<qint64()> clock;
};

} // namespace Serambi::Relay
