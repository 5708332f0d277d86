#pragma once

#include "writetxn.h"

#include "protocol/payloads.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Serambi::Relay {

// A file in the relay's media store (bytes on disk under MediaFiles, named by their SHA-256).
struct MediaFile
{
    QString key; // sha256 hex of the bytes
    QString mimeType;
    qint64 size = 0;
    QString filename;
    QString metaMediaId; // Meta's id of our upload, reusable until it is 29 days old
    qint64 metaUploadedAt = 0;
};

// The media of one message (docs/protocol.md "Message objects of every type").
struct MessageMedia
{
    QString state; // pending | ready | failed
    QString key;   // once ready
    qint64 size = 0;
    QString mimeType;
    QString filename;
    QString error;       // when failed: too_large, unsupported_type, download_failed, …
    QString metaMediaId; // inbound: the id the webhook named
    QString sha256;      // inbound: the webhook's hash, as hex

    Protocol::MediaPayload toPayload() const
    {
        return {state, key, mimeType, key.isEmpty() ? 0 : size, filename, error};
    }
    QJsonObject toJson() const { return toPayload().toJson(); }
};

namespace MediaRepo {

// Records file (once per key) and that userId uploaded it (0: nobody, e.g. a download).
bool insertFile(WriteTxn &txn, const MediaFile &file, qint64 userId);
std::optional<MediaFile> findFile(QSqlDatabase &db, const QString &key);
bool setMetaMediaId(WriteTxn &txn, const QString &key, const QString &metaMediaId,
                    qint64 uploadedAt);

bool saveMessageMedia(WriteTxn &txn, qint64 messageId, const MessageMedia &media);
std::optional<MessageMedia> messageMedia(QSqlDatabase &db, qint64 messageId);
// Inbound messages whose media is still to be downloaded, oldest first.
QList<qint64> pendingDownloads(QSqlDatabase &db);

bool uploadedBy(QSqlDatabase &db, const QString &key, qint64 userId);
// Bytes of the files userId uploaded at or after since (each file once): the upload quota.
qint64 bytesUploadedSince(QSqlDatabase &db, qint64 userId, qint64 since);
// Up to limit files an agent uploaded, stored before `before`, that no message carries.
QStringList unreferencedUploads(QSqlDatabase &db, qint64 before, int limit);
// Forgets a file and who uploaded it (the bytes on disk are the caller's to delete).
bool forgetUpload(WriteTxn &txn, const QString &key);
// The assignees (0 = unassigned) of the conversations with a message carrying key.
QList<qint64> assigneesOfKey(QSqlDatabase &db, const QString &key);

} // namespace MediaRepo
} // namespace Serambi::Relay
