// Every kind of WhatsApp message in the real conversation view, built from the webhook fixtures
// in tests/data/webhooks/ and media served over real HTTP: what the agent reads (the bubble's
// accessible text), that each bubble has a real size, photos once fetched, the reaction badge
// on the right message, a picked button linked to the message that offered it, Retry only on
// failed media, and what clicks and Enter do.
#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "bubblepoint.h"
#include "support/mediaserver.h"
#include "support/testdata.h"
#include "ui/bubbleactions.h"
#include "ui/bubbles/bubblelayout.h"
#include "ui/conversationview.h"
#include "ui/messagedelegate.h"

#include <QApplication>
#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Serambi;
using Model = App::MessageListModel;
using Bubbles = Ui::Bubbles::Action;

namespace {
const QString Token = QStringLiteral("sesi-uji");
const qint64 T0 = QDateTime(QDate(2026, 1, 1), QTime(9, 0)).toMSecsSinceEpoch();

QJsonObject webhookMessage(const QString &fixture)
{
    const QJsonObject webhook =
        QJsonDocument::fromJson(Test::readData(QStringLiteral("webhooks/%1.json").arg(fixture)))
            .object();
    return webhook.value(QStringLiteral("entry"))[0]
        .toObject()
        .value(QStringLiteral("changes"))[0]
        .toObject()
        .value(QStringLiteral("value"))
        .toObject()
        .value(QStringLiteral("messages"))[0]
        .toObject();
}

// The inbound message the relay makes of a fixture (text as docs/protocol.md says).
App::Message fromWebhook(const QString &fixture, qint64 id)
{
    const QJsonObject content = webhookMessage(fixture);
    App::Message m;
    m.id = id;
    m.conversationId = 1;
    m.wamid = content.value(QStringLiteral("id")).toString();
    m.direction = Protocol::Direction::In;
    m.type = content.value(QStringLiteral("type")).toString();
    m.status = QStringLiteral("received");
    m.sender = QStringLiteral("customer");
    m.timestamp = T0 + id * 1000;
    m.content = content;
    const QJsonObject object = content.value(m.type).toObject();
    m.text = object.value(QStringLiteral("caption")).toString();
    m.replyTo =
        content.value(QStringLiteral("context")).toObject().value(QStringLiteral("id")).toString();
    const QJsonObject error = content.value(QStringLiteral("errors"))[0].toObject();
    m.errorCode = error.value(QStringLiteral("code")).toInt();
    m.errorTitle = error.value(QStringLiteral("title")).toString();
    m.errorDetails = error.value(QStringLiteral("error_data"))
                         .toObject()
                         .value(QStringLiteral("details"))
                         .toString();
    return m;
}

App::Message outbound(qint64 id, const QString &wamid, const QString &type, const QString &text,
                      const QJsonObject &content = {})
{
    App::Message m;
    m.id = id;
    m.conversationId = 1;
    m.wamid = wamid;
    m.direction = Protocol::Direction::Out;
    m.type = type;
    m.text = text;
    m.status = QStringLiteral("read");
    m.sender = QStringLiteral("agent");
    m.senderName = QStringLiteral("Ayu");
    m.timestamp = T0 + id * 1000;
    m.content = content;
    return m;
}

App::MessageMedia readyMedia(const QString &key, const QString &mimeType, qint64 size,
                             const QString &filename = {})
{
    return {QStringLiteral("ready"), key, mimeType, size, filename, QString()};
}
} // namespace

