#pragma once

#include "store/conversationrepo.h"
#include "store/draftrepo.h"

namespace Serambi::Relay {

// Publishes draft.updated for draft with the conversation's assignee and state as they are now.
void publishDraft(WriteTxn &txn, const Conversation &conversation, const Draft &draft);

// Marks draft approved (its answer was queued in this transaction) and publishes draft.updated.
// The one approval of a draft, whether an agent sends it (send_text's draft_id) or the AI in
// auto mode does. False on a storage error.
bool approveDraft(WriteTxn &txn, const Conversation &conversation, Draft &draft);

} // namespace Serambi::Relay
