#include "labelrepo.h"

#include "statementcache.h"

namespace Serambi::Relay {

namespace {

const QString LabelSelect = QStringLiteral("SELECT id, name, color FROM labels ");

Label readLabel(const PreparedQuery &q)
{
    Label label;
    label.id = q.value(0).toLongLong();
    label.name = q.value(1).toString();
    label.color = q.value(2).toString();
    return label;
}

// Runs a statement of the transaction; marks it failed when the statement fails.
bool run(WriteTxn &txn, PreparedQuery &q)
{
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

} // namespace

namespace LabelRepo {

QList<Label> all(QSqlDatabase &db)
{
    PreparedQuery q(db, LabelSelect + QStringLiteral("ORDER BY name, id"));
    QList<Label> labels;
    if (!execQuery(q))
        return labels;
    while (q.next())
        labels.append(readLabel(q));
    return labels;
}

std::optional<Label> load(QSqlDatabase &db, qint64 id)
{
    PreparedQuery q(db, LabelSelect + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readLabel(q);
}

qint64 idByName(QSqlDatabase &db, const QString &name)
{
    PreparedQuery q(db, QStringLiteral("SELECT id FROM labels WHERE name = ?"));
    q.addBindValue(name);
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool save(WriteTxn &txn, Label &label)
{
    const bool insert = label.id == 0;
    PreparedQuery q = txn.prepare(
        insert ? QStringLiteral("INSERT INTO labels (name, color, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?)")
               : QStringLiteral("UPDATE labels SET name = ?, color = ?, updated_at = ? "
                                "WHERE id = ?"));
    q.addBindValue(label.name);
    q.addBindValue(label.color);
    if (insert)
        q.addBindValue(txn.now());
    q.addBindValue(txn.now());
    if (!insert)
        q.addBindValue(label.id);
    if (!run(txn, q))
        return false;
    if (insert)
        label.id = q.lastInsertId();
    return true;
}

bool remove(WriteTxn &txn, qint64 id)
{
    PreparedQuery fromChats =
        txn.prepare(QStringLiteral("DELETE FROM conversation_labels WHERE label_id = ?"));
    fromChats.addBindValue(id);
    if (!run(txn, fromChats))
        return false;
    PreparedQuery q = txn.prepare(QStringLiteral("DELETE FROM labels WHERE id = ?"));
    q.addBindValue(id);
    return run(txn, q);
}

QList<qint64> ofConversation(QSqlDatabase &db, qint64 conversationId)
{
    PreparedQuery q(db, QStringLiteral("SELECT label_id FROM conversation_labels "
                                       "WHERE conversation_id = ? ORDER BY label_id"));
    q.addBindValue(conversationId);
    QList<qint64> ids;
    if (!execQuery(q))
        return ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QHash<qint64, QList<qint64>> ofAllConversations(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT conversation_id, label_id FROM conversation_labels "
                                       "ORDER BY conversation_id, label_id"));
    QHash<qint64, QList<qint64>> labels;
    if (!execQuery(q))
        return labels;
    while (q.next())
        labels[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return labels;
}

bool addToConversation(WriteTxn &txn, qint64 conversationId, qint64 labelId)
{
    PreparedQuery q = txn.prepare(
        QStringLiteral("INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id, "
                       "added_at) VALUES (?, ?, ?)"));
    q.addBindValue(conversationId);
    q.addBindValue(labelId);
    q.addBindValue(txn.now());
    return run(txn, q);
}

bool removeFromConversation(WriteTxn &txn, qint64 conversationId, qint64 labelId)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?"));
    q.addBindValue(conversationId);
    q.addBindValue(labelId);
    return run(txn, q);
}

} // namespace LabelRepo
} // namespace Serambi::Relay
