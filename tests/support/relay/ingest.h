#pragma once

#include "protocol/types.h"
#include "store/conversationrepo.h"
#include "support/inbound.h"

#include <optional>

namespace Serambi::Relay {
class WriteTxn;
}

namespace Serambi::Test {

// Stores message inside the writer's transaction exactly as the relay's /webhook does: the
// webhook body from inbound(), parsed and given to ingestWebhook (new chats in aiMode; a resolved
// chat reopens). Returns the stored message; nothing when it was not stored (a duplicate wamid).
std::optional<Relay::Message> ingest(Relay::WriteTxn &txn, const InboundText &message,
                                     Protocol::AiMode aiMode);

} // namespace Serambi::Test
