// The knowledge-base window against a real relay and the WhatsApp simulator on loopback: a
// supervisor opens it with Ctrl+Shift+K, sees the demo articles never used, turns what an agent
// answered where the AI abstained into a new article (the suggestion leaves the list), the
// "Try it" box then answers from it, and deleting asks first; an older version of an article is
// previewed, restored (the drafter answers with it again) and the restore undone; the Gaps tab
// lists the articles never used and the question no article answered, which becomes an article;
// a folder of articles is imported after a preview of what changes and which files are bad.
// Agents have no such window.
// With SERAMBI_SCREENSHOT_DIR set, the window is also saved there in English and Indonesian.
#include "app/consolecontroller.h"
#include "app/knowledgebaseeditor.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "config/relayconfig.h"
#include "service/kbadmin.h"
#include "support/protocolclient.h"
#include "support/window/windowfixture.h"
#include "ui/knowledgebasewindow.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Serambi;
using namespace Serambi::Test;

namespace {

const QString Question = QStringLiteral("kak jual voucher game online gak?");
const QString Reply = QStringLiteral("Maaf Kak, kami tidak menjual voucher game.");

QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int row = 0; row < list->count(); ++row)
        out.append(list->item(row)->text());
    return out;
}

} // namespace

class TestKnowledgeBaseWindow : public QObject, public Test::WindowFixture
{
    Q_OBJECT

private:
    // The customer asks what no article answers; the AI abstains and the agent answers.
    bool agentAnswersWhatTheAiCouldNot()
    {
        ProtocolClient agent;
        if (!agent.signIn(m_loop->agentsUrl(), Agent, AgentPassword) ||
            agent.subscribe(0).isEmpty())
            return false;
        m_loop->customerWrites(QStringLiteral("6281234567009"), Question);
        const QJsonObject draft = agent.waitForEvent([](const QJsonObject &event) {
            const QJsonObject data = event.value(QLatin1String("data")).toObject();
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("draft.updated") &&
                   data.value(QLatin1String("state")).toString() == QLatin1String("pending");
        });
        const QJsonObject data = draft.value(QLatin1String("data")).toObject();
        if (!data.value(QLatin1String("sources")).toArray().isEmpty())
            return false;
        const QJsonObject sent = agent.command(
            QStringLiteral("send_text"),
            {{QLatin1String("conversation_id"), data.value(QLatin1String("conversation_id"))},
             {QLatin1String("text"), Reply}});
        return sent.value(QLatin1String("ok")).toBool();
    }

    Ui::KnowledgeBaseWindow *openKnowledgeBase()
    {
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        return m_window->findChild<Ui::KnowledgeBaseWindow *>(
            QStringLiteral("knowledgeBaseWindow"));
    }

