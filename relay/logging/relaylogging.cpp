#include "relaylogging.h"

Q_LOGGING_CATEGORY(lcService, "serambi.relay.service")
Q_LOGGING_CATEGORY(lcStore, "serambi.relay.store")
Q_LOGGING_CATEGORY(lcGraph, "serambi.relay.graph")
Q_LOGGING_CATEGORY(lcTwilio, "serambi.relay.twilio")
Q_LOGGING_CATEGORY(lcOutbox, "serambi.relay.outbox")
Q_LOGGING_CATEGORY(lcMedia, "serambi.relay.media")
Q_LOGGING_CATEGORY(lcIngest, "serambi.relay.webhook")
Q_LOGGING_CATEGORY(lcAi, "serambi.relay.ai")
Q_LOGGING_CATEGORY(lcHub, "serambi.relay.hub")
Q_LOGGING_CATEGORY(lcMediaHttp, "serambi.relay.http.media")
Q_LOGGING_CATEGORY(lcCommerce, "serambi.relay.commerce")
Q_LOGGING_CATEGORY(lcHttpGuard, "serambi.relay.http.connections")
