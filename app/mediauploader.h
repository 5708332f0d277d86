#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace Serambi::App {

class RelayClient;

// Uploads one file at a time to the relay (POST /media on the relay's port, with the session
// token; docs/protocol.md "Media over HTTP"). Uploads need a connection: offline, upload()
// refuses with "unreachable".
class MediaUploader : public QObject
{
    Q_OBJECT

public:
    explicit MediaUploader(RelayClient *relay, QObject *parent = nullptr);
    ~MediaUploader() override;

    // The relay's HTTP address for a WebSocket URL (ws → http, wss → https, same host and port).
    static QUrl mediaUrl(const QUrl &relayUrl);

    // Starts uploading; false (and failed()) when offline or an upload is running.
    bool upload(const QByteArray &bytes, const QString &mimeType, const QString &fileName);
    // Aborts the running upload: failed("canceled"), nothing is sent.
    void cancel();
    bool isBusy() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    // The relay stored the bytes: its key and the kind it took them for.
    void finished(const QString &key, const QString &kind, qint64 size);
    // media_too_large, unsupported_media_type, invalid_argument, unreachable, canceled, …
    void failed(const QString &errorCode);

private:
    void handleFinished();

    RelayClient *m_relay;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    bool m_canceled = false;
};

} // namespace Serambi::App
