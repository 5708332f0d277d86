#pragma once

#include "channels/webhookpayload.h"
#include "config/csatconfig.h"
#include "store/storewriter.h"

#include <QHash>

namespace Serambi::Relay {

class WriteTxn;

// What one webhook changed.
struct IngestOutcome
{
    int messagesStored = 0;
    int duplicates = 0;     // messages, edits and revokes whose wamid was already stored
    int changesApplied = 0; // edits and revokes applied to their original message
    int changesHeld = 0;    // edits and revokes whose original has not arrived (yet)
    int statusesApplied = 0;
    int statusesIgnored = 0; // older than what we have, or an unknown value
    // Statuses of messages the relay does not have, by status as Meta sent it.
    QHash<QString, int> statusesOfUnknownMessages;
    int asyncErrors = 0;
};

// Stores a parsed webhook inside the writer's transaction: contacts, conversations, messages
// (deduplicated by wamid), statuses (never regressing), and one event per change. An edit or a
// revoke changes the message it names (message.updated) instead of becoming a message; one
// whose original is not stored yet is held and applied when the original arrives. A tap that
// answers a rating question (csat) is taken as the rating instead of a message: the chat keeps
// its state and no draft is asked for (docs/configuration.md, "Customer satisfaction").
IngestOutcome ingestWebhook(WriteTxn &txn, const WebhookBatch &batch, const QString &defaultAiMode,
                            const CsatSettings &csat);

} // namespace Serambi::Relay

Q_DECLARE_METATYPE(Serambi::Relay::IngestOutcome)
