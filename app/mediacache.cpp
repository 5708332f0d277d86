#include "mediacache.h"

#include "logging.h"
#include "relayclient.h"

#include "protocol/errorcode.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

#include <algorithm>
#include <memory>

namespace Serambi::App {

struct MediaCache::Download
{
    QNetworkReply *reply = nullptr;
    QSaveFile file;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 received = 0;
    qint64 total = 0;
    bool writeFailed = false;

    explicit Download(const QString &path) : file(path) {}
};

MediaCache::MediaCache(const QString &directory, QObject *parent)
    : QObject(parent), m_directory(directory), m_network(new QNetworkAccessManager(this))
{
    m_thumbnails.setMaxCost(64 * 1024); // KiB of decoded thumbnails kept in memory
    m_pool.setMaxThreadCount(1);
}

MediaCache::~MediaCache()
{
    for (Download *download : std::as_const(m_downloads)) {
        download->reply->disconnect(this);
        download->reply->abort();
        delete download;
    }
    m_pool.waitForDone();
}

void MediaCache::setSession(const QUrl &relayUrl, const QString &token)
{
    m_relayUrl = relayUrl;
    m_token = token;
    m_failures.clear(); // a new session may see what the last one could not
}

QUrl MediaCache::mediaUrl(const QUrl &relayUrl, const QString &key)
{
    return RelayClient::httpUrl(relayUrl, QStringLiteral("/media/") + key);
}

bool MediaCache::isValidKey(const QString &key)
{
    if (key.size() != 64)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

MediaCache::State MediaCache::state(const QString &key) const
{
    if (m_downloads.contains(key))
        return State::Fetching;
    if (!filePath(key).isEmpty())
        return State::Ready;
    return m_failures.contains(key) ? State::Failed : State::Absent;
}

QString MediaCache::filePath(const QString &key) const
{
    if (!isValidKey(key))
        return {};
    const QString path = QDir(m_directory).filePath(key);
    if (m_onDisk.contains(key))
        return path;
    if (m_downloads.contains(key) || !QFileInfo::exists(path))
        return {};
    m_onDisk.insert(key);
    return path;
}

QString MediaCache::failure(const QString &key) const
{
    return m_failures.value(key);
}

QPair<qint64, qint64> MediaCache::progress(const QString &key) const
{
    const Download *download = m_downloads.value(key);
    return download ? qMakePair(download->received, download->total)
                    : qMakePair(qint64(0), qint64(0));
}

void MediaCache::fetch(const QString &key)
{
    if (m_downloads.contains(key) || !filePath(key).isEmpty())
        return;
    if (!isValidKey(key)) {
        fail(key, QStringLiteral("invalid_key"));
        return;
    }
    if (m_relayUrl.isEmpty()) {
        fail(key, QStringLiteral("unreachable"));
        return;
    }
    m_failures.remove(key);
    if (!QDir().mkpath(m_directory)) {
        fail(key, QStringLiteral("write_failed"));
        return;
    }
    auto download = std::make_unique<Download>(QDir(m_directory).filePath(key));
    if (!download->file.open(QIODevice::WriteOnly)) {
        fail(key, QStringLiteral("write_failed"));
        return;
    }
    QNetworkRequest request(mediaUrl(m_relayUrl, key));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    download->reply = reply;
    Download *raw = download.release();
    m_downloads.insert(key, raw);
    connect(reply, &QNetworkReply::readyRead, this, [this, raw, reply, key] {
        const QByteArray chunk = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return; // an error body, not the media
        raw->hash.addData(chunk);
        if (raw->file.write(chunk) != chunk.size())
            raw->writeFailed = true;
        raw->received += chunk.size();
        Q_EMIT progressed(key, raw->received, raw->total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [raw](qint64, qint64 total) { raw->total = qMax<qint64>(0, total); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleFinished(reply); });
}

void MediaCache::handleFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    QString key;
    for (auto it = m_downloads.cbegin(); it != m_downloads.cend(); ++it) {
        if (it.value()->reply == reply)
            key = it.key();
    }
    std::unique_ptr<Download> download(m_downloads.take(key));
    if (!download)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (status == 401)
        error = Protocol::errorCodeName(Protocol::ErrorCode::AuthFailed);
    else if (status == 404)
        error = Protocol::errorCodeName(Protocol::ErrorCode::NotFound);
    else if (status == 0 || (reply->error() > QNetworkReply::NoError &&
                             reply->error() < QNetworkReply::ProxyConnectionRefusedError))
        error = QStringLiteral("unreachable"); // no answer, or the connection broke mid-body
    else if (status != 200 || reply->error() != QNetworkReply::NoError)
        error = QStringLiteral("server_error");
    else if (QString::fromLatin1(download->hash.result().toHex()) != key)
        error = QStringLiteral("checksum_mismatch");
    else if (download->writeFailed || !download->file.commit())
        error = QStringLiteral("write_failed");
    if (!error.isEmpty()) {
        download->file.cancelWriting();
        qCWarning(lcConsole) << "media fetch failed:" << error << "HTTP" << status;
        fail(key, error);
        return;
    }
    m_onDisk.insert(key);
    Q_EMIT fetched(key);
    if (m_thumbnailJobs.contains(key)) {
        m_thumbnailJobs.remove(key);
        makeThumbnail(key);
    }
}

void MediaCache::fail(const QString &key, const QString &errorCode)
{
    m_failures.insert(key, errorCode);
    m_thumbnailJobs.remove(key);
    Q_EMIT fetchFailed(key, errorCode);
}

QImage MediaCache::thumbnail(const QString &key)
{
    if (const QImage *cached = m_thumbnails.object(key))
        return *cached;
    if (m_undecodable.contains(key) || m_thumbnailJobs.contains(key) || m_failures.contains(key))
        return {};
    m_thumbnailJobs.insert(key);
    if (filePath(key).isEmpty())
        fetch(key); // makeThumbnail follows once fetched
    else
        makeThumbnail(key);
    return {};
}

QImage MediaCache::cachedThumbnail(const QString &key) const
{
    const QImage *cached = m_thumbnails.object(key);
    return cached ? *cached : QImage();
}

void MediaCache::makeThumbnail(const QString &key)
{
    const QString path = filePath(key);
    m_thumbnailJobs.insert(key);
    m_pool.start([this, key, path] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid() && qMax(size.width(), size.height()) > ThumbnailSide)
            reader.setScaledSize(size.scaled(ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatio));
        QImage image = reader.read();
        QMetaObject::invokeMethod(
            this,
            [this, key, image = std::move(image)] {
                m_thumbnailJobs.remove(key);
                if (image.isNull())
                    m_undecodable.insert(key);
                else
                    m_thumbnails.insert(key, new QImage(image),
                                        qMax<qsizetype>(1, image.sizeInBytes() / 1024));
                Q_EMIT thumbnailReady(key);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Serambi::App
