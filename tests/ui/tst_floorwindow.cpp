// The supervisors' floor and the transfer dialog in the console's window, driven from the
// keyboard against a real relay and the WhatsApp simulator on loopback: a chat routed to the
// Komplain team shows in that queue with its wait and reason, Ayu shows online with her team,
// and Ctrl+Enter gives her the chat; an agent hands her chat to a team's queue with a note
// (Ctrl+Shift+X); agents get no floor; the floor speaks Indonesian.
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/openconversation.h"
#include "app/session.h"
#include "config/channelconfig.h"
#include "service/teamadmin.h"
#include "support/protocolclient.h"
#include "support/window/windowfixture.h"
#include "ui/languageswitcher.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextStream>
#include <QTreeWidget>

using namespace Serambi;
using namespace Serambi::Test;
using Roles = App::ConversationListModel::Roles;

namespace {
const QString Team = QStringLiteral("Komplain");
const QString Complaint = QStringLiteral("Barang saya rusak, saya mau bicara dengan admin");
} // namespace

class TestFloorWindow : public QObject, public WindowFixture
{
    Q_OBJECT

private:
    bool team(const QStringList &args)
    {
        QString text;
        QTextStream out(&text);
        QTextStream err(&text);
        const bool ok = Relay::runTeamAdmin(m_loop->relayConfig(), args, out, err) == 0;
        if (!ok)
            qWarning() << text;
        return ok;
    }

    QDialog *floorWindow() const
    {
        return m_window->findChild<QDialog *>(QStringLiteral("floorWindow"));
    }

