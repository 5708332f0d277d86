// OpenConversation on its own, offline over a real cache: the approve rule (in one place, with
// the 24-hour window), the window itself, the draft moved into the composer and the unsent
// text per chat.
#include "app/commandqueue.h"
#include "app/consolecontroller.h"
#include "app/inbox.h"
#include "app/localstore.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Serambi;
using namespace Serambi::App;

namespace {
const QUrl RelayUrl(QStringLiteral("ws://127.0.0.1:9/agents")); // nothing listens: offline
const QString Agent = QStringLiteral("ayu");
constexpr qint64 HourMs = 60 * 60 * 1000;
constexpr qint64 ClosedChat = 1; // the customer wrote 25 hours ago
constexpr qint64 OpenChat = 2;   // the customer wrote an hour ago

Draft draftFor(qint64 conversationId, const QString &text)
{
    Draft draft;
    draft.id = 100 + conversationId;
    draft.conversationId = conversationId;
    draft.text = text;
    draft.confidence = 0.9;
    return draft;
}

Conversation chatWrittenAt(qint64 id, qint64 lastInboundAt)
{
    Conversation c;
    c.id = id;
    c.waId = QStringLiteral("62812000%1").arg(id);
    c.state = Protocol::ConversationState::Assigned;
    c.assignee = Agent;
    c.lastInboundAt = lastInboundAt;
    c.lastMessageAt = lastInboundAt;
    return c;
}

// A console that never reaches its relay, showing the cache of dataDir.
struct OfflineConsole
{
    explicit OfflineConsole(const QString &dataDir) : console(&relay, &credentials, {dataDir, 50})
    {}

    bool restore()
    {
        QSignalSpy loaded(console.inbox(), &Inbox::conversationsLoaded);
        console.session()->remember(RelayUrl, Agent);
        return console.session()->restore() && loaded.wait(5000);
    }

    OpenConversation *chat() const { return console.openConversation(); }

    RelayClient relay;
    MemoryCredentialStore credentials;
    ConsoleController console;
};
} // namespace

