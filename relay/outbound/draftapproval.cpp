#include "draftapproval.h"

#include "store/writetxn.h"

namespace Serambi::Relay {

void publishDraft(WriteTxn &txn, const Conversation &conversation, const Draft &draft)
{
    txn.appendEvent(EventKind::DraftUpdated, conversation.id, conversation.assigneeId,
                    conversation.stateName(), draft.toJson());
}

bool approveDraft(WriteTxn &txn, const Conversation &conversation, Draft &draft)
{
    draft.state = Protocol::DraftState::Approved;
    if (!DraftRepo::setState(txn, draft.id, draft.state))
        return false;
    publishDraft(txn, conversation, draft);
    return true;
}

} // namespace Serambi::Relay
