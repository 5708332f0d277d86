#include "mediadownloader.h"

#include "channels/channelset.h"
#include "logging/relaylogging.h"
#include "protocol/medialimits.h"
#include "store/conversationrepo.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace Serambi::Relay {

namespace {

const QString Pending = QStringLiteral("pending");

bool retryable(const GraphResult &result)
{
    return result.noResponse() || result.httpStatus >= 500 || result.httpStatus == 429;
}

} // namespace

MediaDownloader::MediaDownloader(StoreWriter *writer, const ChannelSet *channels, MediaFiles files,
                                 MediaDownloadOptions options, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_channels(channels)
    , m_files(std::move(files))
    , m_options(options)
{
    connect(m_writer, &StoreWriter::eventsCommitted, this, &MediaDownloader::handleEventsCommitted);
}

void MediaDownloader::start()
{
    auto ids = std::make_shared<QList<qint64>>();
    m_writer->submit(
        [ids](WriteTxn &txn) {
            *ids = MediaRepo::pendingDownloads(txn.db());
            return WriteResult::success();
        },
        this,
        [this, ids](const WriteResult &) {
            if (!ids->isEmpty())
                qCInfo(lcMedia) << "resuming" << ids->size() << "pending downloads";
            for (const qint64 id : *ids)
                enqueue(id);
        });
}

void MediaDownloader::handleEventsCommitted(const EventList &events)
{
    for (const Event &event : events) {
        if (event.kind != EventKind::MessageCreated && event.kind != EventKind::MessageUpdated)
            continue;
        const auto message = Protocol::MessagePayload::fromJson(event.data);
        if (message.direction == Protocol::Direction::In && message.media &&
            message.media->state == Pending)
            enqueue(message.id);
    }
}

void MediaDownloader::enqueue(qint64 messageId)
{
    if (messageId <= 0 || m_known.contains(messageId))
        return;
    m_known.insert(messageId);
    m_queue.push_back(messageId);
    pump();
}

void MediaDownloader::pump()
{
    while (m_active < m_options.maxConcurrent && !m_queue.empty()) {
        const qint64 id = m_queue.front();
        m_queue.pop_front();
        ++m_active;
        begin(id);
    }
}

void MediaDownloader::begin(qint64 messageId)
{
    auto media = std::make_shared<std::optional<MessageMedia>>();
    auto channel = std::make_shared<QString>();
    m_writer->submit(
        [media, channel, messageId](WriteTxn &txn) {
            *media = MediaRepo::messageMedia(txn.db(), messageId);
            *channel = ConversationRepo::channelOfMessage(txn.db(), messageId);
            return WriteResult::success();
        },
        this,
        [this, media, channel, messageId](const WriteResult &) {
            if (!media->has_value() || (*media)->state != Pending) {
                finished(messageId);
                return;
            }
            Job job;
            job.messageId = messageId;
            job.media = **media;
            job.channel = m_channels->find(*channel);
            if (!job.channel) { // the channel was removed from the configuration
                fail(job, QStringLiteral("download_failed"));
                return;
            }
            fetchUrl(job);
        });
}

void MediaDownloader::fetchUrl(const Job &job)
{
    job.channel->mediaInfo(job.media.metaMediaId, this,
                           [this, job](const GraphResult &result) { handleUrl(job, result); });
}

void MediaDownloader::handleUrl(Job job, const GraphResult &result)
{
    if (!result.ok()) {
        if (retryable(result)) {
            retry(job);
            return;
        }
        qCWarning(lcMedia) << "message" << job.messageId << "media" << job.media.metaMediaId
                           << "refused: HTTP" << result.httpStatus << "code" << result.error.code;
        // Meta no longer knows the id (webhook media live 7 days).
        const bool gone = result.httpStatus == 404 || result.error.code == 100;
        fail(job, gone ? QStringLiteral("expired") : QStringLiteral("download_failed"));
        return;
    }
    const QJsonObject &info = result.body;
    const QString mime =
        Protocol::baseMimeType(info.value(QLatin1String("mime_type")).toString(job.media.mimeType));
    const auto kind = Protocol::mediaKindOfMimeType(mime);
    if (!kind) {
        fail(job, QStringLiteral("unsupported_type"));
        return;
    }
    job.media.mimeType = mime;
    const QJsonValue fileSize = info.value(QLatin1String("file_size"));
    const qint64 size =
        fileSize.isString() ? fileSize.toString().toLongLong() : qint64(fileSize.toDouble());
    if (size > Protocol::maxMediaBytes(*kind)) {
        fail(job, QStringLiteral("too_large"));
        return;
    }
    const QString expected =
        !job.media.sha256.isEmpty()
            ? job.media.sha256
            : MediaFiles::normalizedSha256(info.value(QLatin1String("sha256")).toString());
    download(job, QUrl(info.value(QLatin1String("url")).toString()), expected);
}

void MediaDownloader::download(const Job &job, const QUrl &url, const QString &expectedSha256)
{
    const qint64 limit =
        Protocol::maxMediaBytes(*Protocol::mediaKindOfMimeType(job.media.mimeType));
    QNetworkReply *reply = job.channel->download(url);
    if (!reply) { // not one of Meta's media hosts: the token stays home
        fail(job, QStringLiteral("download_failed"));
        return;
    }
    auto bytes = std::make_shared<QByteArray>();
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::readyRead, reply, [reply, bytes, tooLarge, limit] {
        bytes->append(reply->readAll());
        if (bytes->size() > limit) { // stop reading past the kind's limit
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(
        reply, &QNetworkReply::finished, this, [this, job, reply, bytes, tooLarge, expectedSha256] {
            reply->deleteLater();
            if (*tooLarge) {
                fail(job, QStringLiteral("too_large"));
                return;
            }
            bytes->append(reply->readAll());
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 404 && !job.refreshedUrl) { // the URL expired: a fresh one, once
                Job again = job;
                again.refreshedUrl = true;
                fetchUrl(again);
                return;
            }
            if (status == 0 || status >= 500) {
                retry(job);
                return;
            }
            if (status != 200) {
                qCWarning(lcMedia) << "message" << job.messageId << "download: HTTP" << status;
                fail(job, QStringLiteral("download_failed"));
                return;
            }
            const QString key = MediaFiles::keyOf(*bytes);
            if (!expectedSha256.isEmpty() && key != expectedSha256) {
                fail(job, QStringLiteral("checksum_mismatch"));
                return;
            }
            if (bytes->size() > Protocol::maxMediaBytesFor(job.media.mimeType, *bytes)) {
                fail(job, QStringLiteral("too_large")); // a static sticker over 100 KB
                return;
            }
            if (m_files.write(*bytes).isEmpty()) {
                qCCritical(lcMedia) << "cannot write media to" << m_files.dir();
                fail(job, QStringLiteral("download_failed"));
                return;
            }
            MessageMedia media = job.media;
            media.state = QStringLiteral("ready");
            media.key = key;
            media.size = bytes->size();
            media.error.clear();
            store(job, media);
        });
}

void MediaDownloader::retry(Job job)
{
    if (++job.attempts >= m_options.maxAttempts) {
        qCWarning(lcMedia) << "message" << job.messageId << "download failed after" << job.attempts
                           << "attempts";
        fail(job, QStringLiteral("download_failed"));
        return;
    }
    const int delay = m_options.backoffBaseMs << qMin(job.attempts - 1, 6);
    QTimer::singleShot(delay, this, [this, job] { fetchUrl(job); });
}

void MediaDownloader::fail(const Job &job, const QString &error)
{
    qCInfo(lcMedia) << "message" << job.messageId << "media failed:" << error;
    MessageMedia media = job.media;
    media.state = QStringLiteral("failed");
    media.error = error;
    store(job, media);
}

void MediaDownloader::store(const Job &job, const MessageMedia &media)
{
    const qint64 messageId = job.messageId;
    m_writer->submit(
        [messageId, media](WriteTxn &txn) {
            if (media.state == QLatin1String("ready")) {
                MediaFile file;
                file.key = media.key;
                file.mimeType = media.mimeType;
                file.size = media.size;
                file.filename = media.filename;
                if (!MediaRepo::insertFile(txn, file, 0))
                    return WriteResult::failure(QStringLiteral("cannot record the file"));
            }
            if (!MediaRepo::saveMessageMedia(txn, messageId, media))
                return WriteResult::failure(QStringLiteral("cannot store the media state"));
            const auto message = ConversationRepo::loadMessage(txn.db(), messageId);
            const auto conversation =
                message ? ConversationRepo::load(txn.db(), message->conversationId) : std::nullopt;
            if (!conversation)
                return WriteResult::failure(QStringLiteral("the message is gone"));
            ConversationRepo::publishMessage(txn, *conversation, *message,
                                             EventKind::MessageUpdated);
            return WriteResult::success();
        },
        this,
        [this, messageId](const WriteResult &result) {
            if (!result.ok)
                qCCritical(lcMedia) << "message" << messageId << result.error;
            finished(messageId);
        });
}

void MediaDownloader::finished(qint64 messageId)
{
    m_known.remove(messageId);
    --m_active;
    pump();
}

} // namespace Serambi::Relay
