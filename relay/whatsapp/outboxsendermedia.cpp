// OutboxSender's media sends: upload once per key, reuse Meta's id for 29 days.
#include "outboxsender.h"

#include "channels/channel.h"
#include "logging/relaylogging.h"
#include "store/mediafiles.h"
#include "store/outbound.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QFile>

#include <memory>

namespace Serambi::Relay {

void OutboxSender::sendMedia(const OutboxItem &item, const QString &key)
{
    auto file = std::make_shared<std::optional<MediaFile>>();
    auto now = std::make_shared<qint64>(0);
    m_writer->submit(
        [file, now, key](WriteTxn &txn) {
            *file = MediaRepo::findFile(txn.db(), key);
            *now = txn.now();
            return WriteResult::success();
        },
        this,
        [this, item, file, now](const WriteResult &) {
            if (!file->has_value()) {
                failMissingMedia(item);
                return;
            }
            const MediaFile &media = **file;
            if (!media.metaMediaId.isEmpty() && *now - media.metaUploadedAt < MetaMediaReuseMs) {
                postWithMediaId(item, media.metaMediaId);
                return;
            }
            upload(item, media);
        });
}

void OutboxSender::failMissingMedia(const OutboxItem &item)
{
    Outcome outcome;
    outcome.item = item;
    outcome.kind = Outcome::Kind::Failed;
    outcome.decision.title = QStringLiteral("the media file is not stored");
    record(outcome);
}

void OutboxSender::postWithMediaId(const OutboxItem &item, const QString &metaMediaId)
{
    post(item, withMetaMediaId(item.request, metaMediaId));
}

void OutboxSender::upload(const OutboxItem &item, const MediaFile &file)
{
    QFile bytes(MediaFiles(m_options.mediaDir).pathOf(file.key));
    if (!bytes.open(QIODevice::ReadOnly)) {
        qCCritical(lcOutbox) << "outbox item" << item.id << "cannot read media" << file.key;
        failMissingMedia(item);
        return;
    }
    qCDebug(lcOutbox) << "outbox item" << item.id << "uploading media" << file.key;
    const QString key = file.key;
    m_channel->uploadMedia(
        bytes.readAll(), file.mimeType, file.filename, this,
        [this, item, key](const GraphResult &result) {
            if (!result.ok()) { // the outbox's retry rules; a permanent refusal fails the message
                handleSendFinished(item, result);
                return;
            }
            const QString metaId = result.body.value(QLatin1String("id")).toString();
            m_writer->submit(
                [key, metaId](WriteTxn &txn) {
                    return MediaRepo::setMetaMediaId(txn, key, metaId, txn.now())
                               ? WriteResult::success()
                               : WriteResult::failure(QStringLiteral("cannot record the upload"));
                },
                this, [this, item, metaId](const WriteResult &) { postWithMediaId(item, metaId); });
        });
}

} // namespace Serambi::Relay
