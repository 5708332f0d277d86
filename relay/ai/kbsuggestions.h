#pragma once

#include "store/writetxn.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Serambi::Relay::KbSuggestions {

// Knowledge-base suggestions (docs/ai.md, "Suggestions"): what agents answered where the AI
// could not, for supervisors to turn into articles or phrasings.

// Phone numbers, e-mail addresses, street addresses and order or record numbers replaced by
// placeholders ("[nomor telepon]", "[email]", "[alamat]", "[nomor]").
QString mask(const QString &text);

// True when an agent's reply differs substantially from the draft it started from: fewer than
// half of the words of the two (normalised) are shared.
bool substantiallyEdited(const QString &draft, const QString &sent);

// Records, masked, the customer's message and the agent's reply when the AI abstained on it (its
// draft cites no article) or the agent's reply rewrote the AI's draft (approvedDraftText, when
// the agent approved a draft). One suggestion per customer message; false only when the database
// fails.
bool recordAnswer(WriteTxn &txn, qint64 conversationId, const QString &reply,
                  const std::optional<QString> &approvedDraftText);

// The latest suggestions grouped by similar questions, largest group first:
// [{"count", "terms": [...], "questions": [... up to 5], "reply", "last_at", "ids"}],
// without the suggestions a supervisor has handled.
QJsonArray grouped(QSqlDatabase &db, int limit = 500);

} // namespace Serambi::Relay::KbSuggestions
