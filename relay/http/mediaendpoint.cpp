#include "mediaendpoint.h"

#include "hub/sessiontoken.h"
#include "hub/visibility.h"
#include "protocol/errorcode.h"
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
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

Q_LOGGING_CATEGORY(lcMediaHttp, "serambi.relay.http.media")

namespace Serambi::Relay {

namespace {

using Protocol::ErrorCode;
using Status = QHttpServerResponder::StatusCode;

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

void writeError(QHttpServerResponder &responder, Status status, ErrorCode code,
                const QString &message)
{
    const QJsonObject body{
        {QLatin1String("error"), QJsonObject{{QLatin1String("code"), Protocol::errorCodeName(code)},
                                             {QLatin1String("message"), message}}}};
    responder.write(QJsonDocument(body), status);
}

} // namespace

MediaEndpoint::MediaEndpoint(StoreWriter *writer, MediaFiles files, QObject *parent)
    : QObject(parent), m_writer(writer), m_files(std::move(files))
{}

void MediaEndpoint::handleGet(const QString &key, const QHttpServerRequest &request,
                              QHttpServerResponder &&responder)
{
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        writeError(responder, Status::Unauthorized, ErrorCode::NotAuthenticated,
                   QStringLiteral("a session token is needed"));
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
    const QByteArray tokenHash = sessionTokenHash(token);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_writer->submit(
        [answer, tokenHash, now, key](WriteTxn &txn) {
            const auto user = UserRepo::userForSession(txn.db(), tokenHash, now);
            answer->authenticated = user.has_value();
            if (!user || !MediaFiles::isKey(key))
                return WriteResult::success();
            if (canSeeMedia(txn.db(), *user, key))
                answer->file = MediaRepo::findFile(txn.db(), key);
            return WriteResult::success();
        },
        this,
        [this, answer, pending, socket](const WriteResult &result) {
            if (!socket)
                return;
            if (!result.ok) {
                writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                           QStringLiteral("the relay could not read its store"));
                return;
            }
            if (!answer->authenticated) {
                writeError(*pending, Status::Unauthorized, ErrorCode::AuthFailed,
                           QStringLiteral("unknown or expired session token"));
                return;
            }
            QFile file(answer->file ? m_files.pathOf(answer->file->key) : QString());
            if (!answer->file || !file.open(QIODevice::ReadOnly)) {
                writeError(*pending, Status::NotFound, ErrorCode::NotFound,
                           QStringLiteral("no such media"));
                return;
            }
            const QByteArray bytes = file.readAll();
            pending->writeStatusLine(Status::Ok);
            pending->writeHeader(QByteArrayLiteral("Content-Type"),
                                 answer->file->mimeType.toLatin1());
            pending->writeHeader(QByteArrayLiteral("Content-Length"),
                                 QByteArray::number(bytes.size()));
            pending->writeHeader(QByteArrayLiteral("Cache-Control"),
                                 QByteArrayLiteral("private, max-age=31536000, immutable"));
            if (!answer->file->filename.isEmpty())
                pending->writeHeader(QByteArrayLiteral("Content-Disposition"),
                                     "attachment; filename*=UTF-8''" +
                                         QUrl::toPercentEncoding(answer->file->filename));
            pending->writeBody(bytes);
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
    const QByteArray body = request.body();
    const QString mimeType =
        Protocol::baseMimeType(QString::fromLatin1(header(request, "Content-Type")));
    const QString filename = QUrl::fromPercentEncoding(header(request, "X-Serambi-Filename"));
    const auto kind = Protocol::mediaKindOfMimeType(mimeType);
    // Checked now, answered after the token: without a valid token the answer is 401.
    const Protocol::MediaCheck check = body.size() > MaxBodyBytes
                                           ? Protocol::MediaCheck::TooLarge
                                           : Protocol::checkMedia(mimeType, body);
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    const QByteArray tokenHash = sessionTokenHash(token);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto userId = std::make_shared<qint64>(0);
    m_writer->submit(
        [userId, tokenHash, now](WriteTxn &txn) {
            if (const auto user = UserRepo::userForSession(txn.db(), tokenHash, now))
                *userId = user->id;
            return WriteResult::success();
        },
        this,
        [this, pending, socket, userId, body, mimeType, filename, kind,
         check](const WriteResult &result) {
            if (!socket)
                return;
            if (!result.ok || *userId == 0) {
                writeError(*pending, Status::Unauthorized, ErrorCode::AuthFailed,
                           QStringLiteral("unknown or expired session token"));
                return;
            }
            switch (check) {
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
            const QString key = m_files.write(body);
            if (key.isEmpty()) {
                qCCritical(lcMediaHttp) << "cannot write media to" << m_files.dir();
                writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                           QStringLiteral("the relay could not store the file"));
                return;
            }
            MediaFile file;
            file.key = key;
            file.mimeType = mimeType;
            file.size = body.size();
            file.filename = filename;
            const qint64 uploader = *userId;
            m_writer->submit(
                [file, uploader](WriteTxn &txn) {
                    return MediaRepo::insertFile(txn, file, uploader)
                               ? WriteResult::success()
                               : WriteResult::failure(QStringLiteral("cannot record the file"));
                },
                this,
                [pending, socket, file, kind](const WriteResult &stored) {
                    if (!socket)
                        return;
                    if (!stored.ok) {
                        writeError(*pending, Status::InternalServerError, ErrorCode::Internal,
                                   stored.error);
                        return;
                    }
                    pending->write(QJsonDocument(QJsonObject{
                                       {QLatin1String("key"), file.key},
                                       {QLatin1String("mime_type"), file.mimeType},
                                       {QLatin1String("size"), file.size},
                                       {QLatin1String("kind"), Protocol::mediaKindName(*kind)}}),
                                   Status::Created);
                });
        });
}

} // namespace Serambi::Relay
