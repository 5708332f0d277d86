// Sending rich messages from the console's window against a real relay and the WhatsApp
// simulator on loopback: buttons from the builder, a template when the 24-hour window has
// closed, a reaction and a reply, the typing indicator (and not when switched off), a saved
// reply after "/", an upload canceled before anything is sent.
#include "app/attention.h"
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "config/relayconfig.h"
#include "sim/simulator.h"
#include "support/window/windowfixture.h"
#include "ui/attachment.h"
#include "ui/attachmentstrip.h"
#include "ui/canneddialog.h"
#include "ui/composer.h"
#include "ui/composerpanel.h"
#include "ui/consolesettings.h"
#include "ui/interactivebuilder.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/richmessaging.h"
#include "ui/templatepicker.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi;
using namespace Serambi::Test;

class TestRichComposer : public QObject, public Test::WindowFixture
{
    Q_OBJECT

private:
    // Bodies of the Graph API's /messages requests after request number before.
    QList<QJsonObject> messagesAfter(int before) const
    {
        QList<QJsonObject> bodies;
        const auto requests = m_sim->requests().since(before);
        for (const Sim::RecordedRequest &request : requests) {
            if (request.path.endsWith(QLatin1String("/messages")))
                bodies.append(request.jsonBody());
        }
        return bodies;
    }

    // The first message of that type the Graph API received after request number before.
    QJsonObject sentAfter(int before, const QString &type) const
    {
        const auto bodies = messagesAfter(before);
        for (const QJsonObject &body : bodies) {
            if (body.value(QLatin1String("type")).toString() == type)
                return body;
        }
        return {};
    }

    bool typingSentAfter(int before) const
    {
        const auto bodies = messagesAfter(before);
        return std::any_of(bodies.cbegin(), bodies.cend(), [](const QJsonObject &body) {
            return body.contains(QLatin1String("typing_indicator"));
        });
    }

