#include "mediaendpoint.h"

#include "logging/relaylogging.h"
#include "mediastream.h"

#include "auth/sessiontoken.h"
#include "auth/visibility.h"
#include "protocol/errorcode.h"
#include "protocol/keys.h"
#include "protocol/medialimits.h"
#include "store/mediarepo.h"
#include "store/storewriter.h"
#include "store/userrepo.h"
#include "store/writetxn.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;
using Status = QHttpServerResponder::StatusCode;

constexpr qint64 DayMs = 24LL * 3600 * 1000;
// Session tokens that worked lately, kept to let them past an address's throttle.
constexpr qsizetype GoodTokensKept = 10000;
// Uploads deleted per sweep job; the next sweep takes the rest.
constexpr int SweepBatch = 500;

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization").trimmed();
    if (value.left(7).toLower() != "bearer ")
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

QJsonObject errorBody(ErrorCode code, const QString &message)
{
    return QJsonObject{{Key::Error, QJsonObject{{Key::Code, Protocol::errorCodeName(code)},
                                                {Key::Message, message}}}};
}

void writeError(QHttpServerResponder &responder, Status status, ErrorCode code,
                const QString &message)
{
    responder.write(QJsonDocument(errorBody(code, message)), status);
}

void writeThrottled(QHttpServerResponder &responder, int retryAfter)
{
    QJsonObject body = errorBody(ErrorCode::AuthThrottled,
                                 QStringLiteral("too many wrong session tokens from this address"));
    QJsonObject error = body.value(Key::Error).toObject();
    error.insert(Key::RetryAfter, retryAfter);
    body.insert(Key::Error, error);
    responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                     {QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)}},
                    Status::TooManyRequests);
}

// What the worker thread makes of an upload's bytes.
} // namespace

MediaEndpoint::MediaEndpoint(StoreWriter *writer, MediaFiles files, const MediaOptions &options,
                             QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_files(std::move(files))
    , m_options(options)
    , m_tokenThrottle(options.maxTokenFailures, options.tokenFailureWindowMs)
{
    // Hashing and writing a 100 MB document takes a core for a while: two at a time at most.
    m_workers.setMaxThreadCount(2);
    connect(&m_sweepTimer, &QTimer::timeout, this, &MediaEndpoint::sweep);
}

MediaEndpoint::~MediaEndpoint()
{
    // A worker still running posts its answer to this object: let it finish first.
    m_workers.waitForDone();
}

int MediaEndpoint::throttled(const QHttpServerRequest &request, const QByteArray &tokenHash)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int wait = m_tokenThrottle.retryAfter({peerKey(request)}, now);
    if (wait == 0)
        return 0;
    // Someone else's guesses from the same address (a reverse proxy's) do not stop a console
    // whose token worked lately: the guessing is throttled, not the team.
    const auto known = m_goodTokens.constFind(tokenHash);
    if (known != m_goodTokens.constEnd() && now - *known <= m_options.tokenFailureWindowMs)
        return 0;
    ++m_throttled;
    return wait;
}

QString MediaEndpoint::peerKey(const QHttpServerRequest &request) const
{
    return LoginThrottle::addressKey(clientAddress(
        request.remoteAddress(), header(request, "X-Forwarded-For"), m_options.trustedProxies));
}

void MediaEndpoint::recordBadToken(const QString &peer)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_tokenThrottle.begin({peer}, now);
    m_tokenThrottle.finish({peer}, true, now);
}

void MediaEndpoint::rememberGoodToken(const QByteArray &tokenHash)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_goodTokens.size() > GoodTokensKept) {
        m_goodTokens.removeIf([this, now](const auto &entry) {
            return now - entry.value() > m_options.tokenFailureWindowMs;
        });
    }
    if (m_goodTokens.size() <= GoodTokensKept)
        m_goodTokens.insert(tokenHash, now);
}

