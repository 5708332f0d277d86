#include "draftrepo.h"
#include "statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

namespace DraftRepo {

namespace {

const QString DraftSelect = QStringLiteral(
    "SELECT id, conversation_id, for_message_id, text, confidence, sources, state, fallback "
    "FROM drafts ");

Draft readDraft(const PreparedQuery &q)
{
    Draft draft;
    draft.id = q.value(0).toLongLong();
    draft.conversationId = q.value(1).toLongLong();
    draft.forMessageId = q.value(2).toLongLong();
    draft.text = q.value(3).toString();
    draft.confidence = q.value(4).toDouble();
    const QJsonArray sources = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array();
    for (const QJsonValue &source : sources)
        draft.sources.append(source.toString());
    draft.state = Protocol::draftStateFromName(q.value(6).toString())
                      .value_or(Protocol::DraftState::Superseded);
    draft.fallback = q.value(7).toBool();
    return draft;
}

std::optional<Draft> selectOne(QSqlDatabase &db, const QString &where, qint64 value)
{
    PreparedQuery q(db, DraftSelect + QStringLiteral("WHERE ") + where +
                            QStringLiteral(" ORDER BY id DESC LIMIT 1"));
    q.addBindValue(value);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readDraft(q);
}

} // namespace

bool insertPending(WriteTxn &txn, Draft &draft)
{
    PreparedQuery supersede =
        txn.prepare(QStringLiteral("UPDATE drafts SET state = 'superseded', updated_at = ? WHERE "
                                   "conversation_id = ? AND state = 'pending'"));
    supersede.addBindValue(txn.now());
    supersede.addBindValue(draft.conversationId);
    PreparedQuery insert = txn.prepare(QStringLiteral(
        "INSERT INTO drafts (conversation_id, for_message_id, text, confidence, sources, state, "
        "fallback, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)"));
    insert.addBindValue(draft.conversationId);
    insert.addBindValue(draft.forMessageId);
    insert.addBindValue(draft.text);
    insert.addBindValue(draft.confidence);
    insert.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(draft.sources)).toJson(QJsonDocument::Compact)));
    insert.addBindValue(draft.fallback ? 1 : 0);
    insert.addBindValue(txn.now());
    insert.addBindValue(txn.now());
    if (!execQuery(supersede) || !execQuery(insert)) {
        txn.markFailed();
        return false;
    }
    draft.id = insert.lastInsertId();
    draft.state = Protocol::DraftState::Pending;
    return true;
}

std::optional<Draft> load(QSqlDatabase &db, qint64 id)
{
    return selectOne(db, QStringLiteral("id = ?"), id);
}

std::optional<Draft> pendingFor(QSqlDatabase &db, qint64 conversationId)
{
    return selectOne(db, QStringLiteral("state = 'pending' AND conversation_id = ?"),
                     conversationId);
}

bool setState(WriteTxn &txn, qint64 id, Protocol::DraftState state)
{
    PreparedQuery q =
        txn.prepare(QStringLiteral("UPDATE drafts SET state = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(QString(Protocol::draftStateName(state)));
    q.addBindValue(txn.now());
    q.addBindValue(id);
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

qint64 latestInboundMessage(QSqlDatabase &db, qint64 conversationId)
{
    PreparedQuery q(
        db, QStringLiteral(
                "SELECT MAX(id) FROM messages WHERE conversation_id = ? AND direction = 'in'"));
    q.addBindValue(conversationId);
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QHash<qint64, Draft> allPending(QSqlDatabase &db)
{
    QHash<qint64, Draft> drafts;
    PreparedQuery q(db, DraftSelect + QStringLiteral("WHERE state = 'pending'"));
    if (!q.exec())
        return drafts;
    while (q.next()) {
        Draft draft = readDraft(q);
        drafts.insert(draft.conversationId, draft);
    }
    return drafts;
}

bool addLlmTokens(WriteTxn &txn, qint64 conversationId, qint64 tokens)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("UPDATE conversations SET llm_tokens = llm_tokens + ? WHERE id = ?"));
    q.addBindValue(tokens);
    q.addBindValue(conversationId);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return true;
}

QList<LlmTokenCount> llmTokens(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT c.id, ct.wa_id, c.llm_tokens FROM conversations c "
                                       "JOIN contacts ct ON ct.id = c.contact_id "
                                       "WHERE c.llm_tokens > 0 ORDER BY c.llm_tokens DESC, c.id"));
    QList<LlmTokenCount> counts;
    if (!execQuery(q))
        return counts;
    while (q.next())
        counts.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return counts;
}

qint64 llmTokensTotal(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT COALESCE(SUM(llm_tokens), 0) FROM conversations"));
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace DraftRepo
} // namespace Serambi::Relay
