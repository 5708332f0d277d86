#pragma once

#include <QLoggingCategory>

// Every logging category of serambi-relay, one per component (docs/configuration.md, Logging).
// Message bodies, tokens, passwords and media URLs are never logged.

Q_DECLARE_LOGGING_CATEGORY(lcService)   // serambi.relay.service: start-up, shutdown, admin tasks
Q_DECLARE_LOGGING_CATEGORY(lcStore)     // serambi.relay.store: SQLite errors, slow commits
Q_DECLARE_LOGGING_CATEGORY(lcGraph)     // serambi.relay.graph: Graph API calls and their errors
Q_DECLARE_LOGGING_CATEGORY(lcTwilio)    // serambi.relay.twilio: Twilio REST calls and their errors
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)    // serambi.relay.outbox: outbox sends, retries, failures
Q_DECLARE_LOGGING_CATEGORY(lcMedia)     // serambi.relay.media: inbound media downloads
Q_DECLARE_LOGGING_CATEGORY(lcIngest)    // serambi.relay.webhook: webhook deliveries
Q_DECLARE_LOGGING_CATEGORY(lcAi)        // serambi.relay.ai: knowledge base, drafters, LLM provider
Q_DECLARE_LOGGING_CATEGORY(lcHub)       // serambi.relay.hub: logins, sessions, subscriptions
Q_DECLARE_LOGGING_CATEGORY(lcMediaHttp) // serambi.relay.http.media: the /media endpoint
Q_DECLARE_LOGGING_CATEGORY(lcCommerce)  // serambi.relay.commerce: shop integrations (WooCommerce)
Q_DECLARE_LOGGING_CATEGORY(lcHours)     // serambi.relay.hours: business hours, out-of-hours replies
Q_DECLARE_LOGGING_CATEGORY(lcCsat)      // serambi.relay.csat: rating questions and answers
Q_DECLARE_LOGGING_CATEGORY(lcHttpGuard) // serambi.relay.http.connections: connection limits
