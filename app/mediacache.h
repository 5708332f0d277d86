#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Serambi::App {

// Media bytes the relay serves at GET /media/<key> (docs/protocol.md, "Media over HTTP"),
// fetched with the session token and kept on disk as <directory>/<key>. Keys are the SHA-256
// of the bytes, so a file on disk never goes stale and the download is checked against its key.
// One request per key at a time however many bubbles ask; thumbnails are decoded on a worker
// thread and kept in memory. Error codes: auth_failed (401), not_found (404), unreachable,
// checksum_mismatch, server_error, write_failed, invalid_key.
class MediaCache : public QObject
{
    Q_OBJECT

public:
    enum class State { Absent, Fetching, Ready, Failed };
    static constexpr int ThumbnailSide = 480; // longest side of a thumbnail, in pixels

    explicit MediaCache(const QString &directory, QObject *parent = nullptr);
    ~MediaCache() override;

    // The relay's WebSocket URL (ws:// or wss://) and the session token from its welcome.
    void setSession(const QUrl &relayUrl, const QString &token);
    // http(s)://host:port/media/<key> for the relay at relayUrl.
    static QUrl mediaUrl(const QUrl &relayUrl, const QString &key);

    State state(const QString &key) const;
    // The file holding the bytes; empty unless state() is Ready.
    QString filePath(const QString &key) const;
    // Why the last fetch failed (an error code above); empty unless state() is Failed.
    QString failure(const QString &key) const;
    // Bytes received and expected (0 when unknown) while Fetching.
    QPair<qint64, qint64> progress(const QString &key) const;

    // Downloads unless the bytes are on disk or on their way; after a failure, tries again.
    void fetch(const QString &key);
    // A thumbnail at most ThumbnailSide pixels long; null until made (it fetches and decodes
    // as needed and reports thumbnailReady) or when the bytes are not an image.
    QImage thumbnail(const QString &key);
    // The thumbnail if it is already made; never fetches (for measuring rows not on screen).
    QImage cachedThumbnail(const QString &key) const;
    bool isUndecodable(const QString &key) const { return m_undecodable.contains(key); }

Q_SIGNALS:
    void progressed(const QString &key, qint64 received, qint64 total);
    void fetched(const QString &key);
    void fetchFailed(const QString &key, const QString &errorCode);
    void thumbnailReady(const QString &key);

private:
    struct Download;

    static bool isValidKey(const QString &key);
    void fail(const QString &key, const QString &errorCode);
    void handleFinished(QNetworkReply *reply);
    void makeThumbnail(const QString &key);

    QString m_directory;
    QUrl m_relayUrl;
    QString m_token;
    QNetworkAccessManager *m_network;
    QHash<QString, Download *> m_downloads;
    QHash<QString, QString> m_failures;
    mutable QSet<QString> m_onDisk;
    QCache<QString, QImage> m_thumbnails;
    QSet<QString> m_thumbnailJobs;
    QSet<QString> m_undecodable;
    QThreadPool m_pool;
};

} // namespace Serambi::App