class TestOpenConversation : public QObject
{
    Q_OBJECT

private:
    void seedCache()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        LocalStore store;
        QSignalSpy opened(&store, &LocalStore::opened);
        store.open(LocalStore::pathFor(m_dir->path(), RelayUrl, Agent));
        QVERIFY(opened.wait(5000));
        store.saveConversation(chatWrittenAt(ClosedChat, now - 25 * HourMs));
        store.saveConversation(chatWrittenAt(OpenChat, now - HourMs));
        store.saveDraft(draftFor(ClosedChat, QStringLiteral("Pesanan Kakak sudah dikirim.")));
        store.saveDraft(draftFor(OpenChat, QStringLiteral("Baik Kak, kami cek dulu ya.")));
        store.close();
    }

    std::unique_ptr<OfflineConsole> restoredConsole()
    {
        auto console = std::make_unique<OfflineConsole>(m_dir->path());
        if (!console->restore())
            return nullptr;
        return console;
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        seedCache();
    }

    void cleanup() { m_dir.reset(); }

    void shouldApproveOnlyAFinishedDraftWithTextInsideTheWindow()
    {
        Draft draft = draftFor(OpenChat, QStringLiteral("Baik Kak."));
        QVERIFY(OpenConversation::mayApprove(draft, true));
        QVERIFY2(!OpenConversation::mayApprove(draft, false), "the window has closed");
        QVERIFY(!OpenConversation::mayApprove(std::nullopt, true));
        draft.streaming = true;
        QVERIFY2(!OpenConversation::mayApprove(draft, true), "still being written");
        draft.streaming = false;
        draft.text = QStringLiteral("  \n");
        QVERIFY2(!OpenConversation::mayApprove(draft, true), "nothing to send");
    }

    void shouldKeepTheWindowOpenForTwentyFourHoursAfterTheCustomerWrote()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const Conversation recent = chatWrittenAt(OpenChat, now - 24 * HourMs + 60000);
        const Conversation old = chatWrittenAt(ClosedChat, now - 24 * HourMs);
        const Conversation never = chatWrittenAt(3, 0);
        QVERIFY(OpenConversation::windowOpenAt(&recent, now));
        QVERIFY(!OpenConversation::windowOpenAt(&old, now));
        QVERIFY(!OpenConversation::windowOpenAt(&never, now));
        QVERIFY(!OpenConversation::windowOpenAt(nullptr, now));
    }

    void shouldNotApproveADraftOnceTheWindowHasClosed()
    {
        auto console = restoredConsole();
        QVERIFY(console);
        OpenConversation *chat = console->chat();
        chat->open(ClosedChat);
        QVERIFY(chat->draft().has_value());
        QVERIFY(!chat->windowOpen());
        QVERIFY(!chat->canApprove());
        QVERIFY(!chat->approveDraft());
        QVERIFY2(chat->draft().has_value(), "the draft stays where the agent sees it");
        QVERIFY(console->console.commands()->pending().isEmpty());
        QVERIFY(chat->editDraft().isEmpty());

        chat->open(OpenChat);
        QVERIFY(chat->canApprove());
        QVERIFY(chat->approveDraft());
        QVERIFY(!chat->draft().has_value());
        const QList<PendingCommand> pending = console->console.commands()->pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().command, Protocol::Command::SendText);
        QCOMPARE(pending.constFirst().args.value(QStringLiteral("draft_id")).toInteger(),
                 draftFor(OpenChat, {}).id);
        const MessageListModel *messages = chat->messages();
        QTRY_COMPARE(messages->rowCount(), 1);
        QCOMPARE(messages->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Baik Kak, kami cek dulu ya."));
        QCOMPARE(messages->index(0).data(MessageListModel::StatusRole).toString(),
                 QStringLiteral("queued-offline"));
    }

    void shouldMoveAnEditedDraftIntoTheComposerAndRecordItWhenSent()
    {
        auto console = restoredConsole();
        QVERIFY(console);
        OpenConversation *chat = console->chat();
        chat->open(OpenChat);
        const QString text = chat->editDraft();
        QCOMPARE(text, QStringLiteral("Baik Kak, kami cek dulu ya."));
        QVERIFY2(!chat->draft().has_value(), "the draft left the panel for the composer");
        QCOMPARE(chat->unsentText(OpenChat), text);
        QVERIFY(chat->sendText(text + QStringLiteral(" Ditunggu.")));
        const PendingCommand sent = console->console.commands()->pending().constLast();
        QCOMPARE(sent.args.value(QStringLiteral("draft_id")).toInteger(),
                 draftFor(OpenChat, {}).id);
        QVERIFY(chat->unsentText(OpenChat).isEmpty());
        QVERIFY(chat->sendText(QStringLiteral("Satu lagi.")));
        QVERIFY2(!console->console.commands()->pending().constLast().args.contains(
                     QStringLiteral("draft_id")),
                 "the draft is recorded once");
    }

    void shouldKeepUnsentTextPerChatAcrossARestartUntilItIsSent()
    {
        {
            auto console = restoredConsole();
            QVERIFY(console);
            OpenConversation *chat = console->chat();
            chat->setUnsentText(ClosedChat, QStringLiteral("Mohon maaf Kak"));
            chat->setUnsentText(OpenChat, QStringLiteral("Sebentar ya"));
            chat->open(OpenChat);
            QVERIFY(chat->sendText(QStringLiteral("Sebentar ya")));
            QVERIFY(chat->unsentText(OpenChat).isEmpty());
            QVERIFY(!chat->sendText(QStringLiteral("   ")));
        }
        auto again = restoredConsole();
        QVERIFY(again);
        QCOMPARE(again->chat()->unsentText(ClosedChat), QStringLiteral("Mohon maaf Kak"));
        QVERIFY(again->chat()->unsentText(OpenChat).isEmpty());
        QCOMPARE(again->console.commands()->pending().size(), 1);
    }

    void shouldDoNothingWithoutAnOpenChat()
    {
        auto console = restoredConsole();
        QVERIFY(console);
        OpenConversation *chat = console->chat();
        QCOMPARE(chat->id(), 0);
        QVERIFY(!chat->sendText(QStringLiteral("Halo")));
        QVERIFY(!chat->approveDraft());
        QVERIFY(!chat->resolve());
        QVERIFY(!chat->sendTyping());
        QVERIFY(console->console.commands()->pending().isEmpty());
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestOpenConversation)
#include "tst_openconversation.moc"