    // The row of tree whose first column is text; nullptr when there is none.
    static QTreeWidgetItem *rowNamed(QTreeWidget *tree, const QString &text)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == text)
                return tree->topLevelItem(i);
        }
        return nullptr;
    }

    QString chatData(qint64 id, int role) const
    {
        const auto *list = m_controller->conversationList();
        const int row = list->rowOf(id);
        return row < 0 ? QString() : list->index(row).data(role).toString();
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.routeKeywords = {{QStringLiteral("rusak"), Team}};
        // A second WhatsApp number, so chats say which one the customer wrote to.
        config.mainLabel = QStringLiteral("Toko");
        config.mainColour = QStringLiteral("#25d366");
        Relay::ChannelConfig service;
        service.name = QStringLiteral("service");
        service.label = QStringLiteral("Servis");
        service.graphUrl = config.graphUrl;
        service.phoneNumberId = QStringLiteral("209876543210");
        service.appSecret = "service-app-secret";
        service.verifyToken = "service-verify-token";
        service.graphToken = "service-graph-token";
        config.channels = {service};
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        QVERIFY(team({QStringLiteral("add"), Team}));
        QVERIFY(team({QStringLiteral("member"), QStringLiteral("add"), Team, Agent}));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldShowTheQueueAndAssignAWaitingChatFromTheKeyboard()
    {
        ProtocolClient ayu; // Ayu is at her desk: her console is signed in
        QVERIFY(ayu.signIn(m_loop->agentsUrl(), Agent, AgentPassword));
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QVERIFY(!customerWrites(Complaint).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        const qint64 chat = chatOf(CustomerName);
        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::TeamRole), Team, Timeout);

        press(Qt::Key_F);
        QTRY_VERIFY_WITH_TIMEOUT(floorWindow() && floorWindow()->isVisible(), Timeout);
        QDialog *floor = floorWindow();
        auto *agents = floor->findChild<QTreeWidget *>(QStringLiteral("floorAgentList"));
        auto *queues = floor->findChild<QTreeWidget *>(QStringLiteral("floorQueueList"));
        auto *waiting = floor->findChild<QTreeWidget *>(QStringLiteral("floorWaitingList"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(agents, AgentName), Timeout);
        QTreeWidgetItem *ayuRow = rowNamed(agents, AgentName);
        QCOMPARE(ayuRow->text(1), QStringLiteral("● Online"));
        QCOMPARE(ayuRow->text(2), Team);
        QCOMPARE(ayuRow->text(3), QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(waiting, CustomerName), Timeout);
        QCOMPARE(rowNamed(waiting, CustomerName)->text(1), Team);
        QCOMPARE(rowNamed(waiting, CustomerName)->text(3), QStringLiteral("asked for a person"));
        QVERIFY(rowNamed(queues, Team));
        QCOMPARE(rowNamed(queues, Team)->text(1), QStringLiteral("1"));
        QCOMPARE(rowNamed(queues, QStringLiteral("No team"))->text(1), QStringLiteral("0"));

        // Select Ayu, then Ctrl+Enter gives her the waiting chat (selected first by default).
        agents->setCurrentItem(ayuRow);
        floor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(floor));
        QTest::keyClick(agents, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::AssigneeRole), Agent, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(waiting->topLevelItemCount(), 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(rowNamed(agents, AgentName)->text(3), QStringLiteral("1"),
                                  Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(rowNamed(queues, Team)->text(1), QStringLiteral("0"), Timeout);
    }

    void shouldHandAChatToATeamsQueueWithANote()
    {
        QVERIFY(signIn(Agent, AgentPassword));
        QVERIFY(!customerWrites(QStringLiteral("Halo, mau tanya ongkir")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        const qint64 chat = chatOf(CustomerName);
        m_controller->openConversation()->open(chat);
        QVERIFY(m_controller->openConversation()->takeOver());
        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::AssigneeRole), Agent, Timeout);

        // No floor for agents.
        press(Qt::Key_F);
        QTest::qWait(200);
        QVERIFY(!floorWindow());

        press(Qt::Key_X);
        QDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_window->findChild<QDialog *>(QStringLiteral("transferDialog"))) &&
                dialog->isVisible(),
            Timeout);
        auto *targets = dialog->findChild<QListWidget *>(QStringLiteral("transferTargetList"));
        QTRY_COMPARE_WITH_TIMEOUT(targets->count(), 1, Timeout); // the team; Ayu is not offered
        QCOMPARE(targets->item(0)->text(), QStringLiteral("Team Komplain · members: 1"));
        auto *note = dialog->findChild<QPlainTextEdit *>(QStringLiteral("transferNoteEdit"));
        const QString text = QStringLiteral("Pelanggan minta tukar barang, sudah kirim foto");
        note->setFocus();
        QTest::keyClicks(note, text);
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);

        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::TeamRole), Team, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::StateRole), QStringLiteral("queued"),
                                  Timeout);
        ProtocolClient supervisor;
        QVERIFY(supervisor.signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword));
        const QJsonObject notes = supervisor.command(QStringLiteral("list_notes"),
                                                     {{QLatin1String("conversation_id"), chat}});
        const QJsonArray list =
            notes.value(QLatin1String("data")).toObject().value(QLatin1String("notes")).toArray();
        QVERIFY2(!list.isEmpty(), "the transfer note was not stored");
        QCOMPARE(list.last().toObject().value(QLatin1String("text")).toString(), text);
    }

    void shouldShowTheChannelAndTheTeamOfAChatInItsHeader()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QVERIFY(!customerWrites(Complaint).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        const qint64 chat = chatOf(CustomerName);
        QTRY_COMPARE_WITH_TIMEOUT(chatData(chat, Roles::TeamRole), Team, Timeout);
        m_controller->openConversation()->open(chat);
        auto *channel = child<QLabel>("conversationChannelLabel");
        QTRY_VERIFY_WITH_TIMEOUT(channel->isVisible(), Timeout);
        QCOMPARE(channel->text(), QStringLiteral("via Toko"));
        QCOMPARE(channel->palette().color(QPalette::WindowText), QColor(QStringLiteral("#25d366")));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("conversationStateLabel")
                                     ->text()
                                     .endsWith(QStringLiteral(" · team Komplain")),
                                 Timeout);
    }

    void shouldFilterTheListByWhatsAppNumber()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QVERIFY(!customerWrites(Complaint).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        const qint64 chat = chatOf(CustomerName);
        auto *filter = child<QComboBox>("channelFilterCombo");
        QTRY_VERIFY_WITH_TIMEOUT(filter->isVisible(), Timeout);
        QCOMPARE(filter->count(), 3);
        QCOMPARE(filter->itemText(0), QStringLiteral("All numbers"));
        QCOMPARE(filter->itemText(1), QStringLiteral("Toko"));
        QCOMPARE(filter->itemText(2), QStringLiteral("Servis"));

        // The customer wrote to the shop's number: gone under Servis, back under Toko.
        auto *all = child<QListView>("allList");
        const auto listed = [all, chat] {
            return !all->model()
                        ->match(all->model()->index(0, 0), Roles::IdRole, chat, 1, Qt::MatchExactly)
                        .isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), Timeout);
        filter->setCurrentIndex(2);
        QVERIFY(!listed());
        filter->setCurrentIndex(1);
        QVERIFY(listed());
        filter->setCurrentIndex(0);
        QVERIFY(listed());
    }

    void shouldShowTheFloorInIndonesian()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        m_language->apply(QStringLiteral("id"));
        press(Qt::Key_F);
        QTRY_VERIFY_WITH_TIMEOUT(floorWindow() && floorWindow()->isVisible(), Timeout);
        QCOMPARE(floorWindow()->windowTitle(), QStringLiteral("Lantai layanan"));
        auto *queues = floorWindow()->findChild<QTreeWidget *>(QStringLiteral("floorQueueList"));
        QCOMPARE(queues->headerItem()->text(0), QStringLiteral("Antrean"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(queues, QStringLiteral("Tanpa tim")), Timeout);
        const QString dir = qEnvironmentVariable("SERAMBI_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(!customerWrites(Complaint).isEmpty());
            auto *waiting =
                floorWindow()->findChild<QTreeWidget *>(QStringLiteral("floorWaitingList"));
            QTRY_VERIFY_WITH_TIMEOUT(waiting->topLevelItemCount() == 1, Timeout);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QVERIFY(floorWindow()->grab().save(QDir(dir).filePath(QStringLiteral("floor-id.png"))));
        }
    }
};

QTEST_MAIN(TestFloorWindow)
#include "tst_floorwindow.moc"
