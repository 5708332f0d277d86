#include "protocol/medialimits.h"

#include <QFile>
#include <QTest>

using namespace Serambi::Protocol;

namespace {

QByteArray png(int size = 64)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes.append(QByteArray(size - bytes.size(), 'x'));
    return bytes;
}

QByteArray webp(bool animated, int size)
{
    QByteArray bytes("RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0", 20);
    bytes.append(char(animated ? 0x02 : 0x00));
    bytes.append(QByteArray(size - bytes.size(), '\0'));
    return bytes;
}

QByteArray oggOpus()
{
    QByteArray page("OggS", 4);
    page.append(QByteArray(22, '\0')); // version .. page segments count at 26
    page.append(char(1));              // one segment
    page.append(char(19));             // its length
    page.append("OpusHead");
    page.append(QByteArray(11, '\1'));
    return page;
}

QByteArray ftyp(const char *brand)
{
    QByteArray bytes("\0\0\0\x18"
                     "ftyp",
                     8);
    bytes.append(brand);
    bytes.append(QByteArray(12, '\0'));
    return bytes;
}

} // namespace

class TestMediaLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNameEveryKindBothWays()
    {
        for (const auto kind : {MediaKind::Image, MediaKind::Video, MediaKind::Audio,
                                MediaKind::Document, MediaKind::Sticker}) {
            QCOMPARE(mediaKindFromName(mediaKindName(kind)), kind);
            for (const QString &type : mimeTypesOf(kind))
                QCOMPARE(mediaKindOfMimeType(type), kind);
        }
        QCOMPARE(mediaKindName(MediaKind::Document), QStringLiteral("document"));
        QVERIFY(!mediaKindFromName(QStringLiteral("text")));
        QVERIFY(!mediaKindFromName(QStringLiteral("location")));
    }

    void shouldListTheTypesOfTheReference()
    {
        QCOMPARE(mimeTypesOf(MediaKind::Image),
                 (QStringList{QStringLiteral("image/jpeg"), QStringLiteral("image/png")}));
        QCOMPARE(mimeTypesOf(MediaKind::Video).size(), 2);
        QCOMPARE(mimeTypesOf(MediaKind::Audio).size(), 5);
        QCOMPARE(mimeTypesOf(MediaKind::Document).size(), 8);
        QCOMPARE(mimeTypesOf(MediaKind::Sticker), QStringList{QStringLiteral("image/webp")});
    }

    void shouldTellTheKindOfAMimeType_data()
    {
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("kind"); // empty: not taken
        QTest::newRow("png") << "image/png"
                             << "image";
        QTest::newRow("upper case") << "IMAGE/JPEG"
                                    << "image";
        QTest::newRow("ogg with codecs") << "audio/ogg; codecs=opus"
                                         << "audio";
        QTest::newRow("webp is a sticker") << "image/webp"
                                           << "sticker";
        QTest::newRow("3gpp") << "video/3gpp"
                              << "video";
        QTest::newRow("docx")
            << "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            << "document";
        QTest::newRow("gif") << "image/gif"
                             << "";
        QTest::newRow("zip") << "application/zip"
                             << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void shouldTellTheKindOfAMimeType()
    {
        QFETCH(QString, mimeType);
        QFETCH(QString, kind);
        const auto found = mediaKindOfMimeType(mimeType);
        QCOMPARE(found ? mediaKindName(*found) : QString(), kind);
    }

    void shouldLimitBytesPerKind()
    {
        QCOMPARE(maxMediaBytes(MediaKind::Image), 5 * 1024 * 1024);
        QCOMPARE(maxMediaBytes(MediaKind::Video), 16 * 1024 * 1024);
        QCOMPARE(maxMediaBytes(MediaKind::Audio), 16 * 1024 * 1024);
        QCOMPARE(maxMediaBytes(MediaKind::Document), 100 * 1024 * 1024);
        QCOMPARE(maxMediaBytes(MediaKind::Sticker), 500 * 1024);
        QCOMPARE(maxMediaBytesFor(QStringLiteral("image/gif"), png()), -1);
    }

    void shouldTellAnimatedStickersFromStaticOnes()
    {
        QVERIFY(isAnimatedWebp(webp(true, 64)));
        QVERIFY(!isAnimatedWebp(webp(false, 64)));
        QVERIFY(!isAnimatedWebp(png()));
        const QString type = QStringLiteral("image/webp");
        QCOMPARE(maxMediaBytesFor(type, webp(false, 64)), 100 * 1024);
        QCOMPARE(maxMediaBytesFor(type, webp(true, 64)), 500 * 1024);
        QCOMPARE(checkMedia(type, webp(false, 100 * 1024)), MediaCheck::Ok);
        QCOMPARE(checkMedia(type, webp(false, 100 * 1024 + 1)), MediaCheck::TooLarge);
        QCOMPARE(checkMedia(type, webp(true, 300 * 1024)), MediaCheck::Ok);
        QCOMPARE(checkMedia(type, webp(true, 500 * 1024 + 1)), MediaCheck::TooLarge);
    }

    void shouldSniffTheDeclaredType_data()
    {
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("matches");
        QTest::newRow("png") << "image/png" << png() << true;
        QTest::newRow("png as jpeg") << "image/jpeg" << png() << false;
        QTest::newRow("jpeg") << "image/jpeg" << QByteArray("\xff\xd8\xff\xe0rest") << true;
        QTest::newRow("pdf") << "application/pdf" << QByteArray("%PDF-1.4\n") << true;
        QTest::newRow("text as pdf") << "application/pdf" << QByteArray("hello") << false;
        QTest::newRow("ogg opus") << "audio/ogg; codecs=opus" << oggOpus() << true;
        QTest::newRow("ogg without opus")
            << "audio/ogg" << QByteArray("OggS").append(QByteArray(60, '\0')) << false;
        QTest::newRow("mp4") << "video/mp4" << ftyp("isom") << true;
        QTest::newRow("3gpp") << "video/3gpp" << ftyp("3gp4") << true;
        QTest::newRow("m4a") << "audio/mp4" << ftyp("M4A ") << true;
        QTest::newRow("png as mp4") << "video/mp4" << png() << false;
        QTest::newRow("mp3 id3") << "audio/mpeg" << QByteArray("ID3\x04rest") << true;
        QTest::newRow("mp3 frame") << "audio/mpeg" << QByteArray("\xff\xfb\x90\x00") << true;
        QTest::newRow("aac adts") << "audio/aac" << QByteArray("\xff\xf1\x50\x80") << true;
        QTest::newRow("amr") << "audio/amr" << QByteArray("#!AMR\n") << true;
        QTest::newRow("pdf as amr") << "audio/amr" << QByteArray("%PDF-1.4") << false;
        QTest::newRow("docx")
            << "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            << QByteArray("PK\x03\x04rest") << true;
        QTest::newRow("xls") << "application/vnd.ms-excel"
                             << QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") << true;
        QTest::newRow("doc not ole") << "application/msword" << QByteArray("plain") << false;
        QTest::newRow("text") << "text/plain" << QByteArray("apa saja") << true;
        QTest::newRow("webp") << "image/webp" << webp(false, 32) << true;
        QTest::newRow("empty") << "text/plain" << QByteArray() << false;
    }

    void shouldSniffTheDeclaredType()
    {
        QFETCH(QString, mimeType);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, matches);
        QCOMPARE(mediaBytesMatchType(mimeType, bytes), matches);
    }

    void shouldCheckTypeThenSizeThenContent()
    {
        QCOMPARE(checkMedia(QStringLiteral("image/png"), png()), MediaCheck::Ok);
        QCOMPARE(checkMedia(QStringLiteral("image/gif"), png()), MediaCheck::UnsupportedType);
        QCOMPARE(checkMedia(QStringLiteral("image/png"), QByteArray()), MediaCheck::Empty);
        QCOMPARE(checkMedia(QStringLiteral("image/png"), png(5 * 1024 * 1024)), MediaCheck::Ok);
        QCOMPARE(checkMedia(QStringLiteral("image/png"), png(5 * 1024 * 1024 + 1)),
                 MediaCheck::TooLarge);
        QCOMPARE(checkMedia(QStringLiteral("image/jpeg"), png()), MediaCheck::ContentMismatch);
    }

    void shouldAcceptTheSimulatorsSeedMedia_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("photo") << "paket_rusak.png"
                               << "image/png";
        QTest::newRow("voice note") << "voice_note.ogg"
                                    << "audio/ogg; codecs=opus";
        QTest::newRow("receipt") << "bukti_transfer.pdf"
                                 << "application/pdf";
    }

    void shouldAcceptTheSimulatorsSeedMedia()
    {
        QFETCH(QString, file);
        QFETCH(QString, mimeType);
        QFile seed(QStringLiteral(SERAMBI_SIM_MEDIA_DIR "/") + file);
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QCOMPARE(checkMedia(mimeType, seed.readAll()), MediaCheck::Ok);
    }

    void shouldAllowCaptionsFilenamesAndVoiceWhereWhatsAppDoes()
    {
        QCOMPARE(MaxCaptionLength, 1024);
        QVERIFY(mediaKindTakesCaption(MediaKind::Image));
        QVERIFY(mediaKindTakesCaption(MediaKind::Video));
        QVERIFY(mediaKindTakesCaption(MediaKind::Document));
        QVERIFY(!mediaKindTakesCaption(MediaKind::Audio));
        QVERIFY(!mediaKindTakesCaption(MediaKind::Sticker));
        QVERIFY(mediaKindTakesFilename(MediaKind::Document));
        QVERIFY(!mediaKindTakesFilename(MediaKind::Image));
        QVERIFY(mayBeVoice(QStringLiteral("audio/ogg; codecs=opus")));
        QVERIFY(!mayBeVoice(QStringLiteral("audio/mpeg")));
    }
};

QTEST_GUILESS_MAIN(TestMediaLimits)
#include "tst_medialimits.moc"
