#include "noterepo.h"

#include "statementcache.h"

namespace Serambi::Relay {

namespace {

const QString NoteSelect = QStringLiteral(
    "SELECT n.id, n.conversation_id, n.author_id, COALESCE(a.display_name, ''), n.text, "
    "n.created_at, (SELECT group_concat(username, ' ') FROM (SELECT u.username FROM mentions m "
    "JOIN users u ON u.id = m.user_id WHERE m.note_id = n.id ORDER BY m.id) AS mentioned) "
    "FROM notes n LEFT JOIN users a ON a.id = n.author_id ");

Note readNote(const PreparedQuery &q, int first)
{
    Note note;
    note.id = q.value(first).toLongLong();
    note.conversationId = q.value(first + 1).toLongLong();
    note.authorId = q.value(first + 2).toLongLong();
    note.authorName = q.value(first + 3).toString();
    note.text = q.value(first + 4).toString();
    note.createdAt = q.value(first + 5).toLongLong();
    const QString mentioned = q.value(first + 6).toString();
    if (!mentioned.isEmpty())
        note.mentions = mentioned.split(QLatin1Char(' '));
    return note;
}

} // namespace

namespace NoteRepo {

bool add(WriteTxn &txn, Note &note, const QList<qint64> &mentionedUserIds, QList<Mention> *mentions)
{
    note.createdAt = txn.now();
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO notes (conversation_id, author_id, text, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(note.conversationId);
    q.addBindValue(note.authorId);
    q.addBindValue(note.text);
    q.addBindValue(note.createdAt);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    note.id = q.lastInsertId();
    for (const qint64 userId : mentionedUserIds) {
        PreparedQuery m =
            txn.prepare(QStringLiteral("INSERT INTO mentions (note_id, user_id) VALUES (?, ?)"));
        m.addBindValue(note.id);
        m.addBindValue(userId);
        if (!execQuery(m)) {
            txn.markFailed();
            return false;
        }
        mentions->append(Mention{m.lastInsertId(), userId, note});
    }
    return true;
}

QList<Note> ofConversation(QSqlDatabase &db, qint64 conversationId)
{
    PreparedQuery q(db, NoteSelect + QStringLiteral("WHERE n.conversation_id = ? ORDER BY n.id"));
    q.addBindValue(conversationId);
    QList<Note> notes;
    if (!execQuery(q))
        return notes;
    while (q.next())
        notes.append(readNote(q, 0));
    return notes;
}

QList<Mention> mentionsOf(QSqlDatabase &db, qint64 userId, int limit)
{
    PreparedQuery q(db, QStringLiteral("SELECT mm.id, mm.user_id, n.* FROM mentions mm JOIN (") +
                            NoteSelect +
                            QStringLiteral(") n ON n.id = mm.note_id WHERE mm.user_id = ? "
                                           "ORDER BY mm.id DESC LIMIT ?"));
    q.addBindValue(userId);
    q.addBindValue(limit);
    QList<Mention> mentions;
    if (!execQuery(q))
        return mentions;
    while (q.next())
        mentions.append(Mention{q.value(0).toLongLong(), q.value(1).toLongLong(), readNote(q, 2)});
    return mentions;
}

} // namespace NoteRepo
} // namespace Serambi::Relay
