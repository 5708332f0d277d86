#include "cannedrepo.h"

#include "statementcache.h"

namespace Serambi::Relay {

namespace {

const QString CannedSelect = QStringLiteral(
    "SELECT c.id, c.shortcut, c.title, c.text, c.author_id, COALESCE(u.display_name, ''), "
    "c.updated_at FROM canned_responses c LEFT JOIN users u ON u.id = c.author_id ");

CannedResponse readCanned(const PreparedQuery &q)
{
    CannedResponse canned;
    canned.id = q.value(0).toLongLong();
    canned.shortcut = q.value(1).toString();
    canned.title = q.value(2).toString();
    canned.text = q.value(3).toString();
    canned.authorId = q.value(4).toLongLong();
    canned.authorName = q.value(5).toString();
    canned.updatedAt = q.value(6).toLongLong();
    return canned;
}

} // namespace

namespace CannedRepo {

QList<CannedResponse> all(QSqlDatabase &db)
{
    PreparedQuery q(db, CannedSelect + QStringLiteral("ORDER BY c.shortcut"));
    QList<CannedResponse> result;
    if (!execQuery(q))
        return result;
    while (q.next())
        result.append(readCanned(q));
    return result;
}

std::optional<CannedResponse> load(QSqlDatabase &db, qint64 id)
{
    PreparedQuery q(db, CannedSelect + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(id);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readCanned(q);
}

qint64 idByShortcut(QSqlDatabase &db, const QString &shortcut)
{
    PreparedQuery q(db, QStringLiteral("SELECT id FROM canned_responses WHERE shortcut = ?"));
    q.addBindValue(shortcut);
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool save(WriteTxn &txn, CannedResponse &canned)
{
    canned.updatedAt = txn.now();
    const bool insert = canned.id == 0;
    PreparedQuery q = txn.prepare(
        insert ? QStringLiteral("INSERT INTO canned_responses (shortcut, title, text, author_id, "
                                "updated_at) VALUES (?, ?, ?, ?, ?)")
               : QStringLiteral("UPDATE canned_responses SET shortcut = ?, title = ?, text = ?, "
                                "author_id = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(canned.shortcut);
    // A response saved without a title has an empty one, never NULL (the column is NOT NULL).
    q.addBindValue(canned.title.isNull() ? QStringLiteral("") : canned.title);
    q.addBindValue(canned.text);
    q.addBindValue(canned.authorId);
    q.addBindValue(canned.updatedAt);
    if (!insert)
        q.addBindValue(canned.id);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    if (insert)
        canned.id = q.lastInsertId();
    return true;
}

bool remove(WriteTxn &txn, qint64 id)
{
    PreparedQuery q = txn.prepare(QStringLiteral("DELETE FROM canned_responses WHERE id = ?"));
    q.addBindValue(id);
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

} // namespace CannedRepo
} // namespace Serambi::Relay
