// Labels end to end: two real consoles (Ayu, an agent, and Budi, a supervisor) on a real relay
// with the Cloud API simulator. Budi adds a label, Ayu puts it on a customer's chat, and both
// chat lists show it, filter by it and find it with label:name; a console that signs in later
// has it from the snapshot; a deleted label leaves the chat on every console.
#include "app/consolecontroller.h"
#include "app/conversationfilterproxy.h"
#include "app/conversationlistmodel.h"
#include "app/labels.h"
#include "app/memorycredentialstore.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "support/console/consolefixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi;
using namespace Serambi::App;
using namespace Serambi::Test;
using Roles = ConversationListModel::Roles;
using Filter = ConversationFilterProxy::Filter;

namespace {
ConsoleOptions optionsIn(const QString &dataDir)
{
    ConsoleOptions options;
    options.dataDirectory = dataDir;
    return options;
}

struct Console
{
    explicit Console(const QString &dataDir) : controller(&relay, &credentials, optionsIn(dataDir))
    {}

    MemoryCredentialStore credentials;
    RelayClient relay;
    ConsoleController controller;
};

// The chat's label names as its chat-list row shows them.
QStringList chipsOf(const Console &console, qint64 chat)
{
    const ConversationListModel *list = console.controller.conversationList();
    QStringList names;
    for (const QVariant &chip : list->index(list->rowOf(chat)).data(Roles::LabelsRole).toList())
        names.append(chip.toMap().value(QStringLiteral("name")).toString());
    return names;
}
} // namespace

class TestLabels : public QObject, public ConsoleFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Console> signedIn(const QString &username, const QString &password)
    {
        auto console = std::make_unique<Console>(m_dir->filePath(username));
        console->controller.session()->signIn(m_loop->agentsUrl(), username, password);
        if (!QTest::qWaitFor(
                [&] {
                    return console->controller.session()->connectionStatus().state ==
                           ConnectionState::Online;
                },
                Timeout))
            return nullptr;
        return console;
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
    }

    void cleanup()
    {
        stopLoopback();
        m_dir.reset();
    }

    void shouldShowALabelAddedByOneConsoleOnTheOther()
    {
        auto ayu = signedIn(Agent, AgentPassword);
        auto budi = signedIn(Supervisor, SupervisorPassword);
        QVERIFY(ayu && budi);
        QVERIFY(!customerWrites(QStringLiteral("Saya mau pesan 10 lusin")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ayu->controller.conversationList()->rowCount(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(budi->controller.conversationList()->rowCount(), 1, Timeout);
        const qint64 chat =
            ayu->controller.conversationList()->index(0).data(Roles::IdRole).toLongLong();

        // Budi adds the label; Ayu's console learns of it.
        QSignalSpy saved(budi->controller.labels(), &Labels::saved);
        QVERIFY(budi->controller.labels()->save(0, QStringLiteral("Grosir"),
                                                QStringLiteral("#188038")));
        QVERIFY(saved.wait(Timeout));
        const qint64 grosir = budi->controller.labels()->all().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(ayu->controller.labels()->all().size(), 1, Timeout);

        // An agent may not: the relay refuses, and nothing changes.
        QSignalSpy refused(ayu->controller.labels(), &Labels::saveFailed);
        ayu->controller.labels()->save(0, QStringLiteral("Iseng"), QStringLiteral("#000000"));
        QVERIFY(refused.wait(Timeout));
        QCOMPARE(refused.first().first().toString(), QStringLiteral("forbidden"));

        // Ayu labels the chat; both lists show the chip and filter by it.
        QVERIFY(ayu->controller.labels()->setOnConversation(chat, {grosir}, {}));
        QTRY_COMPARE_WITH_TIMEOUT(chipsOf(*budi, chat), QStringList{QStringLiteral("Grosir")},
                                  Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(chipsOf(*ayu, chat), QStringList{QStringLiteral("Grosir")},
                                  Timeout);
        ConversationFilterProxy *all = budi->controller.conversations(Filter::All);
        all->setSearchText(QStringLiteral("label:grosir"));
        QCOMPARE(all->rowCount(), 1);
        all->setSearchText(QString());
        QVERIFY(!customerWrites(QStringLiteral("Halo"), QStringLiteral("6281234567009"),
                                QStringLiteral("Tono"))
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(all->rowCount(), 2, Timeout);
        all->setLabelFilter(grosir);
        QCOMPARE(all->rowCount(), 1);
        QCOMPARE(all->conversationIdAt(0), chat);

        // A console that signs in now gets the chat's labels with the snapshot.
        auto later = signedIn(Supervisor, SupervisorPassword);
        QVERIFY(later);
        QTRY_COMPARE_WITH_TIMEOUT(chipsOf(*later, chat), QStringList{QStringLiteral("Grosir")},
                                  Timeout);

        // Budi deletes the label: it leaves the chat on every console.
        QVERIFY(budi->controller.labels()->remove(grosir));
        QTRY_VERIFY_WITH_TIMEOUT(ayu->controller.labels()->all().isEmpty(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            ayu->controller.conversationList()->conversation(chat)->labelIds.isEmpty(), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(chipsOf(*later, chat).isEmpty(), Timeout);
        QCOMPARE(all->rowCount(), 0);
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
