#pragma once

#include "auth/loginthrottle.h"
#include "config/clientaddress.h"
#include "protocol/medialimits.h"
#include "store/mediafiles.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <QPointer>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace Serambi::Relay {

class StoreWriter;

struct MediaOptions
{
    // Bytes of files one user may upload in 24 hours; 0: no quota.
    qint64 quotaBytesPerDay = 1024LL * 1024 * 1024;
    // Uploads no message refers to are deleted this long after they were first stored; 0:
    // kept. The sweep runs at start and then every sweepIntervalMs.
    qint64 retentionMs = 48LL * 3600 * 1000;
    int sweepIntervalMs = 3600 * 1000;
    // Wrong session tokens from one address before it must wait (doubling waits, as logins).
    int maxTokenFailures = 10;
    qint64 tokenFailureWindowMs = 15 * 60 * 1000;
    // Proxies whose X-Forwarded-For names the client the throttle counts (as for logins).
    TrustedProxies trustedProxies;
    // A session unused this long no longer opens media (as for the agents' hub).
    qint64 sessionIdleMs = 14LL * 24 * 3600 * 1000;
};

// GET /media/<key> and POST /media (docs/protocol.md "Media over HTTP"): media bytes for
// consoles, authorised by a console session token as a bearer token. Downloads stream from
// disk as fast as the client reads (MediaStream) and honour Range; uploads are checked,
// hashed and written on a worker thread, never on the relay's main thread.
class MediaEndpoint : public QObject
{
    Q_OBJECT

public:
    // The most bytes POST /media reads (documents' limit).
    static constexpr qint64 MaxBodyBytes = 100 * 1024 * 1024;

    MediaEndpoint(StoreWriter *writer, MediaFiles files, const MediaOptions &options = {},
                  QObject *parent = nullptr);
    ~MediaEndpoint() override;

    void handleGet(const QString &key, const QHttpServerRequest &request,
                   QHttpServerResponder &&responder);
    void handlePost(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Deletes uploads past retentionMs that no message refers to, now and periodically.
    void startSweeping();

    quint64 uploadsSwept() const { return m_swept; }
    quint64 throttledRequests() const { return m_throttled; }

Q_SIGNALS:
    void sweepFinished(int deleted);

private:
    // What the worker thread made of an upload's bytes.
    struct Stored
    {
        Protocol::MediaCheck check = Protocol::MediaCheck::Ok;
        QString key; // empty when the check failed or the file could not be written
    };

    void finishUpload(const Stored &stored, const QByteArray &body, const QString &mimeType,
                      const QString &filename, const std::shared_ptr<QHttpServerResponder> &pending,
                      const QPointer<QTcpSocket> &socket, qint64 userId);
    // Seconds the peer must wait after too many wrong tokens; 0 when it may try (also when
    // tokenHash worked lately).
    int throttled(const QHttpServerRequest &request, const QByteArray &tokenHash);
    // The throttle's key for the client behind request (X-Forwarded-For from trusted proxies).
    QString peerKey(const QHttpServerRequest &request) const;
    void recordBadToken(const QString &peer);
    void rememberGoodToken(const QByteArray &tokenHash);
    void sweep();

    StoreWriter *m_writer;
    MediaFiles m_files;
    MediaOptions m_options;
    LoginThrottle m_tokenThrottle;
    QHash<QByteArray, qint64> m_goodTokens; // token hash → when it last worked
    QThreadPool m_workers;
    QTimer m_sweepTimer;
    quint64 m_swept = 0;
    quint64 m_throttled = 0;
};

} // namespace Serambi::Relay
