// MediaCache against a real HTTP server on loopback: the session token is sent, bytes land on
// disk under their key and are served from there next time, one request per key however many
// ask, thumbnails are made, and every failure (401, 404, no server, wrong bytes, a bad key)
// reports a code and can be retried.
#include "app/mediacache.h"
#include "support/mediaserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using Serambi::App::MediaCache;

namespace {
const QString Token = QStringLiteral("sesi-rahasia");

using Serambi::Test::MediaServer;

QByteArray pngBytes(int width, int height)
{
    return Serambi::Test::pngBytes(width, height, Qt::darkCyan);
}

QString keyOf(const QByteArray &bytes)
{
    return MediaServer::keyOf(bytes);
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestMediaCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBuildTheMediaUrlFromTheRelayUrl()
    {
        QCOMPARE(MediaCache::mediaUrl(QUrl(QStringLiteral("wss://relay.example:8443/agents")),
                                      QStringLiteral("ab")),
                 QUrl(QStringLiteral("https://relay.example:8443/media/ab")));
        QCOMPARE(MediaCache::mediaUrl(QUrl(QStringLiteral("ws://127.0.0.1:8080/agents")),
                                      QStringLiteral("ab")),
                 QUrl(QStringLiteral("http://127.0.0.1:8080/media/ab")));
    }

    void shouldFetchOnceWithTheTokenAndServeFromDiskAfterwards()
    {
        MediaServer server(Token);
        QVERIFY(server.port != 0);
        const QByteArray bytes = pngBytes(64, 48);
        const QString key = keyOf(bytes);
        server.files.insert(key, bytes);
        QTemporaryDir dir;
        {
            MediaCache cache(dir.path());
            cache.setSession(server.relayUrl(), Token);
            QSignalSpy fetched(&cache, &MediaCache::fetched);
            QCOMPARE(cache.state(key), MediaCache::State::Absent);
            cache.fetch(key);
            cache.fetch(key); // a second bubble asking for the same bytes
            QCOMPARE(cache.state(key), MediaCache::State::Fetching);
            QTRY_COMPARE(fetched.size(), 1);
            QCOMPARE(fetched.first().first().toString(), key);
            QCOMPARE(server.requests, 1);
            QCOMPARE(server.lastAuthorization, "Bearer " + Token.toUtf8());
            QCOMPARE(cache.state(key), MediaCache::State::Ready);
            QCOMPARE(fileContents(cache.filePath(key)), bytes);
            QVERIFY(cache.filePath(key).startsWith(dir.path()));
        }
        // Another run of the console: the bytes are on disk, the relay is not asked again.
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), Token);
        QCOMPARE(cache.state(key), MediaCache::State::Ready);
        cache.fetch(key);
        QSignalSpy thumbnails(&cache, &MediaCache::thumbnailReady);
        QVERIFY(cache.thumbnail(key).isNull());
        QTRY_COMPARE(thumbnails.size(), 1);
        QCOMPARE(cache.thumbnail(key).size(), QSize(64, 48));
        QCOMPARE(server.requests, 1);
    }

    void shouldMakeSmallThumbnailsOfLargeImages()
    {
        MediaServer server(Token);
        const QByteArray bytes = pngBytes(1600, 800);
        const QString key = keyOf(bytes);
        server.files.insert(key, bytes);
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), Token);
        QSignalSpy thumbnails(&cache, &MediaCache::thumbnailReady);
        QVERIFY(cache.cachedThumbnail(key).isNull()); // only looks
        QCOMPARE(cache.state(key), MediaCache::State::Absent);
        QVERIFY(cache.thumbnail(key).isNull()); // fetches, then decodes
        QTRY_COMPARE(thumbnails.size(), 1);
        QCOMPARE(cache.thumbnail(key).size(),
                 QSize(MediaCache::ThumbnailSide, MediaCache::ThumbnailSide / 2));
        QCOMPARE(cache.cachedThumbnail(key).size(), cache.thumbnail(key).size());
        QVERIFY(!cache.isUndecodable(key));
    }

    void shouldFailWithoutTheTokenAndSucceedWithIt()
    {
        MediaServer server(Token);
        const QByteArray bytes = pngBytes(8, 8);
        const QString key = keyOf(bytes);
        server.files.insert(key, bytes);
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), QStringLiteral("verlopen"));
        QSignalSpy failed(&cache, &MediaCache::fetchFailed);
        cache.fetch(key);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("auth_failed"));
        QCOMPARE(cache.state(key), MediaCache::State::Failed);
        QCOMPARE(cache.failure(key), QStringLiteral("auth_failed"));
        QVERIFY(cache.filePath(key).isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());

        cache.setSession(server.relayUrl(), Token);
        QSignalSpy fetched(&cache, &MediaCache::fetched);
        cache.fetch(key);
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(fileContents(cache.filePath(key)), bytes);
    }

    void shouldRetryAfterNotFound()
    {
        MediaServer server(Token);
        const QByteArray bytes = pngBytes(8, 9);
        const QString key = keyOf(bytes);
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), Token);
        QSignalSpy failed(&cache, &MediaCache::fetchFailed);
        QSignalSpy fetched(&cache, &MediaCache::fetched);
        cache.fetch(key);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("not_found"));
        server.files.insert(key, bytes);
        cache.fetch(key);
        QCOMPARE(cache.state(key), MediaCache::State::Fetching);
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(cache.state(key), MediaCache::State::Ready);
    }

    void shouldRetryAfterTheRelayWasUnreachable()
    {
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        const QByteArray bytes = pngBytes(9, 9);
        const QString key = keyOf(bytes);
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(QUrl(QStringLiteral("ws://127.0.0.1:%1/agents").arg(deadPort)), Token);
        QSignalSpy failed(&cache, &MediaCache::fetchFailed);
        cache.fetch(key);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("unreachable"));

        MediaServer server(Token);
        server.files.insert(key, bytes);
        cache.setSession(server.relayUrl(), Token);
        QSignalSpy fetched(&cache, &MediaCache::fetched);
        cache.fetch(key);
        QTRY_COMPARE(fetched.size(), 1);
    }

    void shouldRefuseBytesThatDoNotMatchTheirKey()
    {
        MediaServer server(Token);
        const QString key = keyOf(pngBytes(5, 5));
        server.files.insert(key, pngBytes(6, 6));
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), Token);
        QSignalSpy failed(&cache, &MediaCache::fetchFailed);
        QVERIFY(cache.thumbnail(key).isNull());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("checksum_mismatch"));
        QVERIFY(cache.filePath(key).isEmpty());
        QVERIFY(cache.thumbnail(key).isNull());
    }

    void shouldRefuseKeysThatAreNotSha256()
    {
        MediaServer server(Token);
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        cache.setSession(server.relayUrl(), Token);
        QSignalSpy failed(&cache, &MediaCache::fetchFailed);
        cache.fetch(QStringLiteral("../../etc/passwd"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("invalid_key"));
        QCOMPARE(server.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestMediaCache)
#include "tst_mediacache.moc"
