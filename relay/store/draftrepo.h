#pragma once

#include "writetxn.h"

#include "protocol/payloads.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace Serambi::Relay {

// A reply the AI proposed for a conversation's latest customer message. At most one draft of
// a conversation is pending; a newer one supersedes it.
struct Draft
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 forMessageId = 0;
    QString text;
    double confidence = 0;
    QStringList sources;
    bool handoff = false;
    bool fallback = false; // the offline drafter wrote it because the LLM provider failed
    Protocol::DraftState state = Protocol::DraftState::Pending;

    Protocol::DraftPayload toPayload() const
    {
        return {id,      conversationId, forMessageId, text, confidence,
                sources, handoff,        fallback,     state};
    }
    QJsonObject toJson() const { return toPayload().toJson(); }
};

namespace DraftRepo {

// Stores draft as the conversation's pending draft, superseding an older one (sets its id).
bool insertPending(WriteTxn &txn, Draft &draft);
std::optional<Draft> load(QSqlDatabase &db, qint64 id);
std::optional<Draft> pendingFor(QSqlDatabase &db, qint64 conversationId);
bool setState(WriteTxn &txn, qint64 id, Protocol::DraftState state);
// The newest inbound message of a conversation (what a draft answers), 0 when none.
qint64 latestInboundMessage(QSqlDatabase &db, qint64 conversationId);
// Every pending draft, by conversation id (for snapshots).
QHash<qint64, Draft> allPending(QSqlDatabase &db);

// Adds tokens the LLM provider reported for a draft to the conversation's count.
bool addLlmTokens(WriteTxn &txn, qint64 conversationId, qint64 tokens);
// The conversations that used LLM tokens, most first: conversation id, contact wa_id, tokens.
struct LlmTokenCount
{
    qint64 conversationId = 0;
    QString waId;
    qint64 tokens = 0;
};
QList<LlmTokenCount> llmTokens(QSqlDatabase &db);
// Tokens of every conversation together.
qint64 llmTokensTotal(QSqlDatabase &db);

} // namespace DraftRepo
} // namespace Serambi::Relay