void MediaEndpoint::handleGet(const QString &key, const QHttpServerRequest &request,
                              QHttpServerResponder &&responder)
{
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        writeError(responder, Status::Unauthorized, ErrorCode::NotAuthenticated,
                   QStringLiteral("a session token is needed"));
        return;
    }
    const QByteArray tokenHash = sessionTokenHash(token);
    if (const int wait = throttled(request, tokenHash)) {
        writeThrottled(responder, wait);
        return;
    }
    struct Answer
    {
        bool authenticated = false;
        std::optional<MediaFile> file;
    };
    auto answer = std::make_shared<Answer>();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray range = header(request, "Range");
    const QString peer = peerKey(request);
    m_writer->submit(
        [answer, tokenHash, now, key, idleMs = m_options.sessionIdleMs](WriteTxn &txn) {
            const auto session = UserRepo::userForSession(txn.db(), tokenHash, now, idleMs);
            const auto user = session ? std::optional<User>(session->user) : std::nullopt;
            answer->authenticated = user.has_value();
            if (!user || !MediaFiles::isKey(key))
                return WriteResult::success();
            if (canSeeMedia(txn.db(), *user, key))
                answer->file = MediaRepo::findFile(txn.db(), key);
            return WriteResult::success();
        },
        this,
        [this, answer, pending, socket, range, peer, tokenHash](const WriteResult &result) {
            if (!result.ok) {
                if (socket)
                    writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                               QStringLiteral("the relay could not read its store"));
                return;
            }
            if (!answer->authenticated) {
                recordBadToken(peer);
                if (socket)
                    writeError(*pending, Status::Unauthorized, ErrorCode::AuthFailed,
                               QStringLiteral("unknown or expired session token"));
                return;
            }
            rememberGoodToken(tokenHash);
            if (!socket)
                return;
            auto file = std::make_unique<QFile>(answer->file ? m_files.pathOf(answer->file->key)
                                                             : QString());
            if (!answer->file || !file->open(QIODevice::ReadOnly)) {
                writeError(*pending, Status::NotFound, ErrorCode::NotFound,
                           QStringLiteral("no such media"));
                return;
            }
            const qint64 size = file->size();
            ByteRange part;
            const RangeAnswer asked = parseRange(range, size, &part);
            if (asked == RangeAnswer::Unsatisfiable) {
                pending->write(
                    QByteArray(),
                    {{QByteArrayLiteral("Content-Range"), "bytes */" + QByteArray::number(size)}},
                    Status::RequestRangeNotSatisfiable);
                return;
            }
            if (asked == RangeAnswer::Whole) {
                part.first = 0;
                part.last = size - 1;
            }
            if (part.first > 0 && !file->seek(part.first)) {
                writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                           QStringLiteral("the relay could not read the file"));
                return;
            }
            const qint64 length = size == 0 ? 0 : part.length();
            pending->writeStatusLine(asked == RangeAnswer::Partial ? Status::PartialContent
                                                                   : Status::Ok);
            pending->writeHeader(QByteArrayLiteral("Content-Type"),
                                 answer->file->mimeType.toLatin1());
            pending->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
            pending->writeHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
            if (asked == RangeAnswer::Partial)
                pending->writeHeader(QByteArrayLiteral("Content-Range"),
                                     "bytes " + QByteArray::number(part.first) + '-' +
                                         QByteArray::number(part.last) + '/' +
                                         QByteArray::number(size));
            pending->writeHeader(QByteArrayLiteral("Cache-Control"),
                                 QByteArrayLiteral("private, max-age=31536000, immutable"));
            if (!answer->file->filename.isEmpty())
                pending->writeHeader(QByteArrayLiteral("Content-Disposition"),
                                     "attachment; filename*=UTF-8''" +
                                         QUrl::toPercentEncoding(answer->file->filename));
            MediaStream::start(pending, socket, std::move(file), length);
        });
}

void MediaEndpoint::handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        writeError(responder, Status::Unauthorized, ErrorCode::NotAuthenticated,
                   QStringLiteral("a session token is needed"));
        return;
    }
    const QByteArray tokenHash = sessionTokenHash(token);
    if (const int wait = throttled(request, tokenHash)) {
        writeThrottled(responder, wait);
        return;
    }
    const QByteArray body = request.body();
    const QString mimeType =
        Protocol::baseMimeType(QString::fromLatin1(header(request, "Content-Type")));
    const QString filename = QUrl::fromPercentEncoding(header(request, "X-Serambi-Filename"));
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString peer = peerKey(request);
    struct Uploader
    {
        qint64 id = 0;
        qint64 uploadedToday = 0;
    };
    auto uploader = std::make_shared<Uploader>();
    m_writer->submit(
        [uploader, tokenHash, now, idleMs = m_options.sessionIdleMs](WriteTxn &txn) {
            if (const auto session = UserRepo::userForSession(txn.db(), tokenHash, now, idleMs)) {
                uploader->id = session->user.id;
                uploader->uploadedToday =
                    MediaRepo::bytesUploadedSince(txn.db(), session->user.id, now - DayMs);
            }
            return WriteResult::success();
        },
        this,
        [this, pending, socket, uploader, body, mimeType, filename, peer,
         tokenHash](const WriteResult &result) {
            if (result.ok && uploader->id == 0)
                recordBadToken(peer);
            if (uploader->id != 0)
                rememberGoodToken(tokenHash);
            if (!socket)
                return;
            if (!result.ok || uploader->id == 0) {
                writeError(*pending, Status::Unauthorized, ErrorCode::AuthFailed,
                           QStringLiteral("unknown or expired session token"));
                return;
            }
            if (m_options.quotaBytesPerDay > 0 &&
                uploader->uploadedToday + body.size() > m_options.quotaBytesPerDay) {
                qCInfo(lcMediaHttp) << "user" << uploader->id << "is over the daily upload quota";
                writeError(*pending, Status::TooManyRequests, ErrorCode::UploadQuotaExceeded,
                           QStringLiteral("at most %1 bytes of uploads in 24 hours")
                               .arg(m_options.quotaBytesPerDay));
                return;
            }
            // Checked, hashed and written off the main thread; answered back on it.
            const MediaFiles files = m_files;
            const qint64 userId = uploader->id;
            m_workers.start([this, files, body, mimeType, filename, pending, socket, userId] {
                Stored stored;
                stored.check = body.size() > MaxBodyBytes ? Protocol::MediaCheck::TooLarge
                                                          : Protocol::checkMedia(mimeType, body);
                if (stored.check == Protocol::MediaCheck::Ok)
                    stored.key = files.write(body);
                QMetaObject::invokeMethod(
                    this,
                    [this, stored, body, mimeType, filename, pending, socket, userId] {
                        finishUpload(stored, body, mimeType, filename, pending, socket, userId);
                    },
                    Qt::QueuedConnection);
            });
        });
}