    // Selects the customer's message with that text in the message view.
    bool selectMessage(const QString &text)
    {
        auto *view = child<QListView>("messageView");
        QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(App::MessageListModel::TextRole).toString() == text) {
                view->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        // The template picker lists what the relay synced from the simulator at start.
        Relay::RelayConfig config = m_loop->relayConfig();
        config.wabaId = m_sim->config().wabaId;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldSendTheButtonsBuiltInTheBuilderAsAReply()
    {
        const QString wamid = customerWrites(QStringLiteral("Paketnya dikirim pakai apa?"));
        QVERIFY(openCustomerChat());
        QVERIFY(selectMessage(QStringLiteral("Paketnya dikirim pakai apa?")));
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY(child<QWidget>("replyBar")->isVisible());

        Ui::InteractiveBuilder *builder = m_window->richMessaging()->openInteractiveBuilder();
        QVERIFY(builder);
        builder->setBody(QStringLiteral("Pilih kurirnya ya, Kak"));
        builder->findChildren<QLineEdit *>(QStringLiteral("buttonTitleEdit"))
            .first()
            ->setText(QStringLiteral("JNE"));
        builder->addButton(QStringLiteral("SiCepat"));
        const int before = m_sim->requests().lastSeq();
        QTest::mouseClick(
            builder->findChild<QPushButton *>(QStringLiteral("sendInteractiveButton")),
            Qt::LeftButton);

        QJsonObject sent;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(sent = sentAfter(before, QStringLiteral("interactive"))).isEmpty(), Timeout);
        const QJsonObject expected{
            {QStringLiteral("type"), QStringLiteral("button")},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Pilih kurirnya ya, Kak")}}},
            {QStringLiteral("action"),
             QJsonObject{
                 {QStringLiteral("buttons"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                                  {QStringLiteral("reply"),
                                   QJsonObject{{QStringLiteral("id"), QStringLiteral("jne")},
                                               {QStringLiteral("title"), QStringLiteral("JNE")}}}},
                      QJsonObject{
                          {QStringLiteral("type"), QStringLiteral("reply")},
                          {QStringLiteral("reply"),
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("sicepat")},
                                       {QStringLiteral("title"), QStringLiteral("SiCepat")}}}}}}}}};
        QCOMPARE(sent.value(QStringLiteral("interactive")).toObject(), expected);
        QCOMPARE(
            sent.value(QStringLiteral("context")).toObject().value(QStringLiteral("message_id")),
            QJsonValue(wamid));
        QVERIFY(child<QWidget>("replyBar")->isHidden());
    }

    void shouldOfferOnlyATemplateOnceTheWindowHasClosedAndSendIt()
    {
        customerWrites(QStringLiteral("Halo, pesanan saya bagaimana?"));
        QVERIFY(openCustomerChat());
        auto *composer = child<Ui::ComposerPanel>("composerPanel");
        QVERIFY(!composer->windowClosed());
        QVERIFY(child<Ui::Composer>("composer")->isVisible());
        QVERIFY2(child<QLabel>("windowCountdownLabel")
                     ->text()
                     .startsWith(QStringLiteral("Window closes in 23 h ")),
                 qPrintable(child<QLabel>("windowCountdownLabel")->text()));

        // The customer last wrote 25 hours ago (once the AI's draft, whose event brings the
        // relay's own time back, has arrived).
        const qint64 id = m_controller->openConversation()->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->inbox()->draft(id) &&
                                     !m_controller->inbox()->draft(id)->streaming,
                                 Timeout);
        App::ConversationListModel *list = m_controller->conversationList();
        App::Conversation old = *list->conversation(m_controller->openConversation()->id());
        old.lastInboundAt = QDateTime::currentMSecsSinceEpoch() - 25LL * 3600 * 1000;
        list->upsertConversation(old);

        QTRY_VERIFY(composer->windowClosed());
        QVERIFY(child<Ui::Composer>("composer")->isHidden());
        QVERIFY(!child<QPushButton>("sendButton")->isVisible());
        QCOMPARE(child<QLabel>("windowClosedLabel")->text(),
                 QStringLiteral("More than 24 hours since the customer last wrote: WhatsApp only "
                                "allows an approved template."));
        QCOMPARE(child<QLabel>("windowCountdownLabel")->text(), QStringLiteral("Window closed"));
        // The AI's draft can no longer be sent either, and Ctrl+Enter does not try.
        QVERIFY(!child<QPushButton>("approveButton")->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_controller->inbox()->draft(id).has_value());

        QTest::mouseClick(child<QPushButton>("chooseTemplateButton"), Qt::LeftButton);
        auto *picker = m_window->findChild<Ui::TemplatePicker *>();
        QVERIFY(picker);
        QVERIFY(picker->findChild<QLabel *>(QStringLiteral("templateReasonLabel"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            picker->selectTemplate(QStringLiteral("order_update"), QStringLiteral("id")), Timeout);
        auto *send = picker->findChild<QPushButton *>(QStringLiteral("sendTemplateButton"));
        auto *first = picker->findChild<QLineEdit *>(QStringLiteral("param_body_1"));
        auto *second = picker->findChild<QLineEdit *>(QStringLiteral("param_body_2"));
        QVERIFY(first && second);
        QVERIFY(!picker->findChild<QLineEdit *>(QStringLiteral("param_body_3")));
        QVERIFY(!send->isEnabled());
        first->setText(QStringLiteral("Siti"));
        QVERIFY(!send->isEnabled());
        second->setText(QStringLiteral("INV-2026-001"));
        QVERIFY(send->isEnabled());
        const auto bodies = picker->findChildren<QLabel *>(QStringLiteral("previewBody"));
        QCOMPARE(bodies.size(), 1);
        QCOMPARE(bodies.first()->text(),
                 QStringLiteral("Halo Siti, pesanan INV-2026-001 sudah dikirim."));

        const int before = m_sim->requests().lastSeq();
        QTest::mouseClick(send, Qt::LeftButton);
        QJsonObject sent;
        QTRY_VERIFY_WITH_TIMEOUT(!(sent = sentAfter(before, QStringLiteral("template"))).isEmpty(),
                                 Timeout);
        const QJsonObject chosen = sent.value(QStringLiteral("template")).toObject();
        QCOMPARE(chosen.value(QStringLiteral("name")).toString(), QStringLiteral("order_update"));
        QCOMPARE(chosen.value(QStringLiteral("language")).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}));
        const QJsonArray components = chosen.value(QStringLiteral("components")).toArray();
        QCOMPARE(components.size(), 1);
        QCOMPARE(
            components.at(0).toObject().value(QStringLiteral("parameters")).toArray(),
            (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), QStringLiteral("Siti")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), QStringLiteral("INV-2026-001")}}}));
    }

    void shouldAskForTheHeaderImageAndTheLinkOfATemplate()
    {
        // The customer last wrote two days ago: the chat opens on the reason and the picker.
        QVERIFY(!m_loop
                     ->customerWroteAt(CustomerWaId, QStringLiteral("Pesanan saya?"),
                                       QDateTime::currentDateTime().addDays(-2))
                     .isEmpty());
        QVERIFY(openCustomerChat(QStringLiteral("Pelanggan"))); // customerWroteAt's name
        auto *composer = child<Ui::ComposerPanel>("composerPanel");
        QVERIFY(composer->windowClosed());
        QCOMPARE(child<QLabel>("windowCountdownLabel")->text(), QStringLiteral("Window closed"));

        Ui::TemplatePicker *picker = m_window->richMessaging()->openTemplatePicker();
        QVERIFY(picker);
        QTRY_VERIFY_WITH_TIMEOUT(
            picker->selectTemplate(QStringLiteral("pesanan_dikemas"), QStringLiteral("id")),
            Timeout);
        auto *send = picker->findChild<QPushButton *>(QStringLiteral("sendTemplateButton"));
        picker->findChild<QLineEdit *>(QStringLiteral("param_body_1"))
            ->setText(QStringLiteral("Siti"));
        picker->findChild<QLineEdit *>(QStringLiteral("param_body_2"))
            ->setText(QStringLiteral("INV-7"));
        auto *link = picker->findChild<QLineEdit *>(QStringLiteral("param_button_1"));
        QVERIFY(link);
        QVERIFY(!picker->findChild<QLineEdit *>(QStringLiteral("param_button_0"))); // quick reply
        link->setText(QStringLiteral("INV-7"));
        auto *media = picker->findChild<QLabel *>(QStringLiteral("headerMediaLabel"));
        QVERIFY(media);
        QCOMPARE(media->text(), QStringLiteral("This template starts with a file: choose one."));
        QVERIFY(!send->isEnabled());

        const QString pdf = m_loop->dataPath(QStringLiteral("katalog.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("%PDF-1.4\n") + QByteArray(500, ' '));
        file.close();
        QVERIFY(!picker->attachHeaderFile(pdf));
        QCOMPARE(media->text(),
                 QStringLiteral("This template's header needs a file of type Image."));
        QVERIFY(!send->isEnabled());
        QCOMPARE(picker->parameters().value(QStringLiteral("buttons")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("index"), 1},
                                         {QStringLiteral("text"), QStringLiteral("INV-7")}}}));
    }

    void shouldReactToTheCustomersMessage()
    {
        const QString wamid = customerWrites(QStringLiteral("Terima kasih, paketnya sampai!"));
        QVERIFY(openCustomerChat());
        QVERIFY(!m_window->richMessaging()->react(QStringLiteral("\U0001F44D"))); // none selected
        QVERIFY(selectMessage(QStringLiteral("Terima kasih, paketnya sampai!")));
        const int before = m_sim->requests().lastSeq();
        QVERIFY(m_window->richMessaging()->react(QStringLiteral("\u2764\uFE0F")));
        QJsonObject sent;
        QTRY_VERIFY_WITH_TIMEOUT(!(sent = sentAfter(before, QStringLiteral("reaction"))).isEmpty(),
                                 Timeout);
        QCOMPARE(sent.value(QStringLiteral("reaction")).toObject(),
                 (QJsonObject{{QStringLiteral("message_id"), wamid},
                              {QStringLiteral("emoji"), QStringLiteral("\u2764\uFE0F")}}));
    }

    void shouldSendTypingWhileTypingUnlessSwitchedOff()
    {
        customerWrites(QStringLiteral("Halo?"));
        m_settings->setTypingIndicatorEnabled(false);
        QVERIFY(openCustomerChat());
        auto *composer = child<Ui::Composer>("composer");
        composer->setFocus();
        int before = m_sim->requests().lastSeq();
        QTest::keyClicks(composer, QStringLiteral("Sebentar ya"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!sentAfter(before, QStringLiteral("text")).isEmpty(), Timeout);
        QVERIFY(!typingSentAfter(before));

        m_settings->setTypingIndicatorEnabled(true);
        before = m_sim->requests().lastSeq();
        QTest::keyClicks(composer, QStringLiteral("Saya cek"));
        QTRY_VERIFY_WITH_TIMEOUT(typingSentAfter(before), Timeout);
    }

    void shouldSaveAReplyAndInsertItAfterSlash()
    {
        customerWrites(QStringLiteral("Ongkirnya berapa?"));
        QVERIFY(openCustomerChat());
        m_window->richMessaging()->openCannedManager();
        auto *dialog = m_window->findChild<Ui::CannedDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("cannedShortcutEdit"))
            ->setText(QStringLiteral("ongkir"));
        dialog->findChild<QLineEdit *>(QStringLiteral("cannedTitleEdit"))
            ->setText(QStringLiteral("Ongkos kirim"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("cannedTextEdit"))
            ->setPlainText(QStringLiteral("Halo {nama}, ongkir ke Jawa Rp10.000."));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cannedSaveButton")),
                          Qt::LeftButton);
        auto *saved = dialog->findChild<QListWidget *>(QStringLiteral("cannedManagerList"));
        QTRY_COMPARE_WITH_TIMEOUT(saved->count(), 1, Timeout);
        dialog->close();

        auto *composer = child<Ui::Composer>("composer");
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("/ong"));
        auto *popup = child<QWidget>("cannedPopup");
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(composer, Qt::Key_Tab);
        QCOMPARE(composer->toPlainText(),
                 QStringLiteral("Halo Siti Rahmawati, ongkir ke Jawa Rp10.000."));
    }

    void shouldUploadAnImageAndSendItById()
    {
        customerWrites(QStringLiteral("Boleh lihat fotonya?"));
        QVERIFY(openCustomerChat());
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(QStringLiteral("#c0392b")));
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(image.save(&buffer, "PNG"));
        auto *panel = child<Ui::ComposerPanel>("composerPanel");
        panel->setAttachment(Ui::Attachment::fromBytes(png, QStringLiteral("paket.png")));
        QCOMPARE(panel->attachmentStrip()->attachment().kind(), QStringLiteral("image"));
        panel->findChild<QLineEdit *>(QStringLiteral("captionEdit"))
            ->setText(QStringLiteral("Ini fotonya, Kak"));
        const int before = m_sim->requests().lastSeq();
        QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->attachmentStrip()->isHidden(), Timeout);

        QJsonObject sent;
        QTRY_VERIFY_WITH_TIMEOUT(!(sent = sentAfter(before, QStringLiteral("image"))).isEmpty(),
                                 Timeout);
        const auto uploads = m_sim->requests().since(before);
        const auto upload = std::find_if(uploads.cbegin(), uploads.cend(), [](const auto &r) {
            return r.method == QLatin1String("POST") && r.path.endsWith(QLatin1String("/media"));
        });
        QVERIFY(upload != uploads.cend());
        QVERIFY(upload->body.contains(png)); // the very bytes, in the multipart upload
        const QJsonObject sentImage = sent.value(QStringLiteral("image")).toObject();
        QVERIFY(!sentImage.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(sentImage.value(QStringLiteral("caption")).toString(),
                 QStringLiteral("Ini fotonya, Kak"));
        QVERIFY(!sentImage.contains(QStringLiteral("link")));
    }

    void shouldCancelAnUploadAndSendNothing()
    {
        customerWrites(QStringLiteral("Ini fotonya"));
        QVERIFY(openCustomerChat());
        auto *panel = child<Ui::ComposerPanel>("composerPanel");
        panel->setAttachment(Ui::Attachment::fromBytes(QByteArray::fromHex("89504e470d0a1a0a") +
                                                           QByteArray(4 * 1024 * 1024, '\1'),
                                                       QStringLiteral("bukti.png")));
        const int before = m_sim->requests().lastSeq();
        QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
        auto *cancel = child<QPushButton>("cancelUploadButton");
        QVERIFY(cancel->isVisible());
        QVERIFY(child<QWidget>("uploadProgress")->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        auto *problem = child<QLabel>("attachmentProblemLabel");
        QTRY_COMPARE(problem->text(), QStringLiteral("Upload canceled; nothing was sent."));
        QVERIFY(panel->attachmentStrip()->isReady()); // still there to try again or remove

        // A text sent afterwards arrives alone: no media message went out.
        QTest::mouseClick(child<QWidget>("removeAttachmentButton"), Qt::LeftButton);
        auto *composer = child<Ui::Composer>("composer");
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("Maaf, coba kirim ulang ya"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!sentAfter(before, QStringLiteral("text")).isEmpty(), Timeout);
        QVERIFY(sentAfter(before, QStringLiteral("image")).isEmpty());
    }

    void shouldSendTheDraftAsButtonsInItsPlace()
    {
        customerWrites(QStringLiteral("Bisa dikirim hari ini?"));
        QVERIFY(openCustomerChat());
        const qint64 id = m_controller->openConversation()->id();
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->inbox()->draft(id) &&
                                     !m_controller->inbox()->draft(id)->streaming,
                                 Timeout);
        const QString draftText = m_controller->inbox()->draft(id)->text;
        Ui::InteractiveBuilder *builder = m_window->richMessaging()->openBuilderFromDraft();
        QVERIFY(builder);
        QCOMPARE(builder->interactive()
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 draftText.trimmed());
        builder->addButton(QStringLiteral("Ya"));
        builder->addButton(QStringLiteral("Tidak"));
        const int before = m_sim->requests().lastSeq();
        QTest::mouseClick(
            builder->findChild<QPushButton *>(QStringLiteral("sendInteractiveButton")),
            Qt::LeftButton);
        QVERIFY(!m_controller->inbox()->draft(id)); // the draft leaves the panel at once
        QJsonObject sent;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(sent = sentAfter(before, QStringLiteral("interactive"))).isEmpty(), Timeout);
        QCOMPARE(sent.value(QStringLiteral("interactive"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 draftText.trimmed());
        // An event sent before the approval may still carry the pending draft; the approval's
        // draft.updated follows it.
        QTRY_VERIFY(child<QWidget>("draftPanel")->isHidden());
    }

    void shouldSayAFileNeedsAConnectionWhenOffline()
    {
        customerWrites(QStringLiteral("Bisa kirim katalognya?"));
        QVERIFY(openCustomerChat());
        m_loop->stopRelay();
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->session()->connectionStatus().state !=
                                     App::ConnectionState::Online,
                                 Timeout);
        auto *panel = child<Ui::ComposerPanel>("composerPanel");
        panel->setAttachment(Ui::Attachment::fromBytes(
            QByteArray("%PDF-1.4\n") + QByteArray(2000, ' '), QStringLiteral("katalog.pdf")));
        QVERIFY(panel->findChild<QLineEdit *>(QStringLiteral("captionEdit"))->isVisible());
        QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>("attachmentProblemLabel")->text(),
                 QStringLiteral("Sending a file needs a connection to the relay. Text messages "
                                "still wait offline and go out when you are back."));
        QVERIFY(panel->attachmentStrip()->isReady()); // kept for when the relay is back
    }
};

QTEST_MAIN(TestRichComposer)
#include "tst_richcomposer.moc"
