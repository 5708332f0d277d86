#pragma once

#include "commandrunner.h"

#include <QSqlDatabase>

namespace Serambi::Relay {

class KbDrafter;
class KnowledgeBase;

// kb_gaps {days} (docs/protocol.md, "The knowledge-base editor"): within the last days (1 to
// 365, default 30), the articles no draft cited — {"unused": [{id, title}]} — and the customer
// messages no draft could answer from an article and that the drafter still abstains on now
// (not a request for a person), masked like suggestions and counted when the same:
// {"unanswered": [{text, count, last_at}]}, commonest first, at most 100.
CommandReply kbGapsCommand(QSqlDatabase &db, KnowledgeBase &knowledgeBase, const KbDrafter &drafter,
                           const QJsonObject &args, qint64 nowMs);

} // namespace Serambi::Relay
