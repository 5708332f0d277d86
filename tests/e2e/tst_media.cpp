// Media both ways with real parts on loopback: the simulator's customers send photos the relay
// downloads and serves over GET /media/<key>; agents upload files with POST /media and send
// them with send_media, which the relay uploads to the simulator's Graph API once.
#include "service/relayservice.h"
#include "sim/simulator.h"
#include "store/database.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace Serambi;

namespace {

const QString Customer = QStringLiteral("6281234567001");
const QLatin1String PhoneNumberId(Test::LoopbackRelay::PhoneNumberId);

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
};

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pdfOfSize(qint64 size)
{
    QByteArray bytes("%PDF-1.7\n");
    bytes.reserve(size);
    for (qint64 i = bytes.size(); i < size; ++i)
        bytes.append(char('a' + (i * 7 + size) % 26));
    return bytes;
}

QByteArray pngOfSize(qint64 size)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes.append(QByteArray(size - bytes.size(), '\x01'));
    return bytes;
}

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("data")).toObject();
}

QJsonObject mediaOf(const QJsonObject &message)
{
    return message.value(QLatin1String("media")).toObject();
}

// A message.updated of messageId (0: any message) whose media reached state.
std::function<bool(const QJsonObject &)> mediaUpdate(qint64 messageId, const char *state)
{
    return [messageId, state](const QJsonObject &event) {
        const QJsonObject data = dataOf(event);
        return event.value(QLatin1String("kind")).toString() == QLatin1String("message.updated") &&
               (messageId == 0 || data.value(QLatin1String("id")).toInteger() == messageId) &&
               mediaOf(data).value(QLatin1String("state")).toString() == QLatin1String(state);
    };
}

QString resultCode(const QJsonObject &result)
{
    return result.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

} // namespace

