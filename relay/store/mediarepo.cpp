#include "mediarepo.h"

#include "statementcache.h"

#include <QVariant>

namespace Serambi::Relay {

namespace {

QVariant nullable(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

} // namespace

namespace MediaRepo {

bool insertFile(WriteTxn &txn, const MediaFile &file, qint64 userId)
{
    PreparedQuery insert = txn.prepare(
        QStringLiteral("INSERT INTO media (media_key, mime_type, size, filename, created_at) "
                       "VALUES (?, ?, ?, COALESCE(?, ''), ?) ON CONFLICT (media_key) DO NOTHING"));
    insert.addBindValue(file.key);
    insert.addBindValue(file.mimeType);
    insert.addBindValue(file.size);
    insert.addBindValue(file.filename);
    insert.addBindValue(txn.now());
    bool ok = execQuery(insert);
    if (ok && userId != 0) {
        PreparedQuery upload =
            txn.prepare(QStringLiteral("INSERT INTO media_uploads (media_key, user_id, created_at) "
                                       "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
        upload.addBindValue(file.key);
        upload.addBindValue(userId);
        upload.addBindValue(txn.now());
        ok = execQuery(upload);
    }
    if (!ok)
        txn.markFailed();
    return ok;
}

std::optional<MediaFile> findFile(QSqlDatabase &db, const QString &key)
{
    PreparedQuery q(db, QStringLiteral("SELECT mime_type, size, filename, meta_media_id, "
                                       "meta_uploaded_at FROM media WHERE media_key = ?"));
    q.addBindValue(key);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    MediaFile file;
    file.key = key;
    file.mimeType = q.value(0).toString();
    file.size = q.value(1).toLongLong();
    file.filename = q.value(2).toString();
    file.metaMediaId = q.value(3).toString();
    file.metaUploadedAt = q.value(4).toLongLong();
    return file;
}

bool setMetaMediaId(WriteTxn &txn, const QString &key, const QString &metaMediaId,
                    qint64 uploadedAt)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE media SET meta_media_id = ?, meta_uploaded_at = ? WHERE media_key = ?"));
    q.addBindValue(metaMediaId);
    q.addBindValue(uploadedAt);
    q.addBindValue(key);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return true;
}

bool saveMessageMedia(WriteTxn &txn, qint64 messageId, const MessageMedia &media)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO message_media (message_id, state, media_key, size, mime_type, filename, "
        "error, meta_media_id, sha256, updated_at) "
        "VALUES (?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?) "
        "ON CONFLICT (message_id) DO UPDATE SET state = excluded.state, "
        "media_key = excluded.media_key, size = excluded.size, mime_type = excluded.mime_type, "
        "filename = excluded.filename, error = excluded.error, "
        "meta_media_id = excluded.meta_media_id, sha256 = excluded.sha256, "
        "updated_at = excluded.updated_at"));
    q.addBindValue(messageId);
    q.addBindValue(media.state);
    q.addBindValue(nullable(media.key));
    q.addBindValue(media.key.isEmpty() ? QVariant() : QVariant(media.size));
    q.addBindValue(media.mimeType);
    q.addBindValue(media.filename);
    q.addBindValue(media.error);
    q.addBindValue(nullable(media.metaMediaId));
    q.addBindValue(nullable(media.sha256));
    q.addBindValue(txn.now());
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return true;
}

std::optional<MessageMedia> messageMedia(QSqlDatabase &db, qint64 messageId)
{
    PreparedQuery q(db, QStringLiteral("SELECT state, media_key, size, mime_type, filename, "
                                       "error, meta_media_id, sha256 FROM message_media "
                                       "WHERE message_id = ?"));
    q.addBindValue(messageId);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    MessageMedia media;
    media.state = q.value(0).toString();
    media.key = q.value(1).toString();
    media.size = q.value(2).toLongLong();
    media.mimeType = q.value(3).toString();
    media.filename = q.value(4).toString();
    media.error = q.value(5).toString();
    media.metaMediaId = q.value(6).toString();
    media.sha256 = q.value(7).toString();
    return media;
}

QList<qint64> pendingDownloads(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT mm.message_id FROM message_media mm "
                                       "JOIN messages m ON m.id = mm.message_id "
                                       "WHERE mm.state = 'pending' AND m.direction = 'in' "
                                       "ORDER BY mm.message_id"));
    QList<qint64> ids;
    if (!execQuery(q))
        return ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool uploadedBy(QSqlDatabase &db, const QString &key, qint64 userId)
{
    PreparedQuery q(db, QStringLiteral("SELECT 1 FROM media_uploads WHERE media_key = ? AND "
                                       "user_id = ?"));
    q.addBindValue(key);
    q.addBindValue(userId);
    return execQuery(q) && q.next();
}

qint64 bytesUploadedSince(QSqlDatabase &db, qint64 userId, qint64 since)
{
    PreparedQuery q(db, QStringLiteral("SELECT COALESCE(SUM(m.size), 0) FROM media_uploads u "
                                       "JOIN media m ON m.media_key = u.media_key "
                                       "WHERE u.user_id = ? AND u.created_at >= ?"));
    q.addBindValue(userId);
    q.addBindValue(since);
    return execQuery(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QStringList unreferencedUploads(QSqlDatabase &db, qint64 before, int limit)
{
    PreparedQuery q(db, QStringLiteral("SELECT m.media_key FROM media m WHERE m.created_at < ? "
                                       "AND EXISTS (SELECT 1 FROM media_uploads u "
                                       "WHERE u.media_key = m.media_key) "
                                       "AND NOT EXISTS (SELECT 1 FROM message_media mm "
                                       "WHERE mm.media_key = m.media_key) "
                                       "ORDER BY m.created_at LIMIT ?"));
    q.addBindValue(before);
    q.addBindValue(limit);
    QStringList keys;
    if (!execQuery(q))
        return keys;
    while (q.next())
        keys.append(q.value(0).toString());
    return keys;
}

bool forgetUpload(WriteTxn &txn, const QString &key)
{
    for (const QString &sql : {QStringLiteral("DELETE FROM media_uploads WHERE media_key = ?"),
                               QStringLiteral("DELETE FROM media WHERE media_key = ?")}) {
        PreparedQuery q = txn.prepare(sql);
        q.addBindValue(key);
        if (!execQuery(q)) {
            txn.markFailed();
            return false;
        }
    }
    return true;
}

QList<qint64> assigneesOfKey(QSqlDatabase &db, const QString &key)
{
    PreparedQuery q(db, QStringLiteral("SELECT DISTINCT COALESCE(c.assignee_id, 0) "
                                       "FROM message_media mm "
                                       "JOIN messages m ON m.id = mm.message_id "
                                       "JOIN conversations c ON c.id = m.conversation_id "
                                       "WHERE mm.media_key = ?"));
    q.addBindValue(key);
    QList<qint64> assignees;
    if (!execQuery(q))
        return assignees;
    while (q.next())
        assignees.append(q.value(0).toLongLong());
    return assignees;
}

} // namespace MediaRepo
} // namespace Serambi::Relay
