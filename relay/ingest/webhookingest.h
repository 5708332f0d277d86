#pragma once

#include "store/storewriter.h"
#include "whatsapp/webhookpayload.h"

namespace Serambi::Relay {

class WriteTxn;

// What one webhook changed.
struct IngestOutcome
{
    int messagesStored = 0;
    int duplicates = 0; // messages whose wamid was already stored (Meta redelivers)
    int statusesApplied = 0;
    int statusesIgnored = 0; // older than what we have, unknown value, or unknown message
    int asyncErrors = 0;
};

// Stores a parsed webhook inside the writer's transaction: contacts, conversations, messages
// (deduplicated by wamid), statuses (never regressing), and one event per change.
IngestOutcome ingestWebhook(WriteTxn &txn, const WebhookBatch &batch, const QString &defaultAiMode);

} // namespace Serambi::Relay

Q_DECLARE_METATYPE(Serambi::Relay::IngestOutcome)
