// serambi-console-bench: the console core with a large local cache (issue 3's speed budget).
// Fills a cache with 10,000 conversations and 200,000 messages (one chat of 5,000), then runs
// itself again as a fresh process that measures cold start (cache open -> models populated and
// sorted), opening the 5,000-message chat, paging older history, and resident memory.
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/localstore.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/openconversation.h"
#include "app/relayclient.h"
#include "app/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Serambi::App;
namespace Protocol = Serambi::Protocol;

namespace {
// Nothing listens here: the console works from its cache, as when the relay is away.
const QUrl RelayUrl(QStringLiteral("ws://127.0.0.1:9/agents"));
const QString Username = QStringLiteral("bench");
constexpr qint64 T0 = 1764200000000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

Message makeMessage(qint64 id, qint64 conversationId, int index)
{
    static const QStringList texts{
        QStringLiteral("Halo kak, paket saya belum sampai, nomor resinya JNE 0123456789"),
        QStringLiteral("Baik kak, kami cek dulu ya 🙏"),
        QStringLiteral("Ongkir ke Bandung berapa ya?"), QStringLiteral("Terima kasih banyak kak"),
        QStringLiteral("Apakah barangnya ready warna hitam ukuran L?")};
    Message m;
    m.id = id;
    m.conversationId = conversationId;
    const bool in = index % 2 == 0;
    m.wamid = QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA%1").arg(id);
    m.direction = in ? Protocol::Direction::In : Protocol::Direction::Out;
    m.type = QStringLiteral("text");
    m.text = texts.at(index % texts.size());
    m.status = in ? QStringLiteral("received") : QStringLiteral("read");
    m.sender = in ? QStringLiteral("customer") : QStringLiteral("agent");
    m.senderName = in ? QString() : QStringLiteral("Agen Bench");
    m.timestamp = T0 + id * 1000;
    if (in)
        m.content = {{QStringLiteral("body"), m.text}};
    return m;
}

int fill(const QString &dir, int conversations, int messages, int bigChat)
{
    QElapsedTimer timer;
    timer.start();
    LocalStore store;
    bool opened = false;
    QObject::connect(&store, &LocalStore::opened, [&](bool ok) { opened = ok; });
    store.open(LocalStore::pathFor(dir, RelayUrl, Username));
    if (!waitFor([&] { return opened; }))
        return 1;
    store.saveUser({1, Username, QStringLiteral("Agen Bench"), QStringLiteral("agent")});
    const int perChat = (messages - bigChat) / (conversations - 1);
    const int remainder = (messages - bigChat) % (conversations - 1);
    qint64 nextId = 1;
    for (int c = 1; c <= conversations; ++c) {
        const int count = c == 1 ? bigChat : perChat + (c - 2 < remainder ? 1 : 0);
        MessageList batch;
        batch.reserve(count);
        for (int i = 0; i < count; ++i)
            batch.append(makeMessage(nextId++, c, i));
        Conversation conversation;
        conversation.id = c;
        conversation.waId = QStringLiteral("628%1").arg(1000000000 + c);
        conversation.name = QStringLiteral("Pelanggan %1").arg(c);
        conversation.state = c % 4 == 0   ? Protocol::ConversationState::Queued
                             : c % 4 == 1 ? Protocol::ConversationState::Assigned
                             : c % 4 == 2 ? Protocol::ConversationState::Bot
                                          : Protocol::ConversationState::Resolved;
        conversation.assignee = c % 4 == 1 ? Username : QString();
        conversation.aiMode = Protocol::AiMode::Draft;
        conversation.unread = c % 7;
        for (const Message &m : std::as_const(batch))
            conversation.applyMessage(m);
        store.saveConversation(conversation);
        store.saveMessages(batch);
        if (c % 500 == 0)
            QCoreApplication::processEvents();
    }
    store.saveLastSeq(nextId);
    store.close();
    out() << "filled " << conversations << " conversations, " << (nextId - 1) << " messages in "
          << timer.elapsed() << " ms\n";
    out().flush();
    return 0;
}

int measure(const QString &dir)
{
    const qint64 rssBefore = residentKiB();
    QElapsedTimer timer;
    timer.start();
    MemoryCredentialStore credentials;
    RelayClient relay;
    ConsoleController controller(&relay, &credentials, ConsoleOptions{dir, 300});
    bool loaded = false;
    QObject::connect(controller.inbox(), &Inbox::conversationsLoaded, [&] { loaded = true; });
    controller.session()->signIn(RelayUrl, Username, QStringLiteral("unused"));
    if (!waitFor([&] { return loaded; }))
        return 1;
    ConversationFilterProxy *all = controller.conversations(ConversationFilterProxy::Filter::All);
    const int visible = all->rowCount();
    const qint64 topId = all->conversationIdAt(0);
    const qint64 coldMs = timer.elapsed();
    const qint64 rssStarted = residentKiB();

    MessageListModel *messages = controller.messages();
    timer.restart();
    controller.openConversation()->open(1);
    if (!waitFor([&] { return messages->rowCount() > 0; }))
        return 1;
    const qint64 openMs = timer.elapsed();
    const int firstPage = messages->rowCount();

    timer.restart();
    int pages = 0;
    for (; pages < 10 && messages->canFetchMore({}); ++pages) {
        const int before = messages->rowCount();
        messages->fetchMore({});
        if (!waitFor([&] { return messages->rowCount() > before; }, 5000))
            break;
    }
    const qint64 pageMs = pages > 0 ? timer.elapsed() / pages : 0;
    const qint64 rssEnd = residentKiB();

    out() << "conversations in list (All tab): " << controller.conversationList()->rowCount()
          << " (" << visible << " not resolved; most urgent id " << topId << ")\n"
          << "cold start, cache open -> models populated and sorted: " << coldMs << " ms\n"
          << "open the 5,000-message chat (first page, " << firstPage << " rows): " << openMs
          << " ms\n"
          << "older history page from the cache: " << pageMs << " ms each, " << pages
          << " pages -> " << messages->rowCount() << " rows\n"
          << "resident memory: " << rssBefore / 1024 << " MiB at process start, "
          << rssStarted / 1024 << " MiB after start, " << rssEnd / 1024 << " MiB at the end\n";
    out().flush();
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Console core benchmark"));
    parser.addHelpOption();
    const QCommandLineOption conversations(QStringLiteral("conversations"),
                                           QStringLiteral("Conversations in the cache."),
                                           QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption messages(QStringLiteral("messages"),
                                      QStringLiteral("Messages in the cache."), QStringLiteral("n"),
                                      QStringLiteral("200000"));
    const QCommandLineOption measureOnly(QStringLiteral("measure"),
                                         QStringLiteral("Measure an existing cache in dir."),
                                         QStringLiteral("dir"));
    parser.addOptions({conversations, messages, measureOnly});
    parser.process(app);
    if (parser.isSet(measureOnly))
        return measure(parser.value(measureOnly));

    QTemporaryDir dir;
    if (fill(dir.path(), parser.value(conversations).toInt(), parser.value(messages).toInt(),
             5000) != 0)
        return 1;
    // A fresh process, so that start-up time and memory are the console's, not the filler's.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--measure"), dir.path()});
    child.waitForFinished(-1);
    return child.exitCode();
}
