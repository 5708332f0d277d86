// The console core against a real relay and the Cloud API simulator on loopback: what an agent
// sees in the models after signing in, sending, approving, taking over, losing the relay and
// coming back.
#include "app/attention.h"
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "sim/simulator.h"
#include "support/console/consolefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;
using ListRoles = ConversationListModel::Roles;
using MessageRoles = MessageListModel::Roles;

namespace {
// One console: its relay client, the controller, and nothing shared but the data directory and
// the (in-memory) keychain passed in.
struct Console
{
    Console(const QString &dataDir, CredentialStore *credentials)
        : controller(&relay, credentials, ConsoleOptions{dataDir, 50})
    {
        RelayClient::Options options;
        options.minBackoffMs = 50;
        options.maxBackoffMs = 400;
        relay.setOptions(options);
    }

    RelayClient relay;
    ConsoleController controller;
};

int countMessagesWithText(const MessageListModel *model, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row).data(MessageRoles::TextRole).toString() == text;
    return count;
}

QString statusOfText(const MessageListModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(MessageRoles::TextRole).toString() == text)
            return index.data(MessageRoles::StatusRole).toString();
    }
    return {};
}
} // namespace

class TestConsoleController : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    // Restarts keep the relay's port and database, as a real relay would.
    void startRelay()
    {
        QString error;
        QVERIFY2(m_loop->startRelay(&error), qPrintable(error));
    }

    QUrl agentsUrl() const { return m_loop->agentsUrl(); }

    std::unique_ptr<Console> newConsole()
    {
        return std::make_unique<Console>(m_consoleDir->path(), &m_credentials);
    }

    bool signIn(Console &console, const QString &username = Agent,
                const QString &password = AgentPassword)
    {
        QSignalSpy signedIn(console.controller.session(), &Session::signedIn);
        console.controller.session()->signIn(agentsUrl(), username, password);
        return signedIn.wait(Timeout) && QTest::qWaitFor([&] {
                   return console.controller.session()->connectionStatus().state ==
                          ConnectionState::Online;
               });
    }

    // The conversation whose preview shows text, 0 when none does yet.
    static qint64 conversationShowing(const Console &console, const QString &text)
    {
        const ConversationListModel *list = console.controller.conversationList();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex index = list->index(row);
            if (index.data(ListRoles::PreviewRole).toString() == text)
                return index.data(ListRoles::IdRole).toLongLong();
        }
        return 0;
    }

    int graphRequestsWithText(const QString &text) const
    {
        int count = 0;
        const auto requests = m_sim->requests().since(0);
        for (const Sim::RecordedRequest &request : requests) {
            const QJsonObject body = request.jsonBody();
            count += body.value(QStringLiteral("text"))
                         .toObject()
                         .value(QStringLiteral("body"))
                         .toString() == text;
        }
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_consoleDir.emplace();
        QString error;
        QVERIFY2(startSimulator(&error), qPrintable(error));
        startRelay();
    }

    void cleanup()
    {
        stopLoopback();
        m_consoleDir.reset();
    }

    void shouldShowACustomerMessageInTheListAndTheOpenChat()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        QCOMPARE(console->controller.session()->currentUser().displayName,
                 QStringLiteral("Ayu Lestari"));
        const QString text = QStringLiteral("Halo kak, paket saya belum sampai 😢");
        QVERIFY(!customerWrites(text).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(conversationShowing(*console, text) != 0, Timeout);
        const qint64 id = conversationShowing(*console, text);
        const QModelIndex row = console->controller.conversationList()->index(
            console->controller.conversationList()->rowOf(id));
        QCOMPARE(row.data(ListRoles::NameRole).toString(), QStringLiteral("Siti Rahmawati"));
        QCOMPARE(row.data(ListRoles::PhoneRole).toString(), QLatin1Char('+') + CustomerWaId);
        QVERIFY(row.data(ListRoles::WaitingSinceRole).toDateTime().isValid());

        console->controller.openConversation()->open(id);
        QTRY_COMPARE_WITH_TIMEOUT(countMessagesWithText(console->controller.messages(), text), 1,
                                  Timeout);
    }

    void shouldSendTextThatTheGraphApiReceivesAndSeeItDelivered()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        QVERIFY(!customerWrites(QStringLiteral("Ongkir ke Bandung berapa?")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            conversationShowing(*console, QStringLiteral("Ongkir ke Bandung berapa?")), Timeout);
        console->controller.openConversation()->open(
            conversationShowing(*console, QStringLiteral("Ongkir ke Bandung berapa?")));

        const QString reply = QStringLiteral("Rp 18.000 kak, 2-3 hari sampai 🙏");
        QVERIFY(console->controller.openConversation()->sendText(reply));
        QCOMPARE(statusOfText(console->controller.messages(), reply), QStringLiteral("pending"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOfText(console->controller.messages(), reply),
                                  QStringLiteral("read"), Timeout);
        QCOMPARE(countMessagesWithText(console->controller.messages(), reply), 1);
        QCOMPARE(graphRequestsWithText(reply), 1);
        const qint64 id = console->controller.openConversation()->id();
        const QModelIndex row = console->controller.conversationList()->index(
            console->controller.conversationList()->rowOf(id));
        QCOMPARE(row.data(ListRoles::StateRole).toString(), QStringLiteral("assigned"));
        QVERIFY(row.data(ListRoles::IsMineRole).toBool());
        QVERIFY2(!row.data(ListRoles::WaitingSinceRole).toDateTime().isValid(), "answered");
    }

    void shouldApproveTheAiDraftAndSendItsText()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        QVERIFY(!customerWrites(QStringLiteral("Apakah toko buka hari Minggu?")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            conversationShowing(*console, QStringLiteral("Apakah toko buka hari Minggu?")),
            Timeout);
        const qint64 id =
            conversationShowing(*console, QStringLiteral("Apakah toko buka hari Minggu?"));
        QTRY_VERIFY_WITH_TIMEOUT(console->controller.inbox()->draft(id).has_value(), Timeout);
        const QModelIndex row = console->controller.conversationList()->index(
            console->controller.conversationList()->rowOf(id));
        QVERIFY(row.data(ListRoles::DraftReadyRole).toBool());
        QVERIFY(row.data(ListRoles::NeedsAttentionRole).toBool());

        console->controller.openConversation()->open(id);
        const QString draftText = console->controller.inbox()->draft(id)->text;
        QVERIFY(!draftText.isEmpty());
        QVERIFY(console->controller.openConversation()->approveDraft());
        QVERIFY2(!console->controller.inbox()->draft(id).has_value(),
                 "an approved draft leaves the panel");
        QTRY_COMPARE_WITH_TIMEOUT(graphRequestsWithText(draftText), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(statusOfText(console->controller.messages(), draftText),
                                  QStringLiteral("read"), Timeout);
    }

    void shouldTakeOverAndHandBack()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        QVERIFY(!customerWrites(QStringLiteral("Saya mau bicara dengan orang")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            conversationShowing(*console, QStringLiteral("Saya mau bicara dengan orang")), Timeout);
        const qint64 id =
            conversationShowing(*console, QStringLiteral("Saya mau bicara dengan orang"));
        console->controller.openConversation()->open(id);
        auto row = [&] {
            return console->controller.conversationList()->index(
                console->controller.conversationList()->rowOf(id));
        };
        QVERIFY(console->controller.openConversation()->takeOver(Protocol::AiMode::Off));
        QTRY_COMPARE_WITH_TIMEOUT(row().data(ListRoles::StateRole).toString(),
                                  QStringLiteral("assigned"), Timeout);
        QVERIFY(row().data(ListRoles::IsMineRole).toBool());
        QCOMPARE(row().data(ListRoles::AiModeRole).toString(), QStringLiteral("off"));
        QCOMPARE(
            console->controller.conversations(ConversationFilterProxy::Filter::Mine)->rowCount(),
            1);

        QVERIFY(console->controller.openConversation()->handBack());
        QTRY_COMPARE_WITH_TIMEOUT(row().data(ListRoles::StateRole).toString(),
                                  QStringLiteral("bot"), Timeout);
        QCOMPARE(
            console->controller.conversations(ConversationFilterProxy::Filter::Mine)->rowCount(),
            0);
    }

    void shouldResumeAfterARelayRestartWithNoLostOrDoubledMessage()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        const QString before = QStringLiteral("Kak, ongkir ke Bandung berapa?");
        QVERIFY(!customerWrites(before).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(conversationShowing(*console, before), Timeout);
        const qint64 id = conversationShowing(*console, before);
        console->controller.openConversation()->open(id);
        QTRY_COMPARE_WITH_TIMEOUT(countMessagesWithText(console->controller.messages(), before), 1,
                                  Timeout);

        m_loop->stopRelay();
        QTRY_VERIFY_WITH_TIMEOUT(console->controller.session()->connectionStatus().state !=
                                     ConnectionState::Online,
                                 Timeout);
        QVERIFY(console->controller.session()->connectionStatus().offlineSince.isValid());
        const QString during = QStringLiteral("Halo? Masih ada orang?");
        QVERIFY(!customerWrites(during).isEmpty()); // the simulator redelivers until the relay acks
        startRelay();

        QTRY_COMPARE_WITH_TIMEOUT(countMessagesWithText(console->controller.messages(), during), 1,
                                  Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(conversationShowing(*console, during), id, Timeout);
        const QString after = QStringLiteral("Oke terima kasih");
        QVERIFY(!customerWrites(after).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(countMessagesWithText(console->controller.messages(), after), 1,
                                  Timeout);
        QCOMPARE(countMessagesWithText(console->controller.messages(), before), 1);
        QCOMPARE(countMessagesWithText(console->controller.messages(), during), 1);
        QCOMPARE(console->controller.conversationList()->rowCount(), 1);
    }

    void shouldSendAQueuedCommandExactlyOnceAfterReconnecting()
    {
        auto console = newConsole();
        QVERIFY(signIn(*console));
        QVERIFY(!customerWrites(QStringLiteral("Pesanan saya kapan dikirim?")).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            conversationShowing(*console, QStringLiteral("Pesanan saya kapan dikirim?")), Timeout);
        console->controller.openConversation()->open(
            conversationShowing(*console, QStringLiteral("Pesanan saya kapan dikirim?")));

        m_loop->stopRelay();
        QTRY_VERIFY_WITH_TIMEOUT(console->controller.session()->connectionStatus().state !=
                                     ConnectionState::Online,
                                 Timeout);
        const QString reply = QStringLiteral("Besok pagi dikirim ya kak");
        QVERIFY(console->controller.openConversation()->sendText(reply));
        QCOMPARE(statusOfText(console->controller.messages(), reply),
                 QStringLiteral("queued-offline"));
        QCOMPARE(graphRequestsWithText(reply), 0);

        startRelay();
        QTRY_COMPARE_WITH_TIMEOUT(statusOfText(console->controller.messages(), reply),
                                  QStringLiteral("read"), Timeout);
        QCOMPARE(countMessagesWithText(console->controller.messages(), reply), 1);
        QCOMPARE(graphRequestsWithText(reply), 1);

        // A later restart of the console does not send it again.
        console.reset();
        auto again = newConsole();
        QVERIFY(again->controller.session()->restore());
        QTRY_COMPARE_WITH_TIMEOUT(again->controller.session()->connectionStatus().state,
                                  ConnectionState::Online, Timeout);
        const QString marker = QStringLiteral("Ada lagi kak?");
        again->controller.openConversation()->open(conversationShowing(*again, reply));
        QVERIFY(again->controller.openConversation()->sendText(marker));
        QTRY_COMPARE_WITH_TIMEOUT(graphRequestsWithText(marker), 1, Timeout);
        QCOMPARE(graphRequestsWithText(reply), 1);
    }

    void shouldOpenFromTheCacheWhileTheRelayIsAwayThenSignInWithTheToken()
    {
        const QString text = QStringLiteral("Barangnya ready kak?");
        {
            auto console = newConsole();
            QVERIFY(signIn(*console));
            QVERIFY(!customerWrites(text).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(conversationShowing(*console, text), Timeout);
            console->controller.openConversation()->setUnsentText(
                conversationShowing(*console, text), QStringLiteral("Ready kak, mau warna"));
        }
        m_loop->stopRelay();

        auto console = newConsole();
        QSignalSpy loaded(console->controller.inbox(), &Inbox::conversationsLoaded);
        QCOMPARE(console->controller.session()->lastUsername(), Agent);
        QVERIFY(console->controller.session()->restore());
        QVERIFY(loaded.wait(Timeout));
        const qint64 id = conversationShowing(*console, text);
        QVERIFY2(id != 0, "the last state shows before the relay answers");
        QCOMPARE(console->controller.openConversation()->unsentText(id),
                 QStringLiteral("Ready kak, mau warna"));
        QCOMPARE(console->controller.session()->currentUser().displayName,
                 QStringLiteral("Ayu Lestari"));
        QVERIFY(console->controller.session()->connectionStatus().state != ConnectionState::Online);

        QSignalSpy signedIn(console->controller.session(), &Session::signedIn);
        startRelay();
        QVERIFY(signedIn.wait(Timeout));
        QTRY_COMPARE_WITH_TIMEOUT(console->controller.session()->connectionStatus().state,
                                  ConnectionState::Online, Timeout);
    }

    void shouldAskForThePasswordWhenTheStoredTokenIsRefused()
    {
        {
            auto console = newConsole();
            QVERIFY(signIn(*console));
        }
        const QString key = agentsUrl().toString() + QLatin1Char('|') + Agent;
        QVERIFY(m_credentials.contains(key));
        m_credentials.write(key, QStringLiteral("not-a-token-the-relay-knows"), this, [](bool) {});
        auto console = newConsole();
        QSignalSpy passwordRequired(console->controller.session(), &Session::passwordRequired);
        QVERIFY(console->controller.session()->restore());
        QVERIFY(passwordRequired.wait(Timeout));
        QCOMPARE(console->controller.session()->connectionStatus().state,
                 ConnectionState::SignedOut);
        QVERIFY2(!m_credentials.contains(key), "a refused token is forgotten");
    }

    void shouldReportAWrongPasswordAndAnUnreachableRelay()
    {
        auto console = newConsole();
        QSignalSpy failed(console->controller.session(), &Session::signInFailed);
        console->controller.session()->signIn(agentsUrl(), Agent, QStringLiteral("salah"));
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("auth_failed"));
        QCOMPARE(console->controller.session()->connectionStatus().state,
                 ConnectionState::SignedOut);

        m_loop->stopRelay();
        console->controller.session()->signIn(agentsUrl(), Agent, AgentPassword);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("unreachable"));
    }

    void shouldListAgentsForASupervisorAndRefuseAnAgent()
    {
        auto supervisor = newConsole();
        QVERIFY(signIn(*supervisor, Supervisor, SupervisorPassword));
        QSignalSpy listed(supervisor->controller.openConversation(),
                          &OpenConversation::agentsListed);
        supervisor->controller.openConversation()->listAgents();
        QVERIFY(listed.wait(Timeout));
        const auto agents = listed.last().at(0).value<AgentList>();
        const auto ayu = std::find_if(agents.cbegin(), agents.cend(),
                                      [](const AgentInfo &a) { return a.username == Agent; });
        QVERIFY(ayu != agents.cend());
        QCOMPARE(ayu->displayName, QStringLiteral("Ayu Lestari"));
        QCOMPARE(ayu->role, QStringLiteral("agent"));
        QVERIFY(!ayu->online);

        QTemporaryDir agentDir;
        Console agent(agentDir.path(), &m_credentials);
        QVERIFY(signIn(agent));
        QSignalSpy failed(agent.controller.openConversation(), &OpenConversation::agentsListFailed);
        agent.controller.openConversation()->listAgents();
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("forbidden"));

        // Ayu's console is signed in now, and a supervisor sees it.
        supervisor->controller.openConversation()->listAgents();
        QVERIFY(listed.wait(Timeout));
        const auto again = listed.last().at(0).value<AgentList>();
        QVERIFY(std::any_of(again.cbegin(), again.cend(),
                            [](const AgentInfo &a) { return a.username == Agent && a.online; }));
    }

    void shouldNotQueueListingAgentsWhileOffline()
    {
        auto supervisor = newConsole();
        QVERIFY(signIn(*supervisor, Supervisor, SupervisorPassword));
        m_loop->stopRelay();
        QTRY_VERIFY_WITH_TIMEOUT(supervisor->controller.session()->connectionStatus().state !=
                                     ConnectionState::Online,
                                 Timeout);
        QSignalSpy failed(supervisor->controller.openConversation(),
                          &OpenConversation::agentsListFailed);
        QSignalSpy listed(supervisor->controller.openConversation(),
                          &OpenConversation::agentsListed);
        supervisor->controller.openConversation()->listAgents();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.last().at(0).toString(), QStringLiteral("unreachable"));

        startRelay();
        QTRY_COMPARE_WITH_TIMEOUT(supervisor->controller.session()->connectionStatus().state,
                                  ConnectionState::Online, Timeout);
        QTest::qWait(300);
        QCOMPARE(listed.size(), 0); // nothing was sent on reconnecting
    }

private:
    MemoryCredentialStore m_credentials;
    std::optional<QTemporaryDir> m_consoleDir;
};

QTEST_GUILESS_MAIN(TestConsoleController)
#include "tst_consolecontroller.moc"
