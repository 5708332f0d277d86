#pragma once

#include <QLoggingCategory>

// serambi.relay.hub: logins, sessions and subscriptions. Never passwords, tokens or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcHub)
