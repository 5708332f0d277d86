#pragma once

#include <QByteArray>
#include <QColor>
#include <QHash>
#include <QHttpServer>
#include <QString>
#include <QUrl>

namespace Serambi::Test {

// GET /media/<key> on 127.0.0.1 (port 0) as the relay answers it: 401 without the token,
// 404 for keys it does not hold, else the bytes. Counts requests.
class MediaServer
{
public:
    explicit MediaServer(const QString &token);

    // A relay WebSocket URL on this server's port (MediaCache turns it into http://).
    QUrl relayUrl() const;
    // Holds bytes under their SHA-256 and returns the key.
    QString add(const QByteArray &bytes);
    static QString keyOf(const QByteArray &bytes);

    QHash<QString, QByteArray> files;
    int requests = 0;
    QByteArray lastAuthorization;
    quint16 port = 0;

private:
    QString m_token;
    QHttpServer m_server;
};

// A solid-colour PNG of that size.
QByteArray pngBytes(int width, int height, const QColor &color);

} // namespace Serambi::Test
