// Labels in the console's window, driven like a supervisor and an agent would against a real
// relay and the WhatsApp simulator on loopback: the Manage labels dialog (Ctrl+Alt+L) adds,
// refuses a duplicate and deletes after a confirmation; Ctrl+Shift+L puts a label on the open
// chat from the keyboard; the chat's chips show in its list row and its header; the label filter
// narrows the list; an agent gets no dialog; the dialog speaks Indonesian.
#include "app/consolecontroller.h"
#include "app/conversationfilterproxy.h"
#include "app/conversationlistmodel.h"
#include "app/labels.h"
#include "app/memorycredentialstore.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "support/window/windowfixture.h"
#include "ui/conversationdelegate.h"
#include "ui/languageswitcher.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Test;
using Roles = App::ConversationListModel::Roles;

namespace {
const QString OtherWaId = QStringLiteral("6281234567008");
const QString OtherName = QStringLiteral("Tono Wibowo");
} // namespace

class TestLabelsWindow : public QObject, public WindowFixture
{
    Q_OBJECT

private:
    QDialog *labelsDialog() const { return child<QDialog>("labelsDialog"); }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldManageLabelsPutOneOnTheChatAndFilterByIt()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));

        // Ctrl+Alt+L: add a label with a colour.
        press(Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(labelsDialog() && labelsDialog()->isVisible(), Timeout);
        QDialog *dialog = labelsDialog();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("labelNameEdit"));
        auto *color = dialog->findChild<QComboBox *>(QStringLiteral("labelColorCombo"));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("labelSaveButton"));
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("labelStatusLabel"));
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("labelList"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("A label needs a name."));
        name->setText(QStringLiteral("VIP"));
        color->setCurrentIndex(1);
        QCOMPARE(color->currentText(), QStringLiteral("Orange"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, Timeout);
        QCOMPARE(list->item(0)->text(), QStringLiteral("VIP"));
        QCOMPARE(status->text(), QStringLiteral("Saved “VIP”."));
        QCOMPARE(m_controller->labels()->all().first().color, QStringLiteral("#f29900"));
        // A second label of the same name, in another case, is refused before it is sent.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("labelNewButton")),
                          Qt::LeftButton);
        name->setText(QStringLiteral("vip"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("Another label is already called “VIP”."));
        QCOMPARE(m_controller->labels()->all().size(), 1);
        dialog->accept();

        // Two customers; Ctrl+Shift+L on the open chat, then Down and Enter, labels it.
        QVERIFY(!customerWrites(QStringLiteral("Saya pelanggan lama")).isEmpty());
        QVERIFY(!customerWrites(QStringLiteral("Halo"), OtherWaId, OtherName).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0 && chatOf(OtherName) != 0, Timeout);
        const qint64 chat = chatOf(CustomerName);
        m_controller->openConversation()->open(chat);
        press(Qt::Key_L);
        QMenu *menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr, Timeout);
        QCOMPARE(menu->objectName(), QStringLiteral("labelMenu"));
        QVERIFY(!menu->actions().first()->isChecked());
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);

        // The chip shows in the header and in the list row.
        auto *header = child<QWidget>("labelChipRow");
        QTRY_VERIFY_WITH_TIMEOUT(header->isVisible(), Timeout);
        const auto chips = header->findChildren<QLabel *>(QStringLiteral("labelChip"));
        QCOMPARE(chips.size(), 1);
        QCOMPARE(chips.first()->text(), QStringLiteral("VIP"));
        auto *all = child<QListView>("allList");
        child<QTabWidget>("filterTabs")->setCurrentWidget(all);
        const QModelIndex row =
            all->model()->match(all->model()->index(0, 0), Roles::IdRole, chat).value(0);
        QVERIFY(Ui::ConversationDelegate::summary(row).contains(QStringLiteral("Labels: VIP")));

        // The label filter next to the search keeps only that chat.
        QCOMPARE(all->model()->rowCount(), 2);
        auto *filter = child<QComboBox>("labelFilterCombo");
        QCOMPARE(filter->itemText(0), QStringLiteral("All labels"));
        filter->setCurrentIndex(filter->findText(QStringLiteral("VIP")));
        QCOMPARE(all->model()->rowCount(), 1);
        QCOMPARE(all->model()->index(0, 0).data(Roles::IdRole).toLongLong(), chat);
        filter->setCurrentIndex(0);
        QCOMPARE(all->model()->rowCount(), 2);

        // Delete after a confirmation: the chip leaves the chat.
        press(Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(labelsDialog() && labelsDialog()->isVisible(), Timeout);
        dialog = labelsDialog();
        list = dialog->findChild<QListWidget *>(QStringLiteral("labelList"));
        list->setCurrentRow(0);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("labelDeleteButton")),
                          Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((confirm = dialog->findChild<QMessageBox *>(
                                      QStringLiteral("labelDeleteConfirm"))) != nullptr,
                                 Timeout);
        QVERIFY(confirm->text().contains(QStringLiteral("“VIP”")));
        QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!header->isVisible(), Timeout);
        QCOMPARE(filter->count(), 1);
    }

    void shouldOfferAnAgentLabelsButNoDialog()
    {
        QVERIFY(signIn(Agent, AgentPassword));
        // Budi, at his own console, adds a label; Ayu's console learns of it.
        App::MemoryCredentialStore credentials;
        App::RelayClient client;
        App::ConsoleOptions options;
        options.dataDirectory = m_loop->dataPath(QStringLiteral("supervisor-console"));
        App::ConsoleController supervisor(&client, &credentials, options);
        supervisor.session()->signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(supervisor.session()->connectionStatus().state,
                                  App::ConnectionState::Online, Timeout);
        QVERIFY(
            supervisor.labels()->save(0, QStringLiteral("Komplain"), QStringLiteral("#d93025")));
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->labels()->all().size(), 1, Timeout);

        press(Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
        QTest::qWait(200);
        QVERIFY(!labelsDialog());

        QVERIFY(!customerWrites(QStringLiteral("Barang rusak")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        m_controller->openConversation()->open(chatOf(CustomerName));
        press(Qt::Key_L);
        QMenu *menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr, Timeout);
        QStringList entries;
        for (const QAction *action : menu->actions())
            entries.append(action->text());
        QCOMPARE(entries, QStringList{QStringLiteral("Komplain")}); // no "Manage labels…"
        menu->close();
    }

    void shouldManageLabelsInIndonesian()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        m_language->apply(QStringLiteral("id"));
        press(Qt::Key_L, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(labelsDialog() && labelsDialog()->isVisible(), Timeout);
        QCOMPARE(labelsDialog()->windowTitle(), QStringLiteral("Kelola label"));
        QTest::mouseClick(
            labelsDialog()->findChild<QPushButton *>(QStringLiteral("labelSaveButton")),
            Qt::LeftButton);
        QCOMPARE(labelsDialog()->findChild<QLabel *>(QStringLiteral("labelStatusLabel"))->text(),
                 QStringLiteral("Label perlu nama."));
        QTRY_COMPARE(child<QComboBox>("labelFilterCombo")->itemText(0),
                     QStringLiteral("Semua label"));
    }
};

QTEST_MAIN(TestLabelsWindow)
#include "tst_labelswindow.moc"