void MediaEndpoint::finishUpload(const Stored &stored, const QByteArray &body,
                                 const QString &mimeType, const QString &filename,
                                 const std::shared_ptr<QHttpServerResponder> &pending,
                                 const QPointer<QTcpSocket> &socket, qint64 userId)
{
    if (!socket)
        return;
    switch (stored.check) {
    case Protocol::MediaCheck::Ok:
        break;
    case Protocol::MediaCheck::UnsupportedType:
        writeError(*pending, Status::UnsupportedMediaType, ErrorCode::UnsupportedMediaType,
                   QStringLiteral("WhatsApp does not take %1").arg(mimeType));
        return;
    case Protocol::MediaCheck::TooLarge:
        writeError(*pending, Status::PayloadTooLarge, ErrorCode::MediaTooLarge,
                   QStringLiteral("%1 files may have at most %2 bytes")
                       .arg(mimeType)
                       .arg(Protocol::maxMediaBytesFor(mimeType, body)));
        return;
    case Protocol::MediaCheck::Empty:
        writeError(*pending, Status::BadRequest, ErrorCode::InvalidArgument,
                   QStringLiteral("the body is empty"));
        return;
    case Protocol::MediaCheck::ContentMismatch:
        writeError(*pending, Status::BadRequest, ErrorCode::InvalidArgument,
                   QStringLiteral("the bytes are not %1").arg(mimeType));
        return;
    }
    if (stored.key.isEmpty()) {
        qCCritical(lcMediaHttp) << "cannot write media to" << m_files.dir();
        writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                   QStringLiteral("the relay could not store the file"));
        return;
    }
    MediaFile file;
    file.key = stored.key;
    file.mimeType = mimeType;
    file.size = body.size();
    file.filename = filename;
    const auto kind = Protocol::mediaKindOfMimeType(mimeType);
    m_writer->submit(
        [file, userId](WriteTxn &txn) {
            return MediaRepo::insertFile(txn, file, userId)
                       ? WriteResult::success()
                       : WriteResult::failure(QStringLiteral("cannot record the file"));
        },
        this,
        [pending, socket, file, kind](const WriteResult &result) {
            if (!socket)
                return;
            if (!result.ok) {
                writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                           result.error);
                return;
            }
            pending->write(QJsonDocument(QJsonObject{{Key::MediaKey, file.key},
                                                     {Key::MimeType, file.mimeType},
                                                     {Key::Size, file.size},
                                                     {Key::Kind, Protocol::mediaKindName(*kind)}}),
                           Status::Created);
        });
}

void MediaEndpoint::startSweeping()
{
    if (m_options.retentionMs <= 0)
        return;
    sweep();
    m_sweepTimer.start(m_options.sweepIntervalMs);
}

void MediaEndpoint::sweep()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - m_options.retentionMs;
    auto keys = std::make_shared<QStringList>();
    m_writer->submit(
        [keys, before](WriteTxn &txn) {
            *keys = MediaRepo::unreferencedUploads(txn.db(), before, SweepBatch);
            for (const QString &key : std::as_const(*keys)) {
                if (!MediaRepo::forgetUpload(txn, key))
                    return WriteResult::failure(QStringLiteral("cannot forget an upload"));
            }
            return WriteResult::success();
        },
        this,
        [this, keys](const WriteResult &result) {
            if (!result.ok) {
                qCWarning(lcMediaHttp) << "upload sweep failed:" << result.error;
                return;
            }
            for (const QString &key : std::as_const(*keys))
                QFile::remove(m_files.pathOf(key));
            m_swept += quint64(keys->size());
            if (!keys->isEmpty())
                qCInfo(lcMediaHttp) << "deleted" << keys->size() << "uploads no message refers to";
            Q_EMIT sweepFinished(int(keys->size()));
        });
}

} // namespace Serambi::Relay
