#include "mediaserver.h"

#include <QBuffer>
#include <QColor>
#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QImage>

namespace Serambi::Test {

MediaServer::MediaServer(const QString &token) : m_token(token)
{
    using Status = QHttpServerResponse::StatusCode;
    m_server.route(QStringLiteral("/media/<arg>"), [this](const QString &key,
                                                          const QHttpServerRequest &request) {
        ++requests;
        lastAuthorization = request.value(QByteArrayLiteral("Authorization"));
        if (lastAuthorization != "Bearer " + m_token.toUtf8())
            return QHttpServerResponse(Status::Unauthorized);
        if (!files.contains(key))
            return QHttpServerResponse(Status::NotFound);
        return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"), files.value(key));
    });
    port = m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl MediaServer::relayUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/agents").arg(port));
}

QString MediaServer::add(const QByteArray &bytes)
{
    const QString key = keyOf(bytes);
    files.insert(key, bytes);
    return key;
}

QString MediaServer::keyOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pngBytes(int width, int height, const QColor &color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace Serambi::Test