class TestBubbles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::MediaServer> m_server;
    std::unique_ptr<App::MediaCache> m_cache;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<Ui::ConversationView> m_view;
    QList<QUrl> m_opened;

    QAbstractItemModel *shown() const { return m_view->model(); }

    QModelIndex rowOf(qint64 id) const
    {
        for (int row = 0; row < shown()->rowCount(); ++row) {
            if (shown()->index(row, 0).data(Model::IdRole).toLongLong() == id)
                return shown()->index(row, 0);
        }
        return {};
    }

    QString spoken(qint64 id) const { return rowOf(id).data(Qt::AccessibleTextRole).toString(); }

    QPoint pointFor(qint64 id, Ui::Bubbles::Action action) const
    {
        return Test::bubblePoint(m_view.get(), rowOf(id), action);
    }

    void show(const App::MessageList &messages)
    {
        m_model->mergeMessages(messages);
        QApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Open-in-map and open-file go through QDesktopServices: record them instead.
        QDesktopServices::setUrlHandler(QStringLiteral("geo"), this, "recordUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "recordUrl");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("geo"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    }

    void recordUrl(const QUrl &url) { m_opened.append(url); }

    void init()
    {
        m_opened.clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<Test::MediaServer>(Token);
        m_cache = std::make_unique<App::MediaCache>(m_dir->path());
        m_cache->setSession(m_server->relayUrl(), Token);
        m_model = std::make_unique<Model>();
        m_model->setConversation(1);
        m_view = std::make_unique<Ui::ConversationView>(m_model.get(), m_cache.get());
        m_view->resize(560, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        m_cache.reset();
        m_server.reset();
    }

    void shouldShowEveryTypeInWords_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("image") << QStringLiteral("image")
                               << QStringList{QStringLiteral("Photo"),
                                              QStringLiteral("Bukti transfer")};
        QTest::newRow("sticker") << QStringLiteral("sticker")
                                 << QStringList{QStringLiteral("Sticker")};
        QTest::newRow("voice") << QStringLiteral("audio_voice")
                               << QStringList{QStringLiteral("Voice message"),
                                              QStringLiteral("Press Enter")};
        QTest::newRow("video") << QStringLiteral("video")
                               << QStringList{QStringLiteral("Video"),
                                              QStringLiteral("Paketnya datang penyok")};
        QTest::newRow("document") << QStringLiteral("document")
                                  << QStringList{QStringLiteral("Faktur-Januari-2026.pdf"),
                                                 QStringLiteral("PDF"), QStringLiteral("1 KB"),
                                                 QStringLiteral("mohon dicek")};
        QTest::newRow("location") << QStringLiteral("location_place")
                                  << QStringList{QStringLiteral("Warung Kopi Senja"),
                                                 QStringLiteral("Jl. Malioboro No. 12"),
                                                 QStringLiteral("-7.79284, 110.36575")};
        QTest::newRow("contacts") << QStringLiteral("contacts_card")
                                  << QStringList{QStringLiteral("Dewi Lestari (Kurir)"),
                                                 QStringLiteral("+62 812-9876-5432"),
                                                 QStringLiteral("dewi.kurir@example.co.id"),
                                                 QStringLiteral("Agus Wijaya")};
        QTest::newRow("button reply")
            << QStringLiteral("interactive_button_reply")
            << QStringList{QStringLiteral("Picked a button"), QStringLiteral("Ya, lanjutkan ✅")};
        QTest::newRow("list reply") << QStringLiteral("interactive_list_reply")
                                    << QStringList{QStringLiteral("Picked from the list"),
                                                   QStringLiteral("Pengiriman Ekspres")};
        QTest::newRow("template tap") << QStringLiteral("button_template")
                                      << QStringList{QStringLiteral("Tapped a template button"),
                                                     QStringLiteral("Lacak pesanan")};
        QTest::newRow("order") << QStringLiteral("order")
                               << QStringList{QStringLiteral("Order"),
                                              QStringLiteral("2 × kopi-gayo-250g"),
                                              QStringLiteral("IDR 170,000"),
                                              QStringLiteral("Total IDR 202,500"),
                                              QStringLiteral("Tolong dikirim sebelum Jumat")};
        QTest::newRow("poll") << QStringLiteral("unsupported_poll")
                              << QStringList{QStringLiteral("Unsupported message"),
                                             QStringLiteral("poll_creation")};
        QTest::newRow("unknown") << QStringLiteral("unknown")
                                 << QStringList{QStringLiteral("Unsupported message"),
                                                QStringLiteral("unknown")};
        QTest::newRow("flow answers")
            << QStringLiteral("interactive_flow_form")
            << QStringList{QStringLiteral("Sent a form"),
                           QStringLiteral("Nama lengkap: Dewi Lestari"),
                           QStringLiteral("Jumlah tamu: 4"), QStringLiteral("Butuh parkir: Yes"),
                           QStringLiteral("Tanggal: 2026-12-24")};
        QTest::newRow("call permission")
            << QStringLiteral("interactive_call_permission_reply")
            << QStringList{QStringLiteral("Answered the request to call"),
                           QStringLiteral("Allowed calls"), QStringLiteral("Until")};
        QTest::newRow("list reply with description")
            << QStringLiteral("interactive_list_reply_description")
            << QStringList{QStringLiteral("Picked from the list"), QStringLiteral("Same day"),
                           QStringLiteral("Tiba hari ini, khusus Yogyakarta")};
        QTest::newRow("identity changed")
            << QStringLiteral("system_identity_changed")
            << QStringList{QStringLiteral("WhatsApp"),
                           QStringLiteral("The customer's security code changed")};
        QTest::newRow("number changed")
            << QStringLiteral("system_changed_number")
            << QStringList{QStringLiteral("WhatsApp"),
                           QStringLiteral("The customer changed their phone number to "
                                          "+6281399998888")};
        QTest::newRow("pin without a place") << QStringLiteral("location_pin_only")
                                             << QStringList{QStringLiteral("Shared location"),
                                                            QStringLiteral("-7.79560, 110.36950")};
        QTest::newRow("error 131000")
            << QStringLiteral("interactive_error_131000")
            << QStringList{QStringLiteral("WhatsApp could not deliver this message: Something went "
                                          "wrong (131000)"),
                           QStringLiteral("The interactive message could not be processed."),
                           QStringLiteral("send it again")};
    }

    void shouldNeverSayItCannotShowANoticeOrAForm_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("system") << QStringLiteral("system_identity_changed");
        QTest::newRow("flow") << QStringLiteral("interactive_flow_form");
        QTest::newRow("call permission") << QStringLiteral("interactive_call_permission_reply");
    }

    void shouldNeverSayItCannotShowANoticeOrAForm()
    {
        QFETCH(QString, fixture);
        show({fromWebhook(fixture, 10)});
        const QString words = spoken(10);
        QVERIFY2(!words.contains(QStringLiteral("cannot show")), qPrintable(words));
        QVERIFY2(!words.contains(QStringLiteral("flow_token")), qPrintable(words));
        QVERIFY2(!words.contains(QStringLiteral("survei-2231")), qPrintable(words));
    }

    void shouldGiveItalicLinesTheRoomTheyArePaintedIn()
    {
        // Meta's error and its details are painted in italics: no ink may fall outside the
        // blocks' places, or a wrapped line runs into the next block.
        show({fromWebhook(QStringLiteral("interactive_error_131000"), 10)});
        const Ui::Bubbles::BubbleContent content =
            Ui::Bubbles::contentFor(rowOf(10), Ui::Bubbles::MediaContext{});
        QVERIFY(content.unsupported);
        const Ui::Bubbles::BubbleFonts fonts(m_view->font());
        for (const int width : {120, 180, 260}) {
            const Ui::Bubbles::BodyLayout layout = Ui::Bubbles::layOutBody(content, fonts, width);
            QImage ink(width, int(layout.height) + 40, QImage::Format_ARGB32_Premultiplied);
            ink.fill(Qt::transparent);
            QPainter painter(&ink);
            Ui::Bubbles::paintBody(&painter, QPointF(0, 0), content, layout, fonts,
                                   m_view->palette(), Qt::white, nullptr);
            painter.end();
            for (int y = 0; y < ink.height(); ++y) {
                const bool inBlock =
                    std::any_of(layout.blocks.cbegin(), layout.blocks.cend(), [y](const QRectF &r) {
                        return y >= r.top() - 1 && y <= r.bottom() + 1;
                    });
                if (inBlock)
                    continue;
                for (int x = 0; x < width; ++x)
                    QVERIFY2(
                        qAlpha(ink.pixel(x, y)) == 0,
                        qPrintable(
                            QStringLiteral("ink at %1,%2, width %3").arg(x).arg(y).arg(width)));
            }
        }
    }

    void shouldMarkAnEditedMessageAndHideADeletedOne()
    {
        App::Message edited = fromWebhook(QStringLiteral("coexistence_text"), 10);
        edited.text = QStringLiteral("Kak, saya pesan kaos polos hitam ukuran L 2 pcs");
        edited.editedAt = T0 + 60000;
        App::Message deleted = fromWebhook(QStringLiteral("coexistence_image"), 11);
        deleted.revokedAt = T0 + 120000;
        deleted.text.clear();
        deleted.content = QJsonObject{{QStringLiteral("id"), deleted.wamid},
                                      {QStringLiteral("type"), QStringLiteral("image")}};
        show({edited, deleted});
        QVERIFY2(spoken(10).contains(QStringLiteral("Edited")), qPrintable(spoken(10)));
        QVERIFY(spoken(10).contains(edited.text));
        const QString gone = spoken(11);
        QVERIFY2(gone.contains(QStringLiteral("The customer deleted this message")),
                 qPrintable(gone));
        QVERIFY(!gone.contains(QStringLiteral("Photo")));
        QVERIFY(!gone.contains(QStringLiteral("Edited")));
        QVERIFY(pointFor(11, Bubbles::OpenMedia).isNull());
    }

    void shouldShowEveryTypeInWords()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, expected);
        App::Message m = fromWebhook(fixture, 10);
        if (QStringList{QStringLiteral("image"), QStringLiteral("sticker"), QStringLiteral("audio"),
                        QStringLiteral("video"), QStringLiteral("document")}
                .contains(m.type)) {
            const QByteArray bytes(1500, 'x');
            m.media = readyMedia(
                m_server->add(bytes),
                m.content.value(m.type).toObject().value(QStringLiteral("mime_type")).toString(),
                bytes.size(),
                m.content.value(m.type).toObject().value(QStringLiteral("filename")).toString());
        }
        show({m});
        const QString words = spoken(10);
        for (const QString &part : std::as_const(expected))
            QVERIFY2(words.contains(part), qPrintable(words + QStringLiteral(" lacks ") + part));
        const QRect rect = m_view->visualRect(rowOf(10));
        QVERIFY2(rect.height() >= 48, qPrintable(QString::number(rect.height())));
        QVERIFY(!m_view->grab().isNull());
    }

    void shouldShowThePhotoOnceFetched()
    {
        const QColor red(210, 30, 40);
        App::Message photo = fromWebhook(QStringLiteral("image"), 10);
        const QByteArray bytes = Test::pngBytes(400, 600, red);
        photo.media = readyMedia(m_server->add(bytes), QStringLiteral("image/png"), bytes.size());
        QSignalSpy thumbnails(m_cache.get(), &App::MediaCache::thumbnailReady);
        show({photo});
        const int placeholderHeight = m_view->visualRect(rowOf(10)).height();
        QTRY_COMPARE(thumbnails.size(), 1);
        // A portrait photo makes the bubble taller than the landscape placeholder.
        QTRY_VERIFY(m_view->visualRect(rowOf(10)).height() > placeholderHeight + 100);
        const QPoint inPhoto = pointFor(10, Bubbles::OpenMedia);
        QVERIFY(!inPhoto.isNull());
        const QImage screen = m_view->viewport()->grab().toImage();
        QCOMPARE(screen.pixelColor(inPhoto + QPoint(20, 20)).rgb(), red.rgb());
        QCOMPARE(m_server->requests, 1);

        // A click opens it large.
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, inPhoto + QPoint(20, 20));
        QWidget *viewer = nullptr;
        QTRY_VERIFY((viewer = m_view->findChild<QWidget *>(QStringLiteral("mediaViewer"))));
        QTRY_VERIFY(viewer->isVisible());
        const auto *image = viewer->findChild<QLabel *>(QStringLiteral("mediaViewerImage"));
        QCOMPARE(image->pixmap().size(), QSize(400, 600));
        viewer->close();
    }

    void shouldPutTheReactionBadgeOnTheReactedMessage()
    {
        const App::Message heart = fromWebhook(QStringLiteral("reaction"), 30);
        const App::Message removed = fromWebhook(QStringLiteral("reaction_removed"), 31);
        show({outbound(10, heart.reactionTarget(), QStringLiteral("text"),
                       QStringLiteral("Pesanan sudah dikirim")),
              outbound(11, QStringLiteral("wamid.lain"), QStringLiteral("text"),
                       QStringLiteral("Ada lagi yang bisa dibantu?"))});
        const int before = m_view->visualRect(rowOf(10)).height();
        show({heart});
        QCOMPARE(shown()->rowCount(), 2);
        QVERIFY(spoken(10).contains(QStringLiteral("Reaction ❤️")));
        QVERIFY(!spoken(11).contains(QStringLiteral("Reaction")));
        QTRY_VERIFY(m_view->visualRect(rowOf(10)).height() > before);
        show({removed});
        QVERIFY(!spoken(10).contains(QStringLiteral("Reaction")));
    }

    void shouldLinkThePickedButtonToTheMessageThatOfferedIt()
    {
        const App::Message picked = fromWebhook(QStringLiteral("interactive_button_reply"), 20);
        const QJsonObject interactive{
            {QStringLiteral("type"), QStringLiteral("button")},
            {QStringLiteral("header"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                         {QStringLiteral("text"), QStringLiteral("Pesanan A-4711")}}},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Lanjutkan pesanan?")}}},
            {QStringLiteral("footer"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Toko Serambi")}}},
            {QStringLiteral("action"),
             QJsonObject{
                 {QStringLiteral("buttons"),
                  QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                         {QStringLiteral("reply"),
                                          QJsonObject{{QStringLiteral("id"), QStringLiteral("y")},
                                                      {QStringLiteral("title"),
                                                       QStringLiteral("Ya, lanjutkan ✅")}}}},
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                         {QStringLiteral("reply"),
                                          QJsonObject{{QStringLiteral("id"), QStringLiteral("n")},
                                                      {QStringLiteral("title"),
                                                       QStringLiteral("Batalkan")}}}}}}}}};
        const App::Message offer =
            outbound(10, picked.contextId(), QStringLiteral("interactive"),
                     QStringLiteral("Lanjutkan pesanan?"),
                     {{QStringLiteral("type"), QStringLiteral("interactive")},
                      {QStringLiteral("interactive"), interactive}});
        show({offer,
              outbound(11, QStringLiteral("wamid.x"), QStringLiteral("text"),
                       QStringLiteral("Sebentar ya")),
              picked});
        QVERIFY(spoken(10).contains(QStringLiteral("Pesanan A-4711")));
        QVERIFY(spoken(10).contains(QStringLiteral("Buttons: Ya, lanjutkan ✅, Batalkan")));
        const QString answer = spoken(20);
        QVERIFY2(answer.contains(QStringLiteral("Answer to Agent: Lanjutkan pesanan?")),
                 qPrintable(answer));
        QVERIFY(answer.contains(QStringLiteral("Ya, lanjutkan ✅")));

        // The quote leads back to the offer.
        const QPoint quote = pointFor(20, Bubbles::ShowQuoted);
        QVERIFY(!quote.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, quote);
        QCOMPARE(m_view->currentIndex().data(Model::IdRole).toLongLong(), 10);
    }

    void shouldOfferRetryOnlyOnFailedMedia()
    {
        App::Message failed = fromWebhook(QStringLiteral("image"), 10);
        failed.media = {
            QStringLiteral("failed"), QString(), QStringLiteral("image/jpeg"), 0, QString(),
            QStringLiteral("expired")};
        App::Message pending = fromWebhook(QStringLiteral("document"), 11);
        pending.media = {QStringLiteral("pending"),
                         QString(),
                         QStringLiteral("application/pdf"),
                         0,
                         QString(),
                         QString()};
        App::Message ready = fromWebhook(QStringLiteral("audio_voice"), 12);
        const QByteArray bytes(300, 'v');
        ready.media = readyMedia(m_server->add(bytes), QStringLiteral("audio/ogg"), bytes.size());
        show({failed, pending, ready});
        QVERIFY(spoken(10).contains(QStringLiteral("WhatsApp no longer has this file.")));
        QVERIFY(spoken(11).contains(QStringLiteral("The relay is downloading it…")));
        QVERIFY(pointFor(11, Bubbles::RetryMedia).isNull());
        QVERIFY(pointFor(12, Bubbles::RetryMedia).isNull());
        QVERIFY(pointFor(11, Bubbles::OpenMedia).isNull()); // nothing to open yet

        QSignalSpy retries(m_view.get(), &Ui::ConversationView::retryMediaRequested);
        const QPoint retry = pointFor(10, Bubbles::RetryMedia);
        QVERIFY(!retry.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, retry);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().first().toLongLong(), 10);
        // Enter on the selected bubble does the same.
        m_view->setFocus();
        m_view->setCurrentIndex(rowOf(10));
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QCOMPARE(retries.size(), 2);

        // The relay got it on retry: the Retry button goes.
        failed.media = {QStringLiteral("pending"),
                        QString(),
                        QStringLiteral("image/jpeg"),
                        0,
                        QString(),
                        QString()};
        show({failed});
        QVERIFY(pointFor(10, Bubbles::RetryMedia).isNull());
    }

    void shouldFetchAgainWhenTheConsoleCouldNotFetch()
    {
        const QByteArray bytes = Test::pngBytes(300, 200, Qt::blue);
        App::Message photo = fromWebhook(QStringLiteral("image"), 10);
        photo.media =
            readyMedia(Test::MediaServer::keyOf(bytes), QStringLiteral("image/png"), bytes.size());
        QSignalSpy failures(m_cache.get(), &App::MediaCache::fetchFailed);
        show({photo});
        QTRY_COMPARE(failures.size(), 1);
        QTRY_VERIFY(spoken(10).contains(QStringLiteral("The relay does not have this file.")));
        QVERIFY(pointFor(10, Bubbles::RetryMedia).isNull()); // not the relay's failure
        const QPoint again = pointFor(10, Bubbles::FetchAgain);
        QVERIFY(!again.isNull());
        m_server->add(bytes);
        QSignalSpy thumbnails(m_cache.get(), &App::MediaCache::thumbnailReady);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, again);
        QTRY_COMPARE(thumbnails.size(), 1);
        QTRY_VERIFY(!spoken(10).contains(QStringLiteral("does not have")));
        QVERIFY(!pointFor(10, Bubbles::OpenMedia).isNull());
    }

    void shouldOpenTheSelectedLocationOrDocumentWithEnter()
    {
        App::Message document = fromWebhook(QStringLiteral("document"), 11);
        const QByteArray bytes("%PDF-1.4 faktur");
        document.media = readyMedia(m_server->add(bytes), QStringLiteral("application/pdf"),
                                    bytes.size(), QStringLiteral("Faktur-Januari-2026.pdf"));
        show({fromWebhook(QStringLiteral("location_place"), 10), document});
        m_view->setFocus();
        m_view->setCurrentIndex(rowOf(10));
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QTRY_COMPARE(m_opened.size(), 1);
        QCOMPARE(m_opened.first().scheme(), QStringLiteral("geo"));
        QVERIFY(m_opened.first().toString().startsWith(QStringLiteral("geo:-7.792838,110.365749")));

        m_view->setCurrentIndex(rowOf(11));
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QTRY_COMPARE(m_opened.size(), 2); // fetched first, then handed to the system
        QFile opened(m_opened.last().toLocalFile());
        QVERIFY(opened.open(QIODevice::ReadOnly));
        QCOMPARE(opened.readAll(), bytes);
    }

    void shouldPlayAVoiceMessageInPlace()
    {
        // Two seconds of a tone as 8 kHz mono WAV.
        QByteArray samples;
        for (int i = 0; i < 16000; ++i) {
            const qint16 sample = qint16(3000 * std::sin(i / 5.0));
            samples.append(reinterpret_cast<const char *>(&sample), 2);
        }
        QByteArray wav("RIFF");
        const auto le32 = [](quint32 v) {
            return QByteArray(reinterpret_cast<const char *>(&v), 4);
        };
        const auto le16 = [](quint16 v) {
            return QByteArray(reinterpret_cast<const char *>(&v), 2);
        };
        wav += le32(36 + samples.size()) + "WAVEfmt " + le32(16) + le16(1) + le16(1) + le32(8000) +
               le32(16000) + le16(2) + le16(16) + "data" + le32(samples.size()) + samples;
        App::Message voice = fromWebhook(QStringLiteral("audio_voice"), 10);
        voice.media = readyMedia(m_server->add(wav), QStringLiteral("audio/wav"), wav.size());
        show({voice});
        QVERIFY(!spoken(10).contains(QStringLiteral("0:02")));
        const QPoint play = pointFor(10, Bubbles::PlayAudio);
        QVERIFY(!play.isNull());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, play);
        // Fetched, then played where it is: the bubble shows the position and the length.
        QTRY_VERIFY_WITH_TIMEOUT(spoken(10).contains(QStringLiteral("Playing")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(spoken(10).contains(QStringLiteral("0:01 / 0:02")), 10000);
        QCOMPARE(m_server->requests, 1);
    }

    void shouldBuildAMapFallbackUrl()
    {
        QCOMPARE(Ui::BubbleActions::mapUrl(-7.7928383, 110.3657486).toString(),
                 QStringLiteral("https://www.openstreetmap.org/?mlat=-7.792838&mlon=110.365749"
                                "#map=17/-7.792838/110.365749"));
    }
};

QTEST_MAIN(TestBubbles)
#include "tst_bubbles.moc"
