#pragma once

#include "config/csatconfig.h"
#include "store/conversationrepo.h"
#include "store/userrepo.h"
#include "store/writetxn.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay::Csat {

// The customer-satisfaction survey (docs/configuration.md, "Customer satisfaction"): a rating
// question after an agent resolves a chat, and the customer's tap that answers it.

// The id of the list row that rates survey surveyId with score: csat:<survey>:<score>.
QString answerId(qint64 surveyId, int score);

// The interactive list object asking survey surveyId's question: the question as its body, the
// button opening it (also its one section's title) and the rows 1 to 5.
QJsonObject questionInteractive(const CsatSettings &settings, qint64 surveyId);

// Asks the question of conversation for agent (who resolved it) at nowMs: records the survey,
// queues the question as an outbound message from agent and publishes message.created. The
// conversation's last message becomes the question; the caller stores the conversation and
// publishes it. Call it only inside the customer-service window. False when the store failed.
bool ask(WriteTxn &txn, Conversation &conversation, const User &agent, qint64 nowMs,
         const CsatSettings &settings);

enum class Answer {
    Taken,     // a rating: recorded, thanked; store the conversation, publish it
    Duplicate, // a rating already recorded by this wamid (Meta delivered it again)
    NotTaken,  // not a rating the relay takes: store the message as any other
};

// Takes inbound (a customer's message to conversation, not stored yet) as the answer to a rating
// question when it is a tap on one of its rows (list_reply or button_reply) naming a question
// of this conversation that is still unanswered, within settings.acceptMs of it. A taken rating
// is stored against the survey's agent, the thank-you text is queued (from that agent) and
// conversation gets the rating, the customer's window and the thank-you as its last message.
// A rating tap that cannot be taken (late, answered already, another chat's, malformed) is
// logged with why and left to be stored as a message. Store failures mark the transaction failed.
Answer takeAnswer(WriteTxn &txn, Conversation &conversation, const Message &inbound,
                  const CsatSettings &settings);

} // namespace Serambi::Relay::Csat
