// The widgets that build rich messages, driven like an agent would, on their own: the buttons
// and list builder refuses what Meta would refuse and says why, "buttons or list" from a draft
// with choices, saved replies after "/", attachments refused before any upload.
#include "app/cannedresponses.h"
#include "app/draft.h"
#include "app/relayclient.h"
#include "ui/attachment.h"
#include "ui/attachmentstrip.h"
#include "ui/cannedpopup.h"
#include "ui/composer.h"
#include "ui/composerpanel.h"
#include "ui/draftchoices.h"
#include "ui/draftpanel.h"
#include "ui/interactivebuilder.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Serambi;
using Ui::InteractiveBuilder;

namespace {
QStringList labelTexts(QWidget *parent, const char *name)
{
    QStringList texts;
    const auto labels = parent->findChildren<QLabel *>(QLatin1String(name));
    for (const QLabel *label : labels)
        texts.append(label->text());
    return texts;
}

QList<QLineEdit *> edits(QWidget *parent, const char *name)
{
    return parent->findChildren<QLineEdit *>(QLatin1String(name));
}
} // namespace

class TestRichBuilders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRefuseAFourthButtonAndATwentyFirstCharacter()
    {
        InteractiveBuilder builder;
        builder.show();
        auto *add = builder.findChild<QPushButton *>(QStringLiteral("addButtonButton"));
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(edits(&builder, "buttonTitleEdit").size(), 3);
        QVERIFY(!add->isEnabled());
        QVERIFY(!builder.addButton(QStringLiteral("Keempat")));
        QCOMPARE(edits(&builder, "buttonTitleEdit").size(), 3);

        QLineEdit *title = edits(&builder, "buttonTitleEdit").first();
        title->setFocus();
        QTest::keyClicks(title, QStringLiteral("Ambil di toko cabang X")); // 22 characters
        QCOMPARE(title->text(), QStringLiteral("Ambil di toko cabang"));
        QCOMPARE(edits(&builder, "buttonIdEdit").first()->text(),
                 QStringLiteral("ambil_di_toko_cabang"));
    }

    void shouldSayWhatIsWrongAndKeepSendDisabledUntilItIsFixed()
    {
        InteractiveBuilder builder;
        builder.show();
        auto *send = builder.findChild<QPushButton *>(QStringLiteral("sendInteractiveButton"));
        auto *problems = builder.findChild<QLabel *>(QStringLiteral("problemsLabel"));
        QVERIFY(!send->isEnabled());
        QVERIFY2(problems->text().contains(QStringLiteral("Body: required")),
                 qPrintable(problems->text()));
        QVERIFY(problems->text().contains(QStringLiteral("Button 1 title: required")));

        builder.setBody(QStringLiteral("Paketnya mau dikirim pakai apa?"));
        builder.addButton(QStringLiteral("JNE"));
        edits(&builder, "buttonTitleEdit").first()->setText(QStringLiteral("JNE"));
        QVERIFY(!send->isEnabled());
        QVERIFY2(problems->text().contains(QStringLiteral("Button 2 title: already used")),
                 qPrintable(problems->text()));

        edits(&builder, "buttonTitleEdit").first()->setText(QStringLiteral("SiCepat"));
        QVERIFY2(send->isEnabled(), qPrintable(problems->text()));
        QVERIFY(problems->isHidden());
        const QJsonArray buttons = builder.interactive()
                                       .value(QStringLiteral("action"))
                                       .toObject()
                                       .value(QStringLiteral("buttons"))
                                       .toArray();
        QCOMPARE(buttons.size(), 2);
        QCOMPARE(buttons.at(0).toObject().value(QStringLiteral("reply")).toObject(),
                 (QJsonObject{{QStringLiteral("id"), QStringLiteral("sicepat")},
                              {QStringLiteral("title"), QStringLiteral("SiCepat")}}));
    }

    void shouldRefuseAnEleventhRowAndFlagALongRowTitle()
    {
        InteractiveBuilder builder;
        builder.setType(InteractiveBuilder::Type::List);
        builder.show();
        builder.setBody(QStringLiteral("Pilih cabang terdekat"));
        edits(&builder, "listButtonEdit").first()->setText(QStringLiteral("Lihat cabang"));
        auto *tree = builder.findChild<QTreeWidget *>(QStringLiteral("sectionsTree"));
        tree->topLevelItem(0)->setText(0, QStringLiteral("Jakarta"));
        auto *addRow = builder.findChild<QPushButton *>(QStringLiteral("addRowButton"));
        // The first row takes the place of the empty one a new section starts with.
        for (int i = 1; i <= 10; ++i)
            QVERIFY(builder.addRow(QStringLiteral("Cabang %1").arg(i)));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 10);
        QVERIFY(!addRow->isEnabled());
        QVERIFY(!builder.findChild<QPushButton *>(QStringLiteral("addSectionButton"))->isEnabled());
        QVERIFY(!builder.addRow(QStringLiteral("Cabang 11")));
        QVERIFY(!builder.addSection(QStringLiteral("Bandung")));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 10);
        auto *send = builder.findChild<QPushButton *>(QStringLiteral("sendInteractiveButton"));
        QVERIFY2(send->isEnabled(), qPrintable(builder.problems().join(QLatin1Char('\n'))));

        // 25 characters, put there without the editor's limit (as a paste into the cell
        // would be cut; this is the check behind it).
        tree->topLevelItem(0)->child(2)->setText(0, QStringLiteral("Cabang Kelapa Gading Raya"));
        QVERIFY(!send->isEnabled());
        QCOMPARE(builder.problems(),
                 QStringList{QStringLiteral("Section 1, row 3 title: at most 24 characters")});
    }

    void shouldPreviewWhatTheCustomerSees()
    {
        InteractiveBuilder builder;
        builder.show();
        edits(&builder, "headerEdit").first()->setText(QStringLiteral("Pengiriman"));
        builder.setBody(QStringLiteral("Mau dikirim pakai apa?"));
        edits(&builder, "footerEdit").first()->setText(QStringLiteral("Toko Serambi"));
        edits(&builder, "buttonTitleEdit").first()->setText(QStringLiteral("JNE"));
        builder.addButton(QStringLiteral("SiCepat"));
        QCOMPARE(labelTexts(&builder, "previewHeader"), QStringList{QStringLiteral("Pengiriman")});
        QCOMPARE(labelTexts(&builder, "previewBody"),
                 QStringList{QStringLiteral("Mau dikirim pakai apa?")});
        QCOMPARE(labelTexts(&builder, "previewFooter"),
                 QStringList{QStringLiteral("Toko Serambi")});
        QCOMPARE(labelTexts(&builder, "previewButton"),
                 (QStringList{QStringLiteral("JNE"), QStringLiteral("SiCepat")}));

        builder.setType(InteractiveBuilder::Type::List);
        edits(&builder, "listButtonEdit").first()->setText(QStringLiteral("Pilih kurir"));
        builder.addRow(QStringLiteral("AnterAja"), QStringLiteral("Tiba besok"));
        QCOMPARE(labelTexts(&builder, "previewListButton"),
                 QStringList{QStringLiteral("\u2630 Pilih kurir")});
        QCOMPARE(labelTexts(&builder, "previewRow"),
                 QStringList{QStringLiteral("AnterAja\nTiba besok")});
        QVERIFY(labelTexts(&builder, "previewButton").isEmpty());
    }

    void shouldFindTheChoicesADraftOffers()
    {
        const Ui::DraftChoices numbered = Ui::DraftChoices::parse(
            QStringLiteral("Ada tiga pilihan pengiriman:\n1. JNE Reguler\n2. SiCepat\n3) Ambil "
                           "sendiri\nBalas dengan pilihan Kakak ya."));
        QCOMPARE(numbered.choices,
                 (QStringList{QStringLiteral("JNE Reguler"), QStringLiteral("SiCepat"),
                              QStringLiteral("Ambil sendiri")}));
        QCOMPARE(numbered.body, QStringLiteral("Ada tiga pilihan pengiriman:\nBalas dengan "
                                               "pilihan Kakak ya."));
        const Ui::DraftChoices alternatives =
            Ui::DraftChoices::parse(QStringLiteral("Baik Kak. Mau refund atau tukar barang?"));
        QCOMPARE(alternatives.choices,
                 (QStringList{QStringLiteral("refund"), QStringLiteral("tukar barang")}));
        QVERIFY(Ui::DraftChoices::parse(QStringLiteral("Pesanan Kakak sudah dikirim.")).isEmpty());
    }

    void shouldTurnADraftWithChoicesIntoButtonsOrAList()
    {
        Ui::DraftPanel panel;
        App::Draft draft;
        draft.id = 7;
        draft.text = QStringLiteral("Pesanan sudah dikirim kemarin.");
        panel.setDraft(draft);
        panel.show();
        auto *choices = panel.findChild<QPushButton *>(QStringLiteral("draftChoicesButton"));
        QVERIFY(choices->isHidden());
        draft.text = QStringLiteral("Mau dikirim pakai apa, Kak?\n- JNE\n- SiCepat\n- AnterAja");
        panel.setDraft(draft);
        QVERIFY(choices->isVisible());

        InteractiveBuilder buttons;
        buttons.prefill(Ui::DraftChoices::parse(draft.text));
        QCOMPARE(buttons.type(), InteractiveBuilder::Type::Buttons);
        QCOMPARE(buttons.interactive().value(QStringLiteral("body")).toObject(),
                 (QJsonObject{{QStringLiteral("text"), QStringLiteral("Mau dikirim pakai apa, "
                                                                      "Kak?")}}));
        QStringList titles;
        for (const QLineEdit *edit : edits(&buttons, "buttonTitleEdit"))
            titles.append(edit->text());
        QCOMPARE(titles, (QStringList{QStringLiteral("JNE"), QStringLiteral("SiCepat"),
                                      QStringLiteral("AnterAja")}));
        QVERIFY(buttons.problems().isEmpty());

        InteractiveBuilder list;
        list.prefill(Ui::DraftChoices::parse(
            QStringLiteral("Pilih ukuran:\n1. S\n2. M\n3. L\n4. XL\n5. XXL")));
        QCOMPARE(list.type(), InteractiveBuilder::Type::List);
        const QJsonArray rows = list.interactive()
                                    .value(QStringLiteral("action"))
                                    .toObject()
                                    .value(QStringLiteral("sections"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("rows"))
                                    .toArray();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(3).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("XL"));
        QVERIFY2(list.problems().isEmpty(), qPrintable(list.problems().join(QLatin1Char('\n'))));
    }

    void shouldFilterSavedRepliesAfterSlashAndInsertWithEnter()
    {
        App::RelayClient relay;
        App::CannedResponses canned(&relay);
        const auto save = [&](qint64 id, const QString &shortcut, const QString &title,
                              const QString &text) {
            Q_EMIT relay.eventReceived(id, QStringLiteral("canned.updated"), 0,
                                       {{QStringLiteral("id"), id},
                                        {QStringLiteral("shortcut"), shortcut},
                                        {QStringLiteral("title"), title},
                                        {QStringLiteral("text"), text}});
        };
        save(1, QStringLiteral("ongkir"), QStringLiteral("Ongkos kirim"),
             QStringLiteral("Halo {nama}, ongkir ke Jawa Rp10.000."));
        save(2, QStringLiteral("salam"), QStringLiteral("Sapaan"),
             QStringLiteral("Selamat datang di Toko Serambi!"));
        save(3, QStringLiteral("retur"), QStringLiteral("Retur barang"),
             QStringLiteral("Retur bisa sampai 7 hari, ongkir ditanggung kami."));

        QWidget window;
        auto *composer = new Ui::Composer(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addSpacing(200);
        layout->addWidget(composer);
        Ui::CannedPopup popup(
            &canned, composer, [] { return QStringLiteral("Siti"); }, &window);
        window.show();
        window.activateWindow();
        composer->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QTest::keyClicks(composer, QStringLiteral("/"));
        QTRY_VERIFY(popup.isVisible());
        QCOMPARE(popup.list()->count(), 3);
        QTest::keyClicks(composer, QStringLiteral("ongk"));
        // The shortcut match first, then the reply whose text mentions it.
        QCOMPARE(popup.list()->count(), 2);
        QVERIFY(popup.list()->item(0)->text().startsWith(QStringLiteral("/ongkir")));
        QVERIFY(popup.list()->item(1)->text().startsWith(QStringLiteral("/retur")));
        QTest::keyClick(composer, Qt::Key_Down);
        QCOMPARE(popup.list()->currentRow(), 1);
        QTest::keyClick(composer, Qt::Key_Up);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(!popup.isVisible());
        QCOMPARE(composer->toPlainText(), QStringLiteral("Halo Siti, ongkir ke Jawa Rp10.000."));

        composer->clear();
        QTest::keyClicks(composer, QStringLiteral("/tidakada"));
        QVERIFY(!popup.isVisible());
        composer->clear();
        QTest::keyClicks(composer, QStringLiteral("kirim /salam"));
        QVERIFY(!popup.isVisible()); // only at the start
    }

    void shouldRefuseOversizeAndUnsupportedFilesBeforeUpload()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("foto-paket.png"));
        QFile png(big);
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromHex("89504e470d0a1a0a"));
        png.write(QByteArray(6 * 1024 * 1024, '\0'));
        png.close();
        const QString zip = dir.filePath(QStringLiteral("arsip.zip"));
        QFile archive(zip);
        QVERIFY(archive.open(QIODevice::WriteOnly));
        archive.write(QByteArray("PK\x03\x04", 4) + QByteArray(100, 'x'));
        archive.close();

        Ui::ComposerPanel panel;
        panel.show();
        auto *send = panel.findChild<QPushButton *>(QStringLiteral("sendButton"));
        auto *problem = panel.findChild<QLabel *>(QStringLiteral("attachmentProblemLabel"));

        panel.setAttachment(Ui::Attachment::fromFile(big));
        QVERIFY(panel.attachmentStrip()->isVisible());
        QCOMPARE(panel.attachmentStrip()->attachment().kind(), QStringLiteral("image"));
        QVERIFY2(problem->text().contains(QStringLiteral("takes image files of at most 5")),
                 qPrintable(problem->text()));
        QVERIFY(!send->isEnabled());

        panel.setAttachment(Ui::Attachment::fromFile(zip));
        QVERIFY2(problem->text().contains(QStringLiteral("does not take files of type "
                                                         "application/zip")),
                 qPrintable(problem->text()));
        QVERIFY(!send->isEnabled());

        const Ui::Attachment small = Ui::Attachment::fromBytes(
            QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(1000, '\0'),
            QStringLiteral("kecil.png"));
        QVERIFY2(small.problem().isEmpty(), qPrintable(small.problem()));
        panel.setAttachment(small);
        QVERIFY(problem->isHidden());
        QVERIFY(send->isEnabled());
        QVERIFY(panel.findChild<QLineEdit *>(QStringLiteral("captionEdit"))->isVisible());
        QTest::mouseClick(panel.findChild<QWidget *>(QStringLiteral("removeAttachmentButton")),
                          Qt::LeftButton);
        QVERIFY(panel.attachmentStrip()->isHidden());
        QVERIFY(!send->isEnabled());
    }
};

QTEST_MAIN(TestRichBuilders)
#include "tst_richbuilders.moc"
