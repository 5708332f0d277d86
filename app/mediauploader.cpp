#include "mediauploader.h"

#include "logging.h"
#include "relayclient.h"

#include "protocol/errorcode.h"
#include "protocol/keys.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Serambi::App {

namespace Key = Protocol::Key;

MediaUploader::MediaUploader(RelayClient *relay, QObject *parent)
    : QObject(parent), m_relay(relay), m_network(new QNetworkAccessManager(this))
{}

MediaUploader::~MediaUploader()
{
    if (m_reply) {
        m_canceled = true;
        m_reply->abort();
    }
}

QUrl MediaUploader::mediaUrl(const QUrl &relayUrl)
{
    return RelayClient::httpUrl(relayUrl, QStringLiteral("/media"));
}

bool MediaUploader::upload(const QByteArray &bytes, const QString &mimeType,
                           const QString &fileName)
{
    if (!m_relay->isOnline() || isBusy()) {
        Q_EMIT failed(isBusy() ? Protocol::errorCodeName(Protocol::ErrorCode::Conflict)
                               : QStringLiteral("unreachable"));
        return false;
    }
    QNetworkRequest request(mediaUrl(m_relay->url()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    request.setRawHeader("Authorization", "Bearer " + m_relay->sessionToken().toUtf8());
    if (!fileName.isEmpty())
        request.setRawHeader("X-Serambi-Filename", QUrl::toPercentEncoding(fileName));
    m_canceled = false;
    m_reply = m_network->post(request, bytes);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &MediaUploader::progress);
    connect(m_reply, &QNetworkReply::finished, this, &MediaUploader::handleFinished);
    return true;
}

void MediaUploader::cancel()
{
    if (!m_reply)
        return;
    m_canceled = true;
    m_reply->abort();
}

void MediaUploader::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply.clear();
    reply->deleteLater();
    if (m_canceled) {
        Q_EMIT failed(QStringLiteral("canceled"));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 201 || status == 200) {
        Q_EMIT finished(body.value(Key::MediaKey).toString(), body.value(Key::Kind).toString(),
                        body.value(Key::Size).toInteger());
        return;
    }
    QString code = body.value(Key::Error).toObject().value(Key::Code).toString();
    if (code.isEmpty()) {
        using Protocol::ErrorCode;
        code = status == 413   ? Protocol::errorCodeName(ErrorCode::MediaTooLarge)
               : status == 415 ? Protocol::errorCodeName(ErrorCode::UnsupportedMediaType)
               : status == 0   ? QStringLiteral("unreachable")
                               : Protocol::errorCodeName(ErrorCode::Internal);
    }
    qCInfo(lcConsole) << "media upload refused:" << status << code;
    Q_EMIT failed(code);
}

} // namespace Serambi::App
