#pragma once

#include "drafter.h"

namespace Serambi::Relay {

// One draft for a burst of customer messages, from the drafts written for each of them
// (oldest first; docs/ai.md, "Bursts"): a handoff wins; else the answers that cite articles
// are joined (an article once; a later answer's first sentence dropped when it repeats the
// first answer's greeting), at the confidence of the least sure; messages without an answer
// ("halo kak", "ok") are left out. With no answer at all it is the last message's draft.
// The tokens of every draft are added up.
DraftResult mergeBurstDrafts(const QList<DraftResult> &drafts);

} // namespace Serambi::Relay
