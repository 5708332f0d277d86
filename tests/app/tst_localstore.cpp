// The console's own cache: it reopens with the last state, pages messages, and starts afresh
// from a cache it cannot read.
#include "app/localstore.h"
#include "app/localstoreschema.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi;
using namespace Serambi::App;

namespace {
Message message(qint64 id, qint64 conversationId)
{
    Message m;
    m.id = id;
    m.conversationId = conversationId;
    m.direction = Protocol::Direction::In;
    m.type = QStringLiteral("text");
    m.text = QStringLiteral("pesan %1").arg(id);
    m.status = QStringLiteral("received");
    m.sender = QStringLiteral("customer");
    m.timestamp = 1764200000000 + id;
    return m;
}

CachedState openAndWait(LocalStore &store, const QString &path)
{
    QSignalSpy opened(&store, &LocalStore::opened);
    store.open(path);
    if (!opened.wait(10000) || !opened.first().at(0).toBool())
        return {};
    return opened.first().at(1).value<CachedState>();
}

MessageList loadAndWait(LocalStore &store, qint64 conversationId, qint64 beforeId, int limit)
{
    QSignalSpy loaded(&store, &LocalStore::messagesLoaded);
    store.loadMessages(conversationId, beforeId, limit);
    if (!loaded.wait(10000))
        return {};
    return loaded.first().at(2).value<MessageList>();
}
} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CachedState>();
        qRegisterMetaType<MessageList>();
    }

    void shouldNameOneFilePerRelayAndUser()
    {
        const QUrl relay(QStringLiteral("ws://relay.example:8090/agents"));
        const QString a = LocalStore::pathFor(QStringLiteral("/d"), relay, QStringLiteral("ayu"));
        QCOMPARE(a, LocalStore::pathFor(QStringLiteral("/d"), relay, QStringLiteral("Ayu")));
        QVERIFY(a != LocalStore::pathFor(QStringLiteral("/d"), relay, QStringLiteral("rudi")));
        QVERIFY(a != LocalStore::pathFor(QStringLiteral("/d"),
                                         QUrl(QStringLiteral("ws://other:8090/agents")),
                                         QStringLiteral("ayu")));
        QVERIFY(!a.contains(QStringLiteral("ayu")));
    }

    void shouldReopenWithTheLastState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalStore store;
            QCOMPARE(openAndWait(store, path).conversations.size(), 0);
            Conversation c;
            c.id = 12;
            c.name = QStringLiteral("Budi");
            c.state = Protocol::ConversationState::Queued;
            c.applyMessage(message(3, 12));
            c.labelIds = {4, 9};
            c.team = QStringLiteral("Komplain");
            c.channel = QStringLiteral("service");
            c.csatScore = 4;
            store.saveConversation(c);
            store.saveMessages({message(1, 12), message(2, 12), message(3, 12)});
            Draft draft;
            draft.id = 4;
            draft.conversationId = 12;
            draft.forMessageId = 3;
            draft.text = QStringLiteral("Baik kak");
            draft.confidence = 0.8;
            draft.sources = {QStringLiteral("kb-7")};
            store.saveDraft(draft);
            PendingCommand command;
            command.id = QStringLiteral("c-1");
            command.command = Protocol::Command::SendText;
            command.conversationId = 12;
            command.args = {{QStringLiteral("text"), QStringLiteral("Halo")}};
            command.localMessageId = -1;
            store.saveCommand(command);
            store.saveUnsentText(12, QStringLiteral("Sebentar ya"));
            CurrentUser user{3, QStringLiteral("ayu"), QStringLiteral("Ayu"),
                             QStringLiteral("agent")};
            store.saveUser(user);
            store.saveLastSeq(41);
            store.saveLastSeq(42);
        }
        LocalStore store;
        const CachedState state = openAndWait(store, path);
        QCOMPARE(state.lastSeq, 42);
        QCOMPARE(state.user.displayName, QStringLiteral("Ayu"));
        QCOMPARE(state.conversations.size(), 1);
        QCOMPARE(state.conversations.first().name, QStringLiteral("Budi"));
        QCOMPARE(state.conversations.first().waitingSince, message(3, 12).timestamp);
        QCOMPARE(state.conversations.first().labelIds, (QList<qint64>{4, 9}));
        QCOMPARE(state.conversations.first().team, QStringLiteral("Komplain"));
        QCOMPARE(state.conversations.first().channel, QStringLiteral("service"));
        QCOMPARE(state.conversations.first().csatScore, 4);
        QCOMPARE(state.drafts.size(), 1);
        QCOMPARE(state.drafts.first().sources, QStringList{QStringLiteral("kb-7")});
        QCOMPARE(state.commands.size(), 1);
        QCOMPARE(state.commands.first().command, Protocol::Command::SendText);
        QCOMPARE(state.commands.first().args.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Halo"));
        QCOMPARE(state.unsentTexts.value(12), QStringLiteral("Sebentar ya"));
        store.removeCommand(QStringLiteral("c-1"));
        store.saveUnsentText(12, QString());
        store.close();
        const CachedState after = openAndWait(store, path);
        QVERIFY(after.commands.isEmpty());
        QVERIFY(after.unsentTexts.isEmpty());
    }

    void shouldLoadTheNewestPageThenOlderOnes()
    {
        QTemporaryDir dir;
        LocalStore store;
        openAndWait(store, dir.filePath(QStringLiteral("cache.sqlite")));
        MessageList all;
        for (qint64 id = 1; id <= 120; ++id)
            all.append(message(id, 5));
        store.saveMessages(all);
        store.saveMessage(message(500, 6));
        const MessageList newest = loadAndWait(store, 5, 0, 50);
        QCOMPARE(newest.size(), 50);
        QCOMPARE(newest.first().id, 71);
        QCOMPARE(newest.last().id, 120);
        const MessageList older = loadAndWait(store, 5, 71, 50);
        QCOMPARE(older.first().id, 21);
        QCOMPARE(older.last().id, 70);
        QCOMPARE(loadAndWait(store, 5, 21, 50).size(), 20);
    }

    void shouldKeepContentAndMediaOfEveryDirection()
    {
        QTemporaryDir dir;
        LocalStore store;
        openAndWait(store, dir.filePath(QStringLiteral("cache.sqlite")));
        Message photo = message(1, 5);
        photo.type = QStringLiteral("image");
        photo.content = {{QStringLiteral("type"), QStringLiteral("image")},
                         {QStringLiteral("image"),
                          QJsonObject{{QStringLiteral("caption"), QStringLiteral("Bukti")}}}};
        photo.media.state = QStringLiteral("failed");
        photo.media.mimeType = QStringLiteral("image/jpeg");
        photo.media.error = QStringLiteral("expired");
        Message buttons = message(2, 5);
        buttons.direction = Protocol::Direction::Out;
        buttons.type = QStringLiteral("interactive");
        buttons.content = {{QStringLiteral("type"), QStringLiteral("interactive")},
                           {QStringLiteral("interactive"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("button")}}}};
        Message document = message(3, 5);
        document.type = QStringLiteral("document");
        document.media = {QStringLiteral("ready"),           QStringLiteral("ab12"),
                          QStringLiteral("application/pdf"), 48213,
                          QStringLiteral("Faktur.pdf"),      QString()};
        store.saveMessages({photo, buttons, document});
        const MessageList loaded = loadAndWait(store, 5, 0, 50);
        QCOMPARE(loaded.size(), 3);
        QCOMPARE(loaded.at(0).media.state, QStringLiteral("failed"));
        QCOMPARE(loaded.at(0).media.error, QStringLiteral("expired"));
        QCOMPARE(loaded.at(0).content, photo.content);
        QCOMPARE(loaded.at(1).content, buttons.content);
        QVERIFY(loaded.at(1).media.isEmpty());
        QCOMPARE(loaded.at(2).media.key, QStringLiteral("ab12"));
        QCOMPARE(loaded.at(2).media.size, 48213);
        QCOMPARE(loaded.at(2).media.filename, QStringLiteral("Faktur.pdf"));
    }

    void shouldStartAfreshFromACacheWithANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            LocalStore store;
            openAndWait(store, path);
            store.saveLastSeq(9);
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("PRAGMA user_version = %1").arg(LocalStore::schemaVersion() + 1)));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        LocalStore store;
        QSignalSpy opened(&store, &LocalStore::opened);
        store.open(path);
        QVERIFY(opened.wait(10000));
        QVERIFY(opened.first().at(0).toBool());
        QCOMPARE(opened.first().at(1).value<CachedState>().lastSeq, 0);
    }

    void shouldKeepTheChatsOfACacheFromBeforeTeamsAndChannels()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            // A cache a console wrote before version 3: its schema and one chat with labels.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (int step = 0; step < 2; ++step) {
                for (const QString &statement : localStoreMigrations().at(step))
                    QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, name, state, ai_mode, "
                                          "labels) VALUES (12, 'Budi', 'queued', 'draft', '4')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        LocalStore store;
        const CachedState state = openAndWait(store, path);
        QCOMPARE(state.conversations.size(), 1);
        QCOMPARE(state.conversations.first().name, QStringLiteral("Budi"));
        QCOMPARE(state.conversations.first().labelIds, QList<qint64>{4});
        QVERIFY(state.conversations.first().team.isEmpty());
        QVERIFY(state.conversations.first().channel.isEmpty());
        QCOMPARE(state.conversations.first().csatScore, 0);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