    void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SERAMBI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        // Lay the window out for the texts of the language just switched to, as the event loop
        // would before painting.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.defaultAiMode = QStringLiteral("draft");
        QString report;
        QTextStream out(&report);
        QTextStream err(&report);
        QCOMPARE(Relay::importKnowledgeBase(config, QStringLiteral(SERAMBI_DEMO_KB), out, err), 0);
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldTurnASuggestionIntoAnArticleTheDrafterUsesAtOnce()
    {
        QVERIFY(agentAnswersWhatTheAiCouldNot());
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::KnowledgeBaseWindow *kb = openKnowledgeBase();
        QVERIFY(kb);
        QVERIFY(kb->isVisible());
        auto *articles = kb->findChild<QListWidget *>(QStringLiteral("kbArticleList"));
        QTRY_VERIFY_WITH_TIMEOUT(articles->count() > 5, Timeout);
        QVERIFY(texts(articles).filter(QStringLiteral("never used")).size() == articles->count());

        // Search narrows the list.
        auto *search = kb->findChild<QLineEdit *>(QStringLiteral("kbSearchEdit"));
        QTest::keyClicks(search, QStringLiteral("ongkir"));
        QVERIFY(articles->count() >= 1);
        QVERIFY(articles->count() < 5);
        search->clear();

        // The agent's answer is a suggestion; it becomes a new article.
        auto *groups = kb->findChild<QListWidget *>(QStringLiteral("kbSuggestionList"));
        QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 1, Timeout);
        QVERIFY(groups->item(0)->text().endsWith(QStringLiteral("asked: ") + Question));
        groups->setCurrentRow(0);
        kb->findChild<QTabWidget *>()->setCurrentIndex(1);
        QVERIFY(
            kb->findChild<QLabel *>(QStringLiteral("kbSuggestionDetail"))->text().contains(Reply));
        saveScreenshot(kb, QStringLiteral("knowledge-base-suggestions-en.png"));
        QTest::mouseClick(kb->findChild<QPushButton *>(QStringLiteral("kbFromSuggestionButton")),
                          Qt::LeftButton);
        auto *id = kb->findChild<QLineEdit *>(QStringLiteral("kbIdEdit"));
        auto *title = kb->findChild<QLineEdit *>(QStringLiteral("kbTitleEdit"));
        QCOMPARE(kb->findChild<QPlainTextEdit *>(QStringLiteral("kbQuestionsEdit"))->toPlainText(),
                 Question);
        QCOMPARE(kb->findChild<QPlainTextEdit *>(QStringLiteral("kbBodyEdit"))->toPlainText(),
                 Reply);
        id->setText(QStringLiteral("voucher-game"));
        title->setText(QStringLiteral("Voucher game"));
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        auto *status = kb->findChild<QLabel *>(QStringLiteral("kbStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Saved")), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            texts(articles).contains(QStringLiteral("Voucher game — never used")), Timeout);
        auto *history = kb->findChild<QListWidget *>(QStringLiteral("kbHistoryList"));
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 1, Timeout);
        QVERIFY(
            history->item(0)->text().contains(QStringLiteral("saved by %1").arg(SupervisorName)));

        // "Try it" answers from the new article.
        auto *tryEdit = kb->findChild<QLineEdit *>(QStringLiteral("kbTryEdit"));
        QTest::keyClicks(tryEdit, QStringLiteral("jual voucher game?"));
        QTest::keyClick(tryEdit, Qt::Key_Return);
        auto *result = kb->findChild<QLabel *>(QStringLiteral("kbTryResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("\"Voucher game\"")),
                                 Timeout);
        saveScreenshot(kb, QStringLiteral("knowledge-base-en.png"));
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Basis pengetahuan"));
        saveScreenshot(kb, QStringLiteral("knowledge-base-id.png"));
        m_language->apply(QStringLiteral("en"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Knowledge base"));

        // Deleting asks first.
        QTimer answer;
        bool asked = false;
        connect(&answer, &QTimer::timeout, this, [&asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked = true;
                box->button(QMessageBox::Yes)->click();
            }
        });
        answer.start(20);
        QTest::mouseClick(kb->findChild<QPushButton *>(QStringLiteral("kbDeleteButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !texts(articles).contains(QStringLiteral("Voucher game — never used")), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Deleted."), Timeout);
        QVERIFY(asked);
    }

    void shouldRestoreAnOlderVersionAndUndoIt()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::KnowledgeBaseWindow *kb = openKnowledgeBase();
        QVERIFY(kb);
        auto *articles = kb->findChild<QListWidget *>(QStringLiteral("kbArticleList"));
        QTRY_VERIFY_WITH_TIMEOUT(articles->count() > 5, Timeout);
        for (int row = 0; row < articles->count(); ++row) {
            if (articles->item(row)->toolTip() == QLatin1String("cod"))
                articles->setCurrentRow(row);
        }
        auto *body = kb->findChild<QPlainTextEdit *>(QStringLiteral("kbBodyEdit"));
        auto *history = kb->findChild<QListWidget *>(QStringLiteral("kbHistoryList"));
        auto *status = kb->findChild<QLabel *>(QStringLiteral("kbStatusLabel"));
        QVERIFY(body->toPlainText().startsWith(QStringLiteral("Bisa")));
        const QString first = QStringLiteral("Bisa, {sapaan}. COD untuk Jabodetabek saja.");
        const QString second = QStringLiteral("Maaf {sapaan}, COD sedang tidak tersedia.");
        for (const QString &text : {first, second}) {
            const int before = history->count();
            body->setPlainText(text);
            QTest::keyClick(body, Qt::Key_S, Qt::ControlModifier);
            QTRY_COMPARE_WITH_TIMEOUT(history->count(), before + 1, Timeout);
        }

        // The older version is shown, not yet restored.
        history->setCurrentRow(1);
        auto *preview = kb->findChild<QTextBrowser *>(QStringLiteral("kbBodyPreview"));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Jabodetabek saja")));
        QCOMPARE(body->toPlainText(), second);
        const QString firstVersion = history->item(1)->text().section(QLatin1Char(','), 0, 0);
        const QString secondVersion = history->item(0)->text().section(QLatin1Char(','), 0, 0);
        saveScreenshot(kb, QStringLiteral("knowledge-base-versions-en.png"));
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Basis pengetahuan"));
        saveScreenshot(kb, QStringLiteral("knowledge-base-versions-id.png"));
        m_language->apply(QStringLiteral("en"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Knowledge base"));

        // Alt+O restores it: a new version, and the drafter answers with it.
        QTest::keyClick(kb, Qt::Key_O, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 3, Timeout);
        QVERIFY2(
            history->item(0)->text().contains(
                QStringLiteral("restored from %1 by %2")
                    .arg(firstVersion.section(QLatin1Char(' '), 0, 1).toLower(), SupervisorName)),
            qPrintable(history->item(0)->text()));
        QVERIFY(status->text().contains(QStringLiteral("restored")));
        QCOMPARE(body->toPlainText(), first);
        auto *tryEdit = kb->findChild<QLineEdit *>(QStringLiteral("kbTryEdit"));
        auto *result = kb->findChild<QLabel *>(QStringLiteral("kbTryResult"));
        QTest::keyClicks(tryEdit, QStringLiteral("bisa COD?"));
        QTest::keyClick(tryEdit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Jabodetabek saja")),
                                 Timeout);

        // Alt+U undoes the restore: the version that was the newest is back.
        QTest::keyClick(kb, Qt::Key_U, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 4, Timeout);
        QVERIFY2(history->item(0)->text().contains(
                     QStringLiteral("restored from %1")
                         .arg(secondVersion.section(QLatin1Char(' '), 0, 1).toLower())),
                 qPrintable(history->item(0)->text()));
        QCOMPARE(body->toPlainText(), second);
        QTest::keyClick(tryEdit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("tidak tersedia")),
                                 Timeout);
        QVERIFY(!kb->findChild<QPushButton *>(QStringLiteral("kbUndoRestoreButton"))->isEnabled());
    }

    void shouldTurnAQuestionThatMatchedNoArticleIntoOne()
    {
        QVERIFY(agentAnswersWhatTheAiCouldNot());
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::KnowledgeBaseWindow *kb = openKnowledgeBase();
        QVERIFY(kb);
        auto *articles = kb->findChild<QListWidget *>(QStringLiteral("kbArticleList"));
        QTRY_VERIFY_WITH_TIMEOUT(articles->count() > 5, Timeout);
        QTest::keyClick(kb, Qt::Key_P, Qt::AltModifier); // the Gaps tab
        auto *unused = kb->findChild<QListWidget *>(QStringLiteral("kbUnusedList"));
        auto *unanswered = kb->findChild<QListWidget *>(QStringLiteral("kbUnansweredList"));
        QTRY_COMPARE_WITH_TIMEOUT(unanswered->count(), 1, Timeout);
        QCOMPARE(unanswered->item(0)->text(), QStringLiteral("1×: ") + Question);
        QCOMPARE(unused->count(), articles->count()); // no draft cited any demo article
        saveScreenshot(kb, QStringLiteral("knowledge-base-gaps-en.png"));
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Basis pengetahuan"));
        saveScreenshot(kb, QStringLiteral("knowledge-base-gaps-id.png"));
        m_language->apply(QStringLiteral("en"));
        QTRY_COMPARE(kb->windowTitle(), QStringLiteral("Knowledge base"));

        unanswered->setCurrentRow(0);
        QTest::mouseClick(kb->findChild<QPushButton *>(QStringLiteral("kbFromQuestionButton")),
                          Qt::LeftButton);
        auto *tabs = kb->findChild<QTabWidget *>();
        QCOMPARE(tabs->currentIndex(), 0);
        auto *title = kb->findChild<QLineEdit *>(QStringLiteral("kbTitleEdit"));
        QCOMPARE(title->text(), Question);
        QCOMPARE(kb->findChild<QPlainTextEdit *>(QStringLiteral("kbQuestionsEdit"))->toPlainText(),
                 Question);
        kb->findChild<QLineEdit *>(QStringLiteral("kbIdEdit"))->setText(QStringLiteral("voucher"));
        kb->findChild<QPlainTextEdit *>(QStringLiteral("kbBodyEdit"))->setPlainText(Reply);
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        auto *status = kb->findChild<QLabel *>(QStringLiteral("kbStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Saved")), Timeout);

        // The drafter answers it now: it is no longer a gap.
        tabs->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(unanswered->count(), 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(unused->count(), articles->count(), Timeout);
    }

    void shouldImportAFolderAfterShowingWhatChanges()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        auto write = [&folder](const QString &name, const QByteArray &text) {
            QFile file(folder.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        QVERIFY(write(QStringLiteral("garansi.md"),
                      "---\nid: garansi\ntitle: Garansi toko\n---\nGaransi 7 hari, Kak.\n"));
        QVERIFY(write(QStringLiteral("cod.md"), "---\nid: cod\ntitle: Bayar di tempat (COD)\n"
                                                "---\nCOD hanya untuk Jabodetabek.\n"));
        QVERIFY(write(QStringLiteral("rusak.md"), "tanpa front matter\n"));
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::KnowledgeBaseWindow *kb = openKnowledgeBase();
        QVERIFY(kb);
        auto *articles = kb->findChild<QListWidget *>(QStringLiteral("kbArticleList"));
        QTRY_VERIFY_WITH_TIMEOUT(articles->count() > 5, Timeout);
        const int before = articles->count();

        // The preview: cancelled in Indonesian, then imported in English.
        QString shown;
        bool importIt = false;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("kbImportPreview"))
                return;
            shown = box->text() + QLatin1Char('\n') + box->informativeText();
            saveScreenshot(box, importIt ? QStringLiteral("knowledge-base-import-en.png")
                                         : QStringLiteral("knowledge-base-import-id.png"));
            QAbstractButton *button =
                importIt ? box->buttons().constFirst() : box->button(QMessageBox::Cancel);
            if (importIt) {
                for (QAbstractButton *candidate : box->buttons())
                    if (box->buttonRole(candidate) == QMessageBox::AcceptRole)
                        button = candidate;
            }
            button->click();
        });
        answer.start(20);
        m_language->apply(QStringLiteral("id"));
        kb->importFrom(folder.path());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), Timeout);
        QVERIFY2(shown.startsWith(QStringLiteral("1 baru, 1 berubah")), qPrintable(shown));
        QCOMPARE(articles->count(), before);
        m_language->apply(QStringLiteral("en"));
        shown.clear();
        importIt = true;
        kb->importFrom(folder.path());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), Timeout);
        QVERIFY2(shown.contains(QStringLiteral("1 new, 1 changed")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("• Garansi toko (garansi)")));
        QVERIFY(shown.contains(QStringLiteral("• Bayar di tempat (COD) (cod)")));
        QVERIFY(shown.contains(QStringLiteral("rusak.md:1: no front matter")));
        auto *status = kb->findChild<QLabel *>(QStringLiteral("kbStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Imported: 1 new")),
                                 Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(articles->count(), before + 1, Timeout);

        // Who imported the changed article is in its history.
        for (int row = 0; row < articles->count(); ++row) {
            if (articles->item(row)->toolTip() == QLatin1String("cod"))
                articles->setCurrentRow(row);
        }
        auto *history = kb->findChild<QListWidget *>(QStringLiteral("kbHistoryList"));
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 1, Timeout);
        QVERIFY(
            history->item(0)->text().contains(QStringLiteral("saved by %1").arg(SupervisorName)));

        // A folder without articles is a clear error.
        QTemporaryDir empty;
        kb->importFrom(empty.path());
        QVERIFY(status->text().startsWith(QStringLiteral("No .md or .csv files")));
    }

    void shouldShowRefusedArticlesInTheUsersLanguage()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::KnowledgeBaseWindow *kb = openKnowledgeBase();
        QVERIFY(kb);
        m_language->apply(QStringLiteral("id"));
        kb->findChild<QLineEdit *>(QStringLiteral("kbIdEdit"))->setText(QStringLiteral("Bad Id"));
        kb->findChild<QLineEdit *>(QStringLiteral("kbTitleEdit"))->setText(QStringLiteral("Judul"));
        kb->findChild<QPlainTextEdit *>(QStringLiteral("kbBodyEdit"))
            ->setPlainText(QStringLiteral("Isi"));
        QTest::mouseClick(kb->findChild<QPushButton *>(QStringLiteral("kbSaveButton")),
                          Qt::LeftButton);
        auto *status = kb->findChild<QLabel *>(QStringLiteral("kbStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Relay menolak")),
                                 Timeout);
        kb->findChild<QLineEdit *>(QStringLiteral("kbTitleEdit"))->clear();
        QTest::mouseClick(kb->findChild<QPushButton *>(QStringLiteral("kbSaveButton")),
                          Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("Artikel perlu ID, judul, dan teks."));
    }

    void shouldOfferNoKnowledgeBaseToAgents()
    {
        QVERIFY(signIn(Agent, AgentPassword));
        QVERIFY(!openKnowledgeBase());
    }
};

QTEST_MAIN(TestKnowledgeBaseWindow)
#include "tst_knowledgebasewindow.moc"
