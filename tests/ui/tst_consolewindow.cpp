// The console's widgets driven like an agent would, against a real relay and the WhatsApp
// simulator on loopback: sign in through the dialog, see a customer's message, approve a draft
// and watch the Graph API receive it, take over, send with Enter, read a refusal in the user's
// language, switch language at runtime.
#include "app/attention.h"
#include "app/consolecontroller.h"
#include "app/conversationfilterproxy.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/mediacache.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/notes.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "bubblepoint.h"
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/testdata.h"
#include "support/window/windowfixture.h"
#include "ui/assigndialog.h"
#include "ui/connectionindicator.h"
#include "ui/consolesettings.h"
#include "ui/conversationdelegate.h"
#include "ui/conversationview.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/settingsdialog.h"
#include "ui/signindialog.h"
#include "ui/traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Serambi;
using namespace Serambi::Test;

namespace {
QModelIndex rowNamed(QAbstractItemModel *model, const QString &name)
{
    const QModelIndexList found = model->match(
        model->index(0, 0), App::ConversationListModel::NameRole, name, 1, Qt::MatchExactly);
    return found.value(0);
}

bool viewShowsText(QListView *view, const QString &text)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(App::MessageListModel::TextRole).toString() == text)
            return true;
    }
    return false;
}
} // namespace

class TestConsoleWindow : public QObject, public Test::WindowFixture
{
    Q_OBJECT

private:
    QString relayUrl() const { return m_loop->agentsUrl().toString(); }

    // The first message the Graph API received after request number before (read receipts,
    // which the console also causes, have no "type"); empty until there is one.
    QJsonObject messageSentAfter(int before) const
    {
        const auto requests = m_sim->requests().since(before);
        for (const Sim::RecordedRequest &request : requests) {
            const QJsonObject body = request.jsonBody();
            if (body.contains(QLatin1String("type")))
                return body;
        }
        return {};
    }

    // Signs in through the dialog the way an agent does.
    bool signInThroughDialog(const QString &password, const QString &username = Agent)
    {
        m_window->start();
        auto *dialog = m_window->signInDialog();
        if (!QTest::qWaitFor([dialog] { return dialog->isVisible(); }, Timeout))
            return false;
        dialog->findChild<QLineEdit *>(QStringLiteral("relayUrlEdit"))->setText(relayUrl());
        dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(username);
        dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        return true;
    }

    bool signIn(const QString &username = Agent, const QString &password = AgentPassword)
    {
        if (!signInThroughDialog(password, username))
            return false;
        auto *indicator = child<Ui::ConnectionIndicator>("connectionIndicator");
        return QTest::qWaitFor(
            [indicator] { return indicator->text() == QLatin1String("Connected"); }, Timeout);
    }

    // A webhook fixture (tests/data/webhooks/) as Meta would send it to this relay's number.
    bool metaDelivers(const QString &fixture)
    {
        QByteArray body = Test::readData(QStringLiteral("webhooks/%1.json").arg(fixture));
        body.replace("109876543210987", Test::LoopbackRelay::PhoneNumberId);
        return m_loop->postWebhook(body) == 200;
    }

    // The chat list's line for the customer named name, in words (its tooltip).
    QString listLine(const QString &name) const
    {
        auto *queue = child<QListView>("queueList");
        return Ui::ConversationDelegate::summary(rowNamed(queue->model(), name));
    }