class TestMedia : public QObject
{
    Q_OBJECT

private:
    QUrl relayUrl(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_loop->relay()->port()).arg(path));
    }

    HttpAnswer finish(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(20000);
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return answer;
    }

    HttpAnswer get(const QString &key, const QString &token)
    {
        QNetworkRequest request(relayUrl(QStringLiteral("/media/") + key));
        if (!token.isNull())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return finish(m_nam.get(request));
    }

    HttpAnswer getVia(const QString &key, const QString &token, const QByteArray &forwardedFor)
    {
        QNetworkRequest request(relayUrl(QStringLiteral("/media/") + key));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("X-Forwarded-For", forwardedFor);
        return finish(m_nam.get(request));
    }

    HttpAnswer getRange(const QString &key, const QString &token, const QByteArray &range)
    {
        QNetworkRequest request(relayUrl(QStringLiteral("/media/") + key));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Range", range);
        return finish(m_nam.get(request));
    }

    // The relay's (this process's) resident memory, in bytes.
    static qint64 residentBytes()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
        }
        return 0;
    }

    void restartRelay(const Relay::RelayConfig &config)
    {
        m_loop->stopRelay();
        QString error;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
    }

    HttpAnswer upload(const QByteArray &bytes, const QByteArray &mimeType, const QString &token,
                      const QByteArray &filename = {})
    {
        QNetworkRequest request(relayUrl(QStringLiteral("/media")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
        if (!token.isNull())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!filename.isEmpty())
            request.setRawHeader("X-Serambi-Filename", filename.toPercentEncoding());
        return finish(m_nam.post(request, bytes));
    }

    // The customer sends spec; returns the stored message (from message.created).
    QJsonObject customerSends(Test::ProtocolClient &console, const QJsonObject &spec)
    {
        QString error;
        const QString wamid =
            m_loop->sim().customers().sendMessage(Customer, spec, &error, QStringLiteral("Siti"));
        if (wamid.isEmpty())
            qWarning("customer could not write: %s", qPrintable(error));
        return dataOf(console.waitForEvent([&wamid](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("message.created") &&
                   dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        }));
    }

    QByteArray seed(const char *name)
    {
        return m_loop->sim().media().findSeed(QLatin1String(name))->data;
    }

    bool signIn(Test::ProtocolClient &console, const QString &user)
    {
        return console.signIn(m_loop->agentsUrl(), user, QStringLiteral("rahasia-") + user) &&
               !console.subscribe(0).isEmpty();
    }

    int m_commands = 0;
    QString nextId() { return QStringLiteral("media-%1").arg(++m_commands); }

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->start({{QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-ayu")},
                                {QStringLiteral("budi"), QStringLiteral("Budi"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-budi")}},
                               &error),
                 qPrintable(error));
    }

    void cleanup() { m_loop.reset(); }

    void shouldDownloadACustomersPhotoAndServeItToWhoMaySeeIt()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QJsonObject created =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")},
                                {QStringLiteral("media"), QStringLiteral("paket_rusak")},
                                {QStringLiteral("caption"), QStringLiteral("paketnya penyok")}});
        QCOMPARE(mediaOf(created).value(QLatin1String("state")).toString(),
                 QStringLiteral("pending"));
        const qint64 messageId = created.value(QLatin1String("id")).toInteger();

        const QJsonObject ready = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "ready")));
        QVERIFY2(!ready.isEmpty(), "the photo was never downloaded");
        const QByteArray photo = seed("paket_rusak");
        const QJsonObject media = mediaOf(ready);
        QCOMPARE(media.value(QLatin1String("key")).toString(), sha256Hex(photo));
        QCOMPARE(media.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/png"));
        QCOMPARE(media.value(QLatin1String("size")).toInteger(), photo.size());
        QCOMPARE(ready.value(QLatin1String("text")).toString(), QStringLiteral("paketnya penyok"));
        const QString key = media.value(QLatin1String("key")).toString();
        QVERIFY(QFileInfo::exists(
            m_loop->dataPath(QStringLiteral("media/%1/%2").arg(key.left(2), key))));

        const HttpAnswer served = get(key, ayu.token());
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, photo);
        QCOMPARE(served.headers.value("content-type"), QByteArray("image/png"));
        QCOMPARE(served.headers.value("cache-control"),
                 QByteArray("private, max-age=31536000, immutable"));

        const HttpAnswer anonymous = get(key, QString());
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.errorCode(), QStringLiteral("not_authenticated"));
        const HttpAnswer forged = get(key, QStringLiteral("bukan-token"));
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.errorCode(), QStringLiteral("auth_failed"));
        QCOMPARE(get(QString(64, QLatin1Char('a')), ayu.token()).status, 404);

        // Budi takes the chat: Ayu, an agent, may no longer see it or its photo.
        Test::ProtocolClient budi;
        QVERIFY(signIn(budi, QStringLiteral("budi")));
        const qint64 conversationId = ready.value(QLatin1String("conversation_id")).toInteger();
        QVERIFY(budi.command(QStringLiteral("take_over"),
                             {{QStringLiteral("conversation_id"), conversationId}}, nextId())
                    .value(QLatin1String("ok"))
                    .toBool());
        const HttpAnswer hidden = get(key, ayu.token());
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(get(key, budi.token()).body, photo);
    }

    void shouldStoreUploadsOnceAndRefuseWhatWhatsAppWouldNot()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QByteArray photo = seed("paket_rusak");
        const HttpAnswer first = upload(photo, "image/png", ayu.token(), "foto paket.png");
        QCOMPARE(first.status, 201);
        const QJsonObject expected{{QStringLiteral("key"), sha256Hex(photo)},
                                   {QStringLiteral("mime_type"), QStringLiteral("image/png")},
                                   {QStringLiteral("size"), photo.size()},
                                   {QStringLiteral("kind"), QStringLiteral("image")}};
        QCOMPARE(first.json(), expected);
        QCOMPARE(upload(photo, "image/png", ayu.token()).json(), expected);

        const HttpAnswer mine = get(sha256Hex(photo), ayu.token());
        QCOMPARE(mine.body, photo);
        QCOMPARE(mine.headers.value("content-disposition"),
                 QByteArray("attachment; filename*=UTF-8''foto%20paket.png"));
        Test::ProtocolClient budi;
        QVERIFY(signIn(budi, QStringLiteral("budi")));
        QCOMPARE(get(sha256Hex(photo), budi.token()).status, 404); // not his, in no chat

        const QByteArray huge = pngOfSize(5 * 1024 * 1024 + 1);
        const HttpAnswer tooLarge = upload(huge, "image/png", ayu.token());
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), QStringLiteral("media_too_large"));
        const QString hugeKey = sha256Hex(huge);
        QVERIFY(!QFileInfo::exists(
            m_loop->dataPath(QStringLiteral("media/%1/%2").arg(hugeKey.left(2), hugeKey))));
        QCOMPARE(get(hugeKey, ayu.token()).status, 404);

        const HttpAnswer gif = upload(QByteArray("GIF89a....."), "image/gif", ayu.token());
        QCOMPARE(gif.status, 415);
        QCOMPARE(gif.errorCode(), QStringLiteral("unsupported_media_type"));
        const HttpAnswer mislabelled = upload(photo, "image/jpeg", ayu.token());
        QCOMPARE(mislabelled.status, 400);
        QCOMPARE(mislabelled.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(upload(QByteArray(), "image/png", ayu.token()).status, 400);
        QCOMPARE(upload(photo, "image/png", QStringLiteral("bukan-token")).status, 401);
    }

    void shouldServeARangeOfAFile()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QByteArray pdf = pdfOfSize(100000);
        const QString key = upload(pdf, "application/pdf", ayu.token())
                                .json()
                                .value(QLatin1String("key"))
                                .toString();
        QVERIFY(!key.isEmpty());

        const HttpAnswer whole = get(key, ayu.token());
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, pdf);
        QCOMPARE(whole.headers.value("accept-ranges"), QByteArray("bytes"));
        QCOMPARE(whole.headers.value("content-length"), QByteArray("100000"));

        const HttpAnswer middle = getRange(key, ayu.token(), "bytes=1000-1999");
        QCOMPARE(middle.status, 206);
        QCOMPARE(middle.body, pdf.mid(1000, 1000));
        QCOMPARE(middle.headers.value("content-range"), QByteArray("bytes 1000-1999/100000"));
        const HttpAnswer rest = getRange(key, ayu.token(), "bytes=99990-");
        QCOMPARE(rest.status, 206);
        QCOMPARE(rest.body, pdf.mid(99990));
        const HttpAnswer tail = getRange(key, ayu.token(), "bytes=-10");
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, pdf.right(10));
        QCOMPARE(tail.headers.value("content-range"), QByteArray("bytes 99990-99999/100000"));
        const HttpAnswer past = getRange(key, ayu.token(), "bytes=100000-");
        QCOMPARE(past.status, 416);
        QCOMPARE(past.headers.value("content-range"), QByteArray("bytes */100000"));
        // Several ranges, or nonsense: the whole file.
        QCOMPARE(getRange(key, ayu.token(), "bytes=0-1,5-6").body, pdf);
        QCOMPARE(getRange(key, ayu.token(), "lines=1-2").status, 200);
        // Not hers to see, ranged or not.
        Test::ProtocolClient budi;
        QVERIFY(signIn(budi, QStringLiteral("budi")));
        QCOMPARE(getRange(key, budi.token(), "bytes=0-9").status, 404);
    }

    void shouldNotHoldAFileInMemoryForADownloadThatDoesNotRead()
    {
        // Twenty consoles start downloading a 20 MB PDF and stop reading: the relay keeps a
        // file handle and a few hundred KiB each, not the file (it read 2 x 20 MB each before).
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("resident memory is not the relay's under AddressSanitizer (freed memory is held "
              "in quarantine); the dev suite measures it");
#endif
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QString key = upload(pdfOfSize(20 * 1024 * 1024), "application/pdf", ayu.token())
                                .json()
                                .value(QLatin1String("key"))
                                .toString();
        QVERIFY(!key.isEmpty());
        const qint64 before = residentBytes();
        std::vector<std::unique_ptr<QTcpSocket>> paused;
        for (int i = 0; i < 20; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->setReadBufferSize(64 * 1024); // takes no more once 64 KiB wait unread
            socket->connectToHost(QHostAddress::LocalHost, m_loop->relay()->port());
            QVERIFY(socket->waitForConnected(5000));
            socket->write("GET /media/" + key.toLatin1() +
                          " HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer " +
                          ayu.token().toLatin1() + "\r\n\r\n");
            paused.push_back(std::move(socket));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(paused.begin(), paused.end(),
                        [](const auto &socket) { return socket->bytesAvailable() > 0; }),
            10000);
        QTest::qWait(500);
        const qint64 grown = residentBytes() - before;
        qInfo("resident memory grew by %lld KiB for 20 paused downloads", grown / 1024);
        QVERIFY2(grown < 60 * 1024 * 1024,
                 qPrintable(QStringLiteral("grew by %1 MiB").arg(grown / 1024 / 1024)));

        // A reader that goes on gets every byte.
        QNetworkRequest request(relayUrl(QStringLiteral("/media/") + key));
        request.setRawHeader("Authorization", "Bearer " + ayu.token().toLatin1());
        const HttpAnswer whole = finish(m_nam.get(request));
        QCOMPARE(whole.status, 200);
        QCOMPARE(sha256Hex(whole.body), key);
    }

    void shouldKeepTheRelayResponsiveWhileAnUploadIsStored()
    {
        // A 40 MB document is checked, hashed and written off the relay's main thread: the
        // event loop that serves every console never stalls for it.
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QByteArray pdf = pdfOfSize(40 * 1024 * 1024);
        QElapsedTimer sinceTick;
        qint64 longestStall = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestStall = std::max(longestStall, sinceTick.restart()); });
        QNetworkRequest request(relayUrl(QStringLiteral("/media")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/pdf"));
        request.setRawHeader("Authorization", "Bearer " + ayu.token().toLatin1());
        QNetworkReply *reply = m_nam.post(request, pdf);
        // Measured from when the request is complete at the relay (its upload is done).
        QSignalSpy sent(reply, &QNetworkReply::uploadProgress);
        QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty() && sent.last().at(0).toLongLong() == pdf.size(),
                                 20000);
        sinceTick.start();
        ticker.start();
        const HttpAnswer stored = finish(reply);
        ticker.stop();
        QCOMPARE(stored.status, 201);
        QCOMPARE(stored.json().value(QLatin1String("key")).toString(), sha256Hex(pdf));
        qInfo("longest main-loop stall while the upload was stored: %lld ms", longestStall);
        QVERIFY2(longestStall < 250, qPrintable(QStringLiteral("%1 ms").arg(longestStall)));
    }

    void shouldRefuseUploadsPastTheDailyQuota()
    {
        Relay::RelayConfig config = m_loop->relayConfig();
        config.uploadQuotaMib = 1;
        restartRelay(config);
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        QCOMPARE(upload(pdfOfSize(600 * 1024), "application/pdf", ayu.token()).status, 201);
        const HttpAnswer over = upload(pdfOfSize(600 * 1024 + 1), "application/pdf", ayu.token());
        QCOMPARE(over.status, 429);
        QCOMPARE(over.errorCode(), QStringLiteral("upload_quota_exceeded"));
        QCOMPARE(upload(pdfOfSize(300 * 1024), "application/pdf", ayu.token()).status, 201);
        Test::ProtocolClient budi; // a quota per user
        QVERIFY(signIn(budi, QStringLiteral("budi")));
        QCOMPARE(upload(pdfOfSize(600 * 1024 + 1), "application/pdf", budi.token()).status, 201);
    }

    void shouldThrottleWrongTokensOnMedia()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QByteArray photo = seed("paket_rusak");
        QCOMPARE(upload(photo, "image/png", ayu.token()).status, 201);
        QCOMPARE(get(sha256Hex(photo), ayu.token()).status, 200);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(get(sha256Hex(photo), QStringLiteral("tebakan-%1").arg(i)).status, 401);
        const HttpAnswer throttled = get(sha256Hex(photo), QStringLiteral("tebakan-lagi"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("auth_throttled"));
        QVERIFY(throttled.json()
                    .value(QLatin1String("error"))
                    .toObject()
                    .value(QLatin1String("retry_after"))
                    .toInt() > 0);
        QVERIFY(throttled.headers.value("retry-after").toInt() > 0);
        QCOMPARE(upload(photo, "image/png", QStringLiteral("tebakan-lagi")).status, 429);
        // Ayu's console, which fetched media before, is not locked out by the guesses (behind
        // a reverse proxy they come from the same address).
        QCOMPARE(get(sha256Hex(photo), ayu.token()).body, photo);
    }

    void shouldThrottleTheGuesserNotTheOthersBehindTheProxy()
    {
        // The relay behind a reverse proxy on this address: every request comes from it, and
        // X-Forwarded-For names the client.
        Relay::RelayConfig config = m_loop->relayConfig();
        QString problem;
        QVERIFY(Relay::parseTrustedProxies(QStringLiteral("127.0.0.1"), &config.trustedProxies,
                                           &problem));
        restartRelay(config);
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QByteArray photo = seed("paket_rusak");
        QCOMPARE(upload(photo, "image/png", ayu.token()).status, 201);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(
                getVia(sha256Hex(photo), QStringLiteral("tebakan-%1").arg(i), "203.0.113.9").status,
                401);
        QCOMPARE(getVia(sha256Hex(photo), QStringLiteral("tebakan-lagi"), "203.0.113.9").status,
                 429);
        // Budi, at another desk behind the same proxy, has never used /media: he is answered
        // as anyone (Ayu's upload is not his to see), not made to wait for the guesser.
        Test::ProtocolClient budi;
        QVERIFY(signIn(budi, QStringLiteral("budi")));
        QCOMPARE(getVia(sha256Hex(photo), budi.token(), "198.51.100.20").status, 404);
        QCOMPARE(getVia(sha256Hex(photo), ayu.token(), "198.51.100.20").body, photo);
        // A forged X-Forwarded-For from the guesser does not clear its record: the proxy
        // appends the real address, and only the right-most untrusted entry counts.
        QCOMPARE(
            getVia(sha256Hex(photo), QStringLiteral("tebakan-palsu"), "198.51.100.20, 203.0.113.9")
                .status,
            429);
    }

    void shouldDeleteUploadsNoMessageUsesAfterTheRetention()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const qint64 conversationId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("text"), QStringLiteral("kirim resinya")}})
                .value(QLatin1String("conversation_id"))
                .toInteger();
        const QString sent = upload(seed("paket_rusak"), "image/png", ayu.token())
                                 .json()
                                 .value(QLatin1String("key"))
                                 .toString();
        const QString forgotten = upload(pdfOfSize(5000), "application/pdf", ayu.token())
                                      .json()
                                      .value(QLatin1String("key"))
                                      .toString();
        const QString recent = upload(pdfOfSize(6000), "application/pdf", ayu.token())
                                   .json()
                                   .value(QLatin1String("key"))
                                   .toString();
        QVERIFY(!sent.isEmpty() && !forgotten.isEmpty() && !recent.isEmpty());
        QVERIFY(ayu.command(QStringLiteral("send_media"),
                            {{QStringLiteral("conversation_id"), conversationId},
                             {QStringLiteral("media"), sent}},
                            nextId())
                    .value(QLatin1String("ok"))
                    .toBool());
        m_loop->stopRelay();
        { // three days pass for all but the recent upload
            QString error;
            const QString connection = QStringLiteral("tst_media-age");
            QSqlDatabase db = Relay::openDatabase(m_loop->relayConfig().databasePath(), connection,
                                                  Relay::SyncMode::Normal, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery age(db);
            QVERIFY(age.exec(QStringLiteral("UPDATE media SET created_at = created_at - 259200000 "
                                            "WHERE media_key IN ('%1', '%2')")
                                 .arg(sent, forgotten)));
            age.finish();
            db = QSqlDatabase();
            Relay::closeDatabase(connection);
        }
        QString error;
        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
        const QString path =
            m_loop->dataPath(QStringLiteral("media/%1/%2").arg(forgotten.left(2), forgotten));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(path), 10000);
        Test::ProtocolClient again;
        QVERIFY(signIn(again, QStringLiteral("ayu")));
        QCOMPARE(get(forgotten, again.token()).status, 404);
        QCOMPARE(get(sent, again.token()).status, 200);
        QCOMPARE(get(recent, again.token()).status, 200);
    }

    void shouldReportMediaAndConnectionsInMetricsBehindItsToken()
    {
        Relay::RelayConfig config = m_loop->relayConfig();
        config.metricsToken = "scrape-rahasia";
        restartRelay(config);
        auto scrape = [this](const QByteArray &authorization) {
            QNetworkRequest request(relayUrl(QStringLiteral("/metrics")));
            if (!authorization.isEmpty())
                request.setRawHeader("Authorization", authorization);
            return finish(m_nam.get(request));
        };
        QCOMPARE(scrape({}).status, 401);
        QCOMPARE(scrape("Bearer tebakan").status, 401);
        const HttpAnswer metrics = scrape("Bearer scrape-rahasia");
        QCOMPARE(metrics.status, 200);
        for (const char *name :
             {"serambi_http_connections ", "serambi_http_connections_closed_total{reason=",
              "serambi_media_downloads_streaming 0", "serambi_media_throttled_total 0",
              "serambi_media_uploads_swept_total", "serambi_draft_requests_coalesced_total 0"})
            QVERIFY2(metrics.body.contains(name), name);
    }

    void shouldUploadOnceAndSendMetasMediaId()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const qint64 conversationId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("text"), QStringLiteral("minta foto resinya")}})
                .value(QLatin1String("conversation_id"))
                .toInteger();
        const QByteArray photo = seed("paket_rusak");
        const QString key =
            upload(photo, "image/png", ayu.token()).json().value(QLatin1String("key")).toString();
        QVERIFY(!key.isEmpty());

        Sim::Simulator &sim = m_loop->sim();
        const int before = sim.requests().lastSeq();
        const QJsonObject result =
            ayu.command(QStringLiteral("send_media"),
                        {{QStringLiteral("conversation_id"), conversationId},
                         {QStringLiteral("media"), key},
                         {QStringLiteral("caption"), QStringLiteral("Ini resinya kak 🙏")}},
                        nextId());
        QVERIFY2(result.value(QLatin1String("ok")).toBool(),
                 QJsonDocument(result).toJson().constData());
        const QJsonObject message = dataOf(result).value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("image"));
        QCOMPARE(message.value(QLatin1String("content")).toObject(),
                 QJsonObject({{QStringLiteral("type"), QStringLiteral("image")},
                              {QStringLiteral("image"),
                               QJsonObject{{QStringLiteral("key"), key},
                                           {QStringLiteral("caption"),
                                            QStringLiteral("Ini resinya kak 🙏")}}}}));
        QCOMPARE(mediaOf(message).value(QLatin1String("state")).toString(),
                 QStringLiteral("ready"));

        QTRY_COMPARE_WITH_TIMEOUT(sim.requests().since(before).size(), 2, 10000);
        const auto requests = sim.requests().since(before);
        const auto &uploadRequest = requests.at(0);
        QCOMPARE(uploadRequest.path, QStringLiteral("/v25.0/%1/media").arg(PhoneNumberId));
        QVERIFY(uploadRequest.contentType.startsWith("multipart/form-data"));
        QVERIFY(uploadRequest.body.contains(photo));
        QCOMPARE(uploadRequest.status, 200);
        const QJsonObject body = requests.at(1).jsonBody();
        const QString metaId =
            body.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
        QVERIFY(sim.media().find(metaId));
        QCOMPARE(sim.media().find(metaId)->data, photo);
        QCOMPARE(sim.media().find(metaId)->mimeType, QStringLiteral("image/png"));
        QJsonObject withoutCallback = body;
        withoutCallback.remove(QLatin1String("biz_opaque_callback_data"));
        QCOMPARE(
            withoutCallback,
            QJsonDocument::fromJson(
                QStringLiteral(R"({"messaging_product":"whatsapp","recipient_type":"individual",
                         "to":"+%1","type":"image","image":{"id":"%2","caption":"Ini resinya kak 🙏"}})")
                    .arg(Customer, metaId)
                    .toUtf8())
                .object());
        const qint64 messageId = message.value(QLatin1String("id")).toInteger();
        QVERIFY(!ayu.waitForEvent([messageId](const QJsonObject &event) {
                        return dataOf(event).value(QLatin1String("id")).toInteger() == messageId &&
                               dataOf(event).value(QLatin1String("status")).toString() ==
                                   QLatin1String("delivered");
                    })
                     .isEmpty());

        // The same photo again: Meta's id is reused, nothing is uploaded.
        const int second = sim.requests().lastSeq();
        QVERIFY(ayu.command(QStringLiteral("send_media"),
                            {{QStringLiteral("conversation_id"), conversationId},
                             {QStringLiteral("media"), key}},
                            nextId())
                    .value(QLatin1String("ok"))
                    .toBool());
        QTRY_COMPARE_WITH_TIMEOUT(sim.requests().since(second).size(), 1, 10000);
        const auto again = sim.requests().since(second).first();
        QCOMPARE(again.path, QStringLiteral("/v25.0/%1/messages").arg(PhoneNumberId));
        QCOMPARE(again.jsonBody().value(QLatin1String("image")).toObject(),
                 QJsonObject({{QStringLiteral("id"), metaId}}));
    }

    void shouldRefuseMediaArgumentsWhatsAppWouldRefuse()
    {
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const qint64 conversationId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("text"), QStringLiteral("halo")}})
                .value(QLatin1String("conversation_id"))
                .toInteger();
        const QString voice = upload(seed("voice_note"), "audio/ogg", ayu.token())
                                  .json()
                                  .value(QLatin1String("key"))
                                  .toString();
        const QString photo = upload(seed("paket_rusak"), "image/png", ayu.token())
                                  .json()
                                  .value(QLatin1String("key"))
                                  .toString();
        QVERIFY(!voice.isEmpty() && !photo.isEmpty());
        const int before = m_loop->sim().requests().lastSeq();
        auto send = [&](const QJsonObject &extra) {
            QJsonObject args = extra;
            args.insert(QStringLiteral("conversation_id"), conversationId);
            return resultCode(ayu.command(QStringLiteral("send_media"), args, nextId()));
        };
        QCOMPARE(send({{QStringLiteral("media"), voice},
                       {QStringLiteral("caption"), QStringLiteral("dengar ya")}}),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(send({{QStringLiteral("media"), photo}, {QStringLiteral("voice"), true}}),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(send({{QStringLiteral("media"), photo},
                       {QStringLiteral("filename"), QStringLiteral("a.png")}}),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(send({{QStringLiteral("media"), photo},
                       {QStringLiteral("caption"), QString(1025, QLatin1Char('x'))}}),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(send({{QStringLiteral("media"), QString(64, QLatin1Char('b'))}}),
                 QStringLiteral("not_found"));
        QCOMPARE(send({}), QStringLiteral("invalid_argument"));
        // A voice note is fine as a voice note.
        QCOMPARE(send({{QStringLiteral("media"), voice}, {QStringLiteral("voice"), true}}),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_loop->sim().requests().since(before).size(), 2, 10000);
        QCOMPARE(m_loop->sim()
                     .requests()
                     .since(before)
                     .at(1)
                     .jsonBody()
                     .value(QLatin1String("audio"))
                     .toObject()
                     .value(QLatin1String("voice")),
                 QJsonValue(true));
    }

    void shouldReportAFailedDownloadAndRetryIt()
    {
        Sim::Fault fault;
        fault.kind = Sim::Fault::Kind::ServerError;
        fault.target = Sim::Fault::Target::MediaDownload;
        fault.count = 4; // every attempt the relay makes
        m_loop->sim().faults().add(fault);

        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const QJsonObject created =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")}});
        const qint64 messageId = created.value(QLatin1String("id")).toInteger();
        const QJsonObject failed = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "failed")));
        QCOMPARE(mediaOf(failed).value(QLatin1String("error")).toString(),
                 QStringLiteral("download_failed"));

        const QJsonObject retried = ayu.command(
            QStringLiteral("retry_media"),
            {{QStringLiteral("conversation_id"), created.value(QLatin1String("conversation_id"))},
             {QStringLiteral("message_id"), messageId}},
            nextId());
        QCOMPARE(mediaOf(dataOf(retried).value(QLatin1String("message")).toObject())
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("pending"));
        const QJsonObject ready = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "ready")));
        QCOMPARE(mediaOf(ready).value(QLatin1String("key")).toString(),
                 sha256Hex(seed("paket_rusak")));
        QCOMPARE(resultCode(ayu.command(QStringLiteral("retry_media"),
                                        {{QStringLiteral("conversation_id"),
                                          created.value(QLatin1String("conversation_id"))},
                                         {QStringLiteral("message_id"), messageId}},
                                        nextId())),
                 QStringLiteral("conflict"));
    }

    void shouldRetryADownloadAfterTheConfiguredBackoff()
    {
        // send_backoff_ms (20 ms here) paces download retries too, not a fixed second.
        Sim::Fault fault;
        fault.kind = Sim::Fault::Kind::ServerError;
        fault.target = Sim::Fault::Target::MediaDownload;
        fault.count = 3;
        m_loop->sim().faults().add(fault);
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        QElapsedTimer clock;
        clock.start();
        const qint64 messageId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")}})
                .value(QLatin1String("id"))
                .toInteger();
        QVERIFY(!ayu.waitForEvent(mediaUpdate(messageId, "ready")).isEmpty());
        QVERIFY2(clock.elapsed() < 3000,
                 qPrintable(QStringLiteral("ready after %1 ms").arg(clock.elapsed())));
    }

    void shouldSendTheGraphTokenOnlyToMetasMediaHosts()
    {
        // The simulator's media URL is plain http on loopback: not one of Meta's hosts.
        m_loop->stopRelay();
        Relay::RelayConfig config = m_loop->relayConfig();
        config.mediaDownloadHosts = Relay::RelayConfig().mediaDownloadHosts;
        QString error;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const int before = m_loop->sim().requests().lastSeq();
        const qint64 messageId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")}})
                .value(QLatin1String("id"))
                .toInteger();
        const QJsonObject failed = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "failed")));
        QCOMPARE(mediaOf(failed).value(QLatin1String("error")).toString(),
                 QStringLiteral("download_failed"));
        for (const auto &request : m_loop->sim().requests().since(before))
            QVERIFY2(!request.path.startsWith(QLatin1String("/media-download/")),
                     "the token went to a host that is not Meta's");
    }

    void shouldRefuseAnInboundPhotoOverTheLimit()
    {
        const QString id = m_loop->sim().media().add(pngOfSize(5 * 1024 * 1024 + 10),
                                                     QStringLiteral("image/png"), {});
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        const qint64 messageId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")},
                                {QStringLiteral("media"), id}})
                .value(QLatin1String("id"))
                .toInteger();
        const QJsonObject failed = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "failed")));
        QCOMPARE(mediaOf(failed).value(QLatin1String("error")).toString(),
                 QStringLiteral("too_large"));
    }

    void shouldRefuseMediaThatIsNotWhatTheWebhookSaid_data()
    {
        QTest::addColumn<QString>("mediaId");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<QString>("error");
        // The seed photo's id, with the hash of other bytes (base64, as webhooks carry it).
        QTest::newRow("checksum")
            << QStringLiteral("7100000000000001")
            << QString::fromLatin1(
                   QCryptographicHash::hash("other bytes", QCryptographicHash::Sha256).toBase64())
            << QStringLiteral("checksum_mismatch");
        QTest::newRow("unknown to Meta")
            << QStringLiteral("7199999999999999") << QString() << QStringLiteral("expired");
    }

    void shouldRefuseMediaThatIsNotWhatTheWebhookSaid()
    {
        QFETCH(QString, mediaId);
        QFETCH(QString, sha256);
        QFETCH(QString, error);
        Test::ProtocolClient ayu;
        QVERIFY(signIn(ayu, QStringLiteral("ayu")));
        QJsonObject image{{QStringLiteral("id"), mediaId},
                          {QStringLiteral("mime_type"), QStringLiteral("image/png")}};
        if (!sha256.isEmpty())
            image.insert(QStringLiteral("sha256"), sha256);
        const qint64 messageId =
            customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")},
                                {QStringLiteral("image"), image}})
                .value(QLatin1String("id"))
                .toInteger();
        const QJsonObject failed = dataOf(ayu.waitForEvent(mediaUpdate(messageId, "failed")));
        QCOMPARE(mediaOf(failed).value(QLatin1String("error")).toString(), error);
    }

    void shouldResumeAPendingDownloadAfterARestart()
    {
        Sim::Fault fault;
        fault.kind = Sim::Fault::Kind::Timeout; // held unanswered while the relay stops
        fault.target = Sim::Fault::Target::MediaDownload;
        m_loop->sim().faults().add(fault);
        qint64 messageId = 0;
        qint64 seq = 0;
        {
            Test::ProtocolClient ayu;
            QVERIFY(signIn(ayu, QStringLiteral("ayu")));
            messageId = customerSends(ayu, {{QStringLiteral("type"), QStringLiteral("image")}})
                            .value(QLatin1String("id"))
                            .toInteger();
            QTRY_COMPARE_WITH_TIMEOUT(m_loop->sim().faults().pending(), 0, 10000);
            seq = ayu.lastSeq();
        }
        m_loop->stopRelay();
        QString error;
        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
        Test::ProtocolClient ayu;
        QVERIFY(
            ayu.signIn(m_loop->agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!ayu.subscribe(seq).isEmpty());
        QVERIFY(!ayu.waitForEvent(mediaUpdate(messageId, "ready")).isEmpty());
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