    // The conversation view's row of wamid, in words (what a screen reader says).
    QString viewLine(const QString &wamid) const
    {
        auto *view = child<QListView>("messageView");
        QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(App::MessageListModel::WamidRole).toString() == wamid)
                return index.data(Qt::AccessibleTextRole).toString();
        }
        return {};
    }

    // Waits for the customer's chat in the queue and opens it by clicking it.
    bool clickCustomerChatInQueue(const QString &customerName = CustomerName)
    {
        auto *tabs = child<QTabWidget>("filterTabs");
        auto *queue = child<QListView>("queueList");
        tabs->setCurrentWidget(queue);
        QModelIndex index;
        if (!QTest::qWaitFor(
                [&] {
                    index = rowNamed(queue->model(), customerName);
                    return index.isValid();
                },
                Timeout))
            return false;
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, {}, queue->visualRect(index).center());
        auto *name = child<QLabel>("conversationNameLabel");
        return QTest::qWaitFor([name, customerName] { return name->text() == customerName; },
                               Timeout);
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("dewi"), QStringLiteral("Dewi Anggraini"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-dewi")));
        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldShowACustomersPhotoAfterARetriedDownload()
    {
        Sim::Fault fault;
        fault.kind = Sim::Fault::Kind::ServerError;
        fault.target = Sim::Fault::Target::MediaDownload;
        fault.count = 4; // every attempt the relay makes
        m_sim->faults().add(fault);
        QVERIFY(signIn());
        QString error;
        QVERIFY2(!m_sim->customers()
                      .sendMessage(CustomerWaId,
                                   {{QStringLiteral("type"), QStringLiteral("image")}}, &error,
                                   CustomerName)
                      .isEmpty(),
                 qPrintable(error));
        QVERIFY(clickCustomerChatInQueue());
        auto *view = child<Ui::ConversationView>("messageView");
        const auto photoRow = [view] {
            QAbstractItemModel *model = view->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex index = model->index(row, 0);
                if (index.data(App::MessageListModel::TypeRole).toString() ==
                    QLatin1String("image"))
                    return index;
            }
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(photoRow().isValid(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(photoRow()
                                     .data(Qt::AccessibleTextRole)
                                     .toString()
                                     .contains(QStringLiteral("could not be downloaded")),
                                 Timeout);
        const QPoint retry = Test::bubblePoint(view, photoRow(), Ui::Bubbles::Action::RetryMedia);
        QVERIFY(!retry.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry);
        // The relay downloads it again, the console fetches it with its session and shows it.
        QTRY_COMPARE_WITH_TIMEOUT(photoRow().data(App::MessageListModel::MediaStateRole).toString(),
                                  QStringLiteral("ready"), Timeout);
        const QString key = photoRow().data(App::MessageListModel::MediaKeyRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->mediaCache()->thumbnail(key).isNull(), Timeout);
        QVERIFY(!Test::bubblePoint(view, photoRow(), Ui::Bubbles::Action::OpenMedia).isNull());
        QVERIFY(Test::bubblePoint(view, photoRow(), Ui::Bubbles::Action::RetryMedia).isNull());
    }

    void shouldSignInThroughTheDialogAndSayConnected()
    {
        QVERIFY(signInThroughDialog(AgentPassword));
        auto *indicator = child<Ui::ConnectionIndicator>("connectionIndicator");
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Connected"), Timeout);
        QTRY_VERIFY(!m_window->signInDialog()->isVisible());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Ayu Lestari")));
    }

    void shouldExplainAWrongPasswordInTheDialogInIndonesian()
    {
        m_language->apply(QStringLiteral("id"));
        QVERIFY(signInThroughDialog(QStringLiteral("salah")));
        auto *error =
            m_window->signInDialog()->findChild<QLabel *>(QStringLiteral("signInErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Timeout);
        QCOMPARE(error->text(),
                 QStringLiteral("Nama pengguna atau kata sandi salah, atau sesi Anda sudah "
                                "berakhir."));
        QVERIFY(m_window->signInDialog()->isVisible());
    }

    void shouldShowACustomerMessageInTheListAndTheConversation()
    {
        QVERIFY(signIn());
        const QString text = QStringLiteral("Halo kak, paket saya belum sampai 😢");
        QVERIFY(!customerWrites(text).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *queue = child<QListView>("queueList");
        const QModelIndex row = rowNamed(queue->model(), CustomerName);
        QCOMPARE(row.data(App::ConversationListModel::PreviewRole).toString(), text);
        auto *view = child<QListView>("messageView");
        QTRY_VERIFY_WITH_TIMEOUT(viewShowsText(view, text), Timeout);
    }

    void shouldSendTheApprovedDraftToTheGraphApi()
    {
        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Kak, ongkir ke Bandung berapa?")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *panel = child<QWidget>("draftPanel");
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), Timeout);
        const QString draft = child<QLabel>("draftText")->text();
        QVERIFY(!draft.isEmpty());
        QVERIFY(!child<QLabel>("draftFallbackLabel")->isVisible());

        const int before = m_sim->requests().lastSeq();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(child<QListView>("messageView"), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!messageSentAfter(before).isEmpty(), Timeout);
        const QJsonObject body = messageSentAfter(before);
        QCOMPARE(body.value(QLatin1String("to")).toString(), QLatin1Char('+') + CustomerWaId);
        QCOMPARE(
            body.value(QLatin1String("text")).toObject().value(QLatin1String("body")).toString(),
            draft);
        // The approved draft is gone for good: the panel stays hidden once the sent message
        // (and the conversation update it caused) reached the console.
        QTRY_VERIFY_WITH_TIMEOUT(viewShowsText(child<QListView>("messageView"), draft), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), Timeout);
        QVERIFY(!m_controller->inbox()->draft(m_controller->openConversation()->id()).has_value());
    }

    void shouldSayWhenTheOfflineAssistantWroteTheDraft()
    {
        // An LLM provider nobody answers at: the relay's offline drafter writes the draft.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_loop->stopRelay();
        Relay::RelayConfig config = m_loop->relayConfig();
        config.llmBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        config.llmBaseUrlSet = true;
        QString error;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));

        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Kak, ongkir ke Bandung berapa?")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *note = child<QLabel>("draftFallbackLabel");
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), Timeout);
        QCOMPARE(note->text(),
                 QStringLiteral("Written by the offline assistant: the AI service did not answer"));
        QVERIFY(!child<QLabel>("draftText")->text().isEmpty());
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(note->text(),
                     QStringLiteral("Ditulis oleh asisten offline: layanan AI tidak menjawab"));
    }

    void shouldTakeOverAndListTheChatAsMine()
    {
        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Bisa bicara dengan admin?")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *takeOver = child<QPushButton>("takeOverButton");
        QVERIFY(takeOver->isEnabled());
        QTest::mouseClick(takeOver, Qt::LeftButton);
        auto *mine = child<QListView>("mineList");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(mine->model(), CustomerName).isValid(), Timeout);
        QTRY_COMPARE(child<QLabel>("conversationStateLabel")->text(), QStringLiteral("Mine"));
        QVERIFY(!takeOver->isEnabled());
        QVERIFY(child<QPushButton>("handBackButton")->isEnabled());
    }

    void shouldSendTheComposerTextWithEnterAndKeepShiftEnterAsANewLine()
    {
        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Toko buka sampai jam berapa?")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *composer = child<QPlainTextEdit>("composer");
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("Sampai jam 9 malam, Kak."));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("Terima kasih "));
        composer->insertPlainText(QStringLiteral("🙏")); // QTest types ASCII only
        const QString expected = QStringLiteral("Sampai jam 9 malam, Kak.\nTerima kasih 🙏");
        QCOMPARE(composer->toPlainText(), expected);

        const int before = m_sim->requests().lastSeq();
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!messageSentAfter(before).isEmpty(), Timeout);
        QCOMPARE(messageSentAfter(before)
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body"))
                     .toString(),
                 expected);
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(viewShowsText(child<QListView>("messageView"), expected), Timeout);
    }

    void shouldKeepWhatWasTypedInEachChatAndClearItOnceSent()
    {
        QVERIFY(signIn());
        const QString other = QStringLiteral("Pelanggan Lain");
        QVERIFY(!customerWrites(QStringLiteral("Halo, ada yang bisa bantu?")).isEmpty());
        QVERIFY(!customerWrites(QStringLiteral("Permisi"), QStringLiteral("6281200000099"), other)
                     .isEmpty());
        App::ConversationListModel *list = m_controller->conversationList();
        QTRY_VERIFY_WITH_TIMEOUT(
            rowNamed(list, CustomerName).isValid() && rowNamed(list, other).isValid(), Timeout);
        const qint64 first =
            rowNamed(list, CustomerName).data(App::ConversationListModel::IdRole).toLongLong();
        const qint64 second =
            rowNamed(list, other).data(App::ConversationListModel::IdRole).toLongLong();
        auto *composer = child<QPlainTextEdit>("composer");
        auto *name = child<QLabel>("conversationNameLabel");
        const QString typed = QStringLiteral("Sebentar ya Kak");

        m_window->openConversation(first);
        QTRY_COMPARE(name->text(), CustomerName);
        composer->setFocus();
        QTest::keyClicks(composer, typed);
        m_window->openConversation(second);
        QTRY_COMPARE(name->text(), other);
        QVERIFY2(composer->toPlainText().isEmpty(), "each chat has its own unsent text");
        m_window->openConversation(first);
        QTRY_COMPARE(name->text(), CustomerName);
        QCOMPARE(composer->toPlainText(), typed);

        const int before = m_sim->requests().lastSeq();
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!messageSentAfter(before).isEmpty(), Timeout);
        QVERIFY(composer->toPlainText().isEmpty());
        QVERIFY(m_controller->openConversation()->unsentText(first).isEmpty());
        m_window->openConversation(second);
        QTRY_COMPARE(name->text(), other);
        m_window->openConversation(first);
        QTRY_COMPARE(name->text(), CustomerName);
        QVERIFY2(composer->toPlainText().isEmpty(), "sent text does not come back");
    }

    void shouldShowARefusalInTheUsersLanguage()
    {
        m_language->apply(QStringLiteral("id"));
        QVERIFY(signInThroughDialog(AgentPassword));
        auto *indicator = child<Ui::ConnectionIndicator>("connectionIndicator");
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Terhubung"), Timeout);
        QVERIFY(!customerWrites(QStringLiteral("Halo?")).isEmpty());
        auto *queue = child<QListView>("queueList");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(queue->model(), CustomerName).isValid(), Timeout);
        m_window->openConversation(rowNamed(queue->model(), CustomerName)
                                       .data(App::ConversationListModel::IdRole)
                                       .toLongLong());
        // An agent may not resolve a chat nobody holds; the relay says "forbidden".
        QVERIFY(m_controller->openConversation()->resolve());
        auto *bar = child<Ui::MessageBar>("messageBar");
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), Timeout);
        QCOMPARE(bar->text(), QStringLiteral("Anda tidak diizinkan melakukan ini: obrolan ini "
                                             "milik orang lain atau peran Anda tidak "
                                             "mengizinkannya."));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QTRY_VERIFY(!bar->isVisible());
    }

    void shouldShowEditsDeletionsNoticesAndEveryKindInTheListAndTheConversation()
    {
        const QString dewi = QStringLiteral("Dewi Lestari");
        const QString wamid =
            QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgMQ09FWC1URVhULTAxAA==");
        const QString before = QStringLiteral("Kak, saya pesan kaos polos hitam ukuran M 2 pcs");
        const QString after = QStringLiteral("Kak, saya pesan kaos polos hitam ukuran L 2 pcs");
        QVERIFY(signIn());
        QVERIFY(metaDelivers(QStringLiteral("coexistence_text")));
        QVERIFY(clickCustomerChatInQueue(dewi));
        QTRY_VERIFY_WITH_TIMEOUT(viewLine(wamid).contains(before), Timeout);

        // The customer edits it on the WhatsApp Business app's side: the same bubble changes.
        QVERIFY(metaDelivers(QStringLiteral("coexistence_edit_text")));
        QTRY_VERIFY_WITH_TIMEOUT(viewLine(wamid).contains(after), Timeout);
        QVERIFY(viewLine(wamid).contains(QStringLiteral("Edited")));
        m_language->apply(QStringLiteral("id"));
        QVERIFY2(viewLine(wamid).contains(QStringLiteral("Diedit")), qPrintable(viewLine(wamid)));
        m_language->apply(QStringLiteral("en"));
        QTRY_VERIFY_WITH_TIMEOUT(listLine(dewi).contains(after), Timeout);
        auto *view = child<QListView>("messageView");
        QCOMPARE(view->model()->rowCount(), 1);

        // Then deletes it: its words are gone from the bubble and the list.
        QVERIFY(metaDelivers(QStringLiteral("coexistence_revoke")));
        QTRY_VERIFY_WITH_TIMEOUT(
            viewLine(wamid).contains(QStringLiteral("The customer deleted this message")), Timeout);
        QVERIFY(!viewLine(wamid).contains(QStringLiteral("kaos")));
        QTRY_VERIFY_WITH_TIMEOUT(listLine(dewi).contains(QStringLiteral("🚫 Message deleted")),
                                 Timeout);
        QVERIFY(!listLine(dewi).contains(QStringLiteral("kaos")));
        QCOMPARE(view->model()->rowCount(), 1);
        m_language->apply(QStringLiteral("id"));
        QVERIFY2(listLine(dewi).contains(QStringLiteral("🚫 Pesan dihapus")),
                 qPrintable(listLine(dewi)));
        QVERIFY2(viewLine(wamid).contains(QStringLiteral("Pelanggan menghapus pesan ini")),
                 qPrintable(viewLine(wamid)));
        m_language->apply(QStringLiteral("en"));

        // Every kind says what it is in the chat list, in both languages.
        const QList<std::tuple<QString, QString, QString>> kinds{
            {QStringLiteral("system_identity_changed"),
             QStringLiteral("ℹ️ The customer's security code changed"),
             QStringLiteral("ℹ️ Kode keamanan pelanggan berubah")},
            {QStringLiteral("interactive_error_131000"),
             QStringLiteral("⚠️ WhatsApp could not deliver this message: Something went wrong "
                            "(131000)"),
             QStringLiteral(
                 "⚠️ WhatsApp tidak dapat meneruskan pesan ini: Something went wrong "
                 "(131000)")},
            {QStringLiteral("location_pin_only"), QStringLiteral("📍 Location"),
             QStringLiteral("📍 Lokasi")},
            {QStringLiteral("order_three_items"), QStringLiteral("🛒 Order: 3 items"),
             QStringLiteral("🛒 Pesanan: 3 barang")},
            {QStringLiteral("interactive_call_permission_reply"), QStringLiteral("📞 Calls allowed"),
             QStringLiteral("📞 Boleh ditelepon")},
            {QStringLiteral("interactive_flow_form"), QStringLiteral("📋 Form sent: 4 answers"),
             QStringLiteral("📋 Formulir terkirim: 4 jawaban")},
        };
        for (const auto &[fixture, english, indonesian] : kinds) {
            QVERIFY(metaDelivers(fixture));
            QTRY_VERIFY2_WITH_TIMEOUT(listLine(dewi).contains(english), qPrintable(listLine(dewi)),
                                      Timeout);
            m_language->apply(QStringLiteral("id"));
            QVERIFY2(listLine(dewi).contains(indonesian), qPrintable(listLine(dewi)));
            m_language->apply(QStringLiteral("en"));
        }

        // The system notice is WhatsApp's, in the conversation too, never "cannot show".
        const QString notice = viewLine(
            QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgPU1lTVEVNLUlERU5ULTAxAA=="));
        QVERIFY2(notice.startsWith(QStringLiteral("WhatsApp")), qPrintable(notice));
        QVERIFY(!notice.contains(QStringLiteral("cannot show")));
        const QString form =
            viewLine(QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgMRkxPVy1GT1JNLTAxAA=="));
        QVERIFY2(form.contains(QStringLiteral("Jumlah tamu: 4")), qPrintable(form));
        QCOMPARE(view->model()->rowCount(), 7);
    }

    void shouldSwitchTheLanguageAtRuntimeFromTheSettings()
    {
        QVERIFY(signIn());
        auto *search = child<QLineEdit>("searchEdit");
        auto *takeOver = child<QPushButton>("takeOverButton");
        QCOMPARE(takeOver->text(), QStringLiteral("Take over"));

        m_window->showSettings();
        Ui::SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<Ui::SettingsDialog *>()) != nullptr);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("id")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("settingsOkButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(takeOver->text(), QStringLiteral("Ambil alih"));
        QCOMPARE(search->placeholderText(),
                 QStringLiteral("Cari nama, nomor, pesan, atau label:nama (Ctrl+K)"));
        QTRY_COMPARE(child<Ui::ConnectionIndicator>("connectionIndicator")->text(),
                     QStringLiteral("Terhubung"));
        QCOMPARE(m_settings->language(), QStringLiteral("id"));

        m_settings->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(takeOver->text(), QStringLiteral("Take over"));
    }

    void shouldAssignAChatThroughTheDialogToAnAgentWhoSeesItAsMine()
    {
        // Ayu's console, signed in elsewhere, without a window.
        App::MemoryCredentialStore agentCredentials;
        App::RelayClient agentClient;
        App::ConsoleOptions agentOptions;
        agentOptions.dataDirectory = m_loop->dataPath(QStringLiteral("agent-console"));
        App::ConsoleController agent(&agentClient, &agentCredentials, agentOptions);
        agent.session()->signIn(m_loop->agentsUrl(), Agent, AgentPassword);
        QTRY_COMPARE_WITH_TIMEOUT(agent.session()->connectionStatus().state,
                                  App::ConnectionState::Online, Timeout);

        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QVERIFY(!customerWrites(QStringLiteral("Saya mau komplain, tolong dibantu.")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *button = child<QPushButton>("assignButton");
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);

        Ui::AssignDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<Ui::AssignDialog *>()) != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        auto *list = dialog->findChild<QListView *>(QStringLiteral("agentList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 3, Timeout);
        // Online first: Ayu's console is signed in, Dewi's is not.
        QCOMPARE(list->model()->index(0, 0).data().toString(),
                 QStringLiteral("Ayu Lestari · Agent · ● online"));
        QVERIFY(!list->accessibleName().isEmpty());

        auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("agentFilterEdit"));
        QVERIFY(!filter->accessibleName().isEmpty());
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("dew"));
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 0).data().toString(),
                 QStringLiteral("Dewi Anggraini · Agent · offline"));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("lestari"));
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_VERIFY(m_window->findChild<Ui::AssignDialog *>() == nullptr);

        App::ConversationFilterProxy *mine =
            agent.conversations(App::ConversationFilterProxy::Filter::Mine);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(mine, CustomerName).isValid(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("conversationStateLabel")->text(),
                                  QStringLiteral("With ayu"), Timeout);
    }

    void shouldCancelTheAssignDialogWithEscape()
    {
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QVERIFY(!customerWrites(QStringLiteral("Halo admin")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        auto *state = child<QLabel>("conversationStateLabel");
        const QString before = state->text();
        QTest::mouseClick(child<QPushButton>("assignButton"), Qt::LeftButton);
        Ui::AssignDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<Ui::AssignDialog *>()) != nullptr);
        auto *list = dialog->findChild<QListView *>(QStringLiteral("agentList"));
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 3, Timeout);
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("agentFilterEdit")),
                        Qt::Key_Escape);
        QTRY_VERIFY(m_window->findChild<Ui::AssignDialog *>() == nullptr);
        QTest::qWait(300);
        QCOMPARE(state->text(), before);
        QVERIFY(m_controller->conversationList()
                    ->conversation(m_controller->openConversation()->id())
                    ->assignee.isEmpty());
    }

    void shouldNotOfferAssignToAnAgent()
    {
        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Halo?")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        QVERIFY(!child<QPushButton>("assignButton")->isVisible());
        const auto actions = m_window->findChildren<QAction *>();
        for (const QAction *action : actions) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A))
                QVERIFY(!action->isVisible() || !action->isEnabled());
        }
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(200);
        QVERIFY(m_window->findChild<Ui::AssignDialog *>() == nullptr);
    }

    void shouldSayHowLongToWaitAfterTooManyWrongPasswordsInIndonesian()
    {
        m_language->apply(QStringLiteral("id"));
        QSignalSpy failed(m_controller->session(), &App::Session::signInFailed);
        m_window->start();
        auto *dialog = m_window->signInDialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), Timeout);
        dialog->findChild<QLineEdit *>(QStringLiteral("relayUrlEdit"))->setText(relayUrl());
        dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(Agent);
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        auto *button = dialog->findChild<QPushButton *>(QStringLiteral("signInButton"));
        for (int attempt = 1; attempt <= 6; ++attempt) {
            password->setText(QStringLiteral("salah-%1").arg(attempt));
            QTRY_VERIFY(button->isEnabled());
            QTest::mouseClick(button, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), attempt, Timeout);
        }
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("auth_throttled"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("signInErrorLabel"));
        QVERIFY(error->isVisible());
        const QRegularExpression throttled(
            QStringLiteral("^Terlalu banyak percobaan masuk yang gagal\\. Coba lagi dalam "
                           "(\\d+) detik\\.$"));
        const QRegularExpressionMatch match = throttled.match(error->text());
        QVERIFY2(match.hasMatch(), qPrintable(error->text()));
        QCOMPARE(match.captured(1).toInt(), failed.last().at(1).toInt());
        QVERIFY(match.captured(1).toInt() > 0);
        QVERIFY(dialog->isVisible());
    }

    void shouldMoveThroughChatsNeedingAttentionInUrgencyOrderWithCtrlJ()
    {
        QVERIFY(signIn());
        // Written a second apart: the one who has waited longest is the most urgent.
        const QStringList names = {QStringLiteral("Pelanggan Satu"),
                                   QStringLiteral("Pelanggan Dua"),
                                   QStringLiteral("Pelanggan Tiga")};
        for (int i = 0; i < names.size(); ++i) {
            if (i > 0)
                QTest::qWait(1100);
            QVERIFY(!customerWrites(QStringLiteral("Halo, saya butuh bantuan."),
                                    QStringLiteral("62812000000%1").arg(i + 1), names.at(i))
                         .isEmpty());
        }
        App::ConversationListModel *list = m_controller->conversationList();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(names.cbegin(), names.cend(),
                        [list](const QString &name) {
                            return rowNamed(list, name)
                                .data(App::ConversationListModel::NeedsAttentionRole)
                                .toBool();
                        }),
            Timeout);

        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *name = child<QLabel>("conversationNameLabel");
        const auto press = [this](Qt::KeyboardModifiers modifiers) {
            QTest::keyClick(m_window.get(), Qt::Key_J, modifiers);
        };
        press(Qt::ControlModifier);
        QTRY_COMPARE(name->text(), names.at(0));
        press(Qt::ControlModifier);
        QTRY_COMPARE(name->text(), names.at(1));
        press(Qt::ControlModifier);
        QTRY_COMPARE(name->text(), names.at(2));
        press(Qt::ControlModifier);
        QTRY_COMPARE(name->text(), names.at(0)); // around again
        press(Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(name->text(), names.at(2));
        QCOMPARE(m_controller->attention()->next(m_controller->openConversation()->id(), true),
                 rowNamed(list, names.at(1)).data(App::ConversationListModel::IdRole).toLongLong());
    }

    void shouldNotifyWhenASupervisorAssignsAChatToMe()
    {
        QVERIFY(signIn());
        auto *tray = m_window->findChild<Ui::TrayNotifier *>();
        QVERIFY(tray);
        QSignalSpy attention(m_controller->attention(), &App::Attention::attentionRequested);
        QSignalSpy notified(tray, &Ui::TrayNotifier::notificationRequested);
        QVERIFY(!customerWrites(QStringLiteral("Tolong hubungkan ke CS.")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(m_controller->conversationList(), CustomerName).isValid(),
                                 Timeout);
        const qint64 id = rowNamed(m_controller->conversationList(), CustomerName)
                              .data(App::ConversationListModel::IdRole)
                              .toLongLong();
        const auto assignedToMe = [&] {
            for (const QList<QVariant> &args : std::as_const(attention)) {
                if (args.at(0).toLongLong() == id && args.at(1).value<App::Attention::Reason>() ==
                                                         App::Attention::Reason::AssignedToMe)
                    return true;
            }
            return false;
        };
        QVERIFY(!assignedToMe());

        App::MemoryCredentialStore credentials;
        App::RelayClient client;
        App::ConsoleOptions options;
        options.dataDirectory = m_loop->dataPath(QStringLiteral("supervisor-console"));
        App::ConsoleController supervisor(&client, &credentials, options);
        supervisor.session()->signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(supervisor.session()->connectionStatus().state,
                                  App::ConnectionState::Online, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(supervisor.conversationList()->conversation(id) != nullptr,
                                 Timeout);
        supervisor.openConversation()->open(id);
        QVERIFY(supervisor.openConversation()->assign(Agent));

        QTRY_VERIFY_WITH_TIMEOUT(assignedToMe(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(notified.cbegin(), notified.cend(),
                        [&](const QList<QVariant> &args) {
                            return args.at(0).toLongLong() == id &&
                                   args.at(1).toString() == QLatin1String("Chat assigned to you") &&
                                   args.at(2).toString() ==
                                       CustomerName + QLatin1String(" is now yours to answer.");
                        }),
            Timeout);
    }

    void shouldWriteANoteWithCtrlShiftNThatTheMentionedSupervisorFindsUnderMentions()
    {
        QVERIFY(signIn());
        QVERIFY(!customerWrites(QStringLiteral("Paket saya rusak.")).isEmpty());
        QVERIFY(clickCustomerChatInQueue());
        const qint64 id = m_controller->openConversation()->id();

        App::MemoryCredentialStore credentials;
        App::RelayClient client;
        App::ConsoleOptions options;
        options.dataDirectory = m_loop->dataPath(QStringLiteral("supervisor-console"));
        App::ConsoleController supervisor(&client, &credentials, options);
        QSignalSpy attention(supervisor.attention(), &App::Attention::attentionRequested);
        supervisor.session()->signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(supervisor.session()->connectionStatus().state,
                                  App::ConnectionState::Online, Timeout);

        const QString note = QStringLiteral("Foto kerusakan sudah ada, @budi mohon setujui retur");
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        auto *editor = child<QLineEdit>("noteEditor");
        QTRY_VERIFY_WITH_TIMEOUT(editor->hasFocus(), Timeout);
        QTest::keyClicks(editor, note);
        QTest::keyClick(editor, Qt::Key_Return);

        // The note shows in the chat's notes, set apart from the customer's messages.
        auto *notes = child<QListWidget>("notesList");
        QTRY_COMPARE_WITH_TIMEOUT(notes->count(), 1, Timeout);
        QVERIFY(notes->item(0)->text().contains(note));
        QVERIFY(notes->item(0)->text().startsWith(QStringLiteral("Ayu Lestari")));
        QVERIFY(editor->text().isEmpty());
        QVERIFY(!viewShowsText(child<QListView>("messageView"), note));
        QCOMPARE(child<QLabel>("notesTitle")->text(), QStringLiteral("Internal notes (1)"));

        // Budi is told and finds the chat under Mentions.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(attention.cbegin(), attention.cend(),
                        [&](const QList<QVariant> &args) {
                            return args.at(0).toLongLong() == id &&
                                   args.at(1).value<App::Attention::Reason>() ==
                                       App::Attention::Reason::Mentioned;
                        }),
            Timeout);
        auto *mentions = supervisor.conversations(App::ConversationFilterProxy::Filter::Mentions);
        QTRY_COMPARE_WITH_TIMEOUT(mentions->rowCount(), 1, Timeout);
        QCOMPARE(mentions->conversationIdAt(0), id);
        // Ayu was not mentioned: her Mentions tab stays empty.
        QCOMPARE(child<QListView>("mentionsList")->model()->rowCount(), 0);
    }

    void shouldTellTheSupervisorOfAMentionInTheirLanguage()
    {
        auto *tray = m_window->findChild<Ui::TrayNotifier *>();
        QSignalSpy notified(tray, &Ui::TrayNotifier::notificationRequested);
        QVERIFY(signIn(Supervisor, SupervisorPassword));
        m_language->apply(QStringLiteral("id"));
        QVERIFY(!customerWrites(QStringLiteral("Saya mau retur.")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(m_controller->conversationList(), CustomerName).isValid(),
                                 Timeout);
        const qint64 id = rowNamed(m_controller->conversationList(), CustomerName)
                              .data(App::ConversationListModel::IdRole)
                              .toLongLong();

        App::MemoryCredentialStore credentials;
        App::RelayClient client;
        App::ConsoleOptions options;
        options.dataDirectory = m_loop->dataPath(QStringLiteral("agent-console"));
        App::ConsoleController agent(&client, &credentials, options);
        agent.session()->signIn(m_loop->agentsUrl(), Agent, AgentPassword);
        QTRY_VERIFY_WITH_TIMEOUT(agent.conversationList()->conversation(id) != nullptr, Timeout);
        QVERIFY(agent.notes()->add(id, QStringLiteral("@budi retur disetujui?")));

        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(notified.cbegin(), notified.cend(),
                        [&](const QList<QVariant> &args) {
                            return args.at(0).toLongLong() == id &&
                                   args.at(1).toString() == QLatin1String("Rekan menyebut Anda") &&
                                   args.at(2).toString() ==
                                       QLatin1String("Sebuah catatan di chat dengan ") +
                                           CustomerName + QLatin1String(" menyebut Anda.");
                        }),
            Timeout);
    }

    void shouldSayReconnectingThenConnectedWhenTheRelayRestarts()
    {
        QVERIFY(signIn());
        auto *indicator = child<Ui::ConnectionIndicator>("connectionIndicator");
        m_loop->stopRelay();
        const QRegularExpression reconnecting(QStringLiteral("^Reconnecting in \\d+ s$"));
        QTRY_VERIFY_WITH_TIMEOUT(reconnecting.match(indicator->text()).hasMatch(), Timeout);
        QString error;
        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Connected"), Timeout);
    }
};

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
