// The relay's storage: migrations and the group-committing writer, on real SQLite files and,
// as tst_store_postgresql, on a real PostgreSQL (tests/support/testdatabase.h).
#include "store/conversationrepo.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/mediafiles.h"
#include "store/migrations.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"
#include "support/testdatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;
namespace TestDatabase = Serambi::Test::TestDatabase;

namespace {

// The schema as the engine reports it: for SQLite every table, index and trigger with its SQL;
// for PostgreSQL every column with its type, nullability, default and identity, every index and
// every constraint.
QStringList schemaOf(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (engineOf(db) == Engine::Sqlite) {
        q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE "
                              "'sqlite_%' ORDER BY type, name"));
    } else {
        q.exec(QStringLiteral(
            "SELECT 'column', table_name || '.' || column_name, data_type || ' ' || is_nullable "
            "|| ' ' || COALESCE(column_default, '') || ' ' || is_identity || ' ' || "
            "COALESCE(collation_name, '') FROM information_schema.columns WHERE table_schema = "
            "'public' UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE "
            "schemaname = 'public' UNION ALL SELECT 'constraint', conrelid::regclass || '.' || "
            "conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
            "'public'::regnamespace ORDER BY 1, 2"));
    }
    QStringList schema;
    while (q.next()) {
        schema << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() +
                      QLatin1Char(' ') + q.value(2).toString().simplified();
    }
    return schema;
}

// A new database: dir/name on SQLite, a fresh PostgreSQL database otherwise.
QString newDatabase(const QTemporaryDir &dir, const QString &name)
{
    QString error;
    const QString location = TestDatabase::location(dir.filePath(name), &error);
    if (location.isEmpty())
        qFatal("no test database: %s", qPrintable(error));
    return location;
}

WriteResult addCustomerMessage(WriteTxn &txn, const QString &waId, const QString &wamid)
{
    Contact contact;
    contact.waId = waId;
    contact.profileName = QStringLiteral("Dewi");
    auto conversation = ConversationRepo::findOrCreate(
        txn, QStringLiteral("main"), QStringLiteral("1098"), contact, Protocol::AiMode::Draft);
    if (!conversation)
        return WriteResult::failure(QStringLiteral("no conversation"));
    Message message;
    message.conversationId = conversation->id;
    message.wamid = wamid;
    message.direction = Protocol::Direction::In;
    message.type = QStringLiteral("text");
    message.text = QStringLiteral("Halo kak");
    message.status = QStringLiteral("received");
    message.senderKind = QStringLiteral("customer");
    message.timestamp = txn.now();
    if (!ConversationRepo::insertMessage(txn, message))
        return WriteResult::failure(QStringLiteral("duplicate"));
    ConversationRepo::publishMessage(txn, *conversation, message, EventKind::MessageCreated);
    return WriteResult::success(message.id);
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldMigrateAnOldDatabaseToTheSameSchemaAsAFreshOne()
    {
        QTemporaryDir dir;
        QString error;
        {
            QSqlDatabase fresh = openDatabase(newDatabase(dir, QStringLiteral("fresh.sqlite")),
                                              QStringLiteral("fresh"));
            QVERIFY2(migrate(fresh, &error), qPrintable(error));
            QSqlDatabase old =
                openDatabase(newDatabase(dir, QStringLiteral("old.sqlite")), QStringLiteral("old"));
            QVERIFY(migrate(old, &error, 1));
            QCOMPARE(schemaVersion(old), 1);
            // Data written by the old version must survive the upgrade.
            QSqlQuery q(old);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO contacts (phone_number_id, contact_key, wa_id, created_at, "
                "updated_at) VALUES ('1098', '628111', '628111', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO conversations (contact_id, phone_number_id, state, ai_mode, "
                "created_at, updated_at) VALUES (1, '1098', 'queued', 'draft', 1, 1)")));
            QVERIFY2(migrate(old, &error), qPrintable(error));
            QCOMPARE(schemaVersion(old), migrations().constLast().version);
            QVERIFY(schemaOf(fresh).size() > migrations().size());
            QCOMPARE(schemaOf(old), schemaOf(fresh));
            QVERIFY(q.exec(QStringLiteral("SELECT state FROM conversations WHERE id = 1")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("queued"));
        }
        closeDatabase(QStringLiteral("fresh"));
        closeDatabase(QStringLiteral("old"));
    }

    void shouldRefuseADatabaseFromANewerRelay()
    {
        QTemporaryDir dir;
        QString error;
        {
            QSqlDatabase db = openDatabase(newDatabase(dir, QStringLiteral("new.sqlite")),
                                           QStringLiteral("newer"));
            QVERIFY(migrate(db, &error));
            QSqlQuery(db).exec(QStringLiteral("UPDATE schema_version SET version = 999"));
            QVERIFY(!migrate(db, &error));
            QVERIFY(error.contains(QLatin1String("999")));
        }
        closeDatabase(QStringLiteral("newer"));
    }

    void shouldCommitManyJobsInFewTransactions()
    {
        QTemporaryDir dir;
        const QString path = newDatabase(dir, QStringLiteral("relay.sqlite"));
        StoreWriter writer(path);
        QVERIFY(writer.start());
        QSignalSpy committed(&writer, &StoreWriter::eventsCommitted);
        constexpr int Jobs = 500;
        int done = 0;
        for (int i = 0; i < Jobs; ++i) {
            writer.submit(
                [i](WriteTxn &txn) {
                    return addCustomerMessage(txn, QStringLiteral("6281%1").arg(i % 7),
                                              QStringLiteral("wamid.%1").arg(i));
                },
                this, [&done](const WriteResult &result) { done += result.ok ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, Jobs, 20000);
        QVERIFY2(writer.stats().groups < quint64(Jobs),
                 qPrintable(QStringLiteral("%1 groups").arg(writer.stats().groups)));
        // Events reach subscribers in strictly increasing seq order.
        qint64 last = 0;
        int events = 0;
        for (const auto &args : std::as_const(committed)) {
            for (const Event &event : args.at(0).value<EventList>()) {
                QVERIFY(event.seq > last);
                last = event.seq;
                ++events;
            }
        }
        QCOMPARE(events, Jobs);
    }

    void shouldRollBackOnlyTheJobThatFailed()
    {
        QTemporaryDir dir;
        const QString path = newDatabase(dir, QStringLiteral("relay.sqlite"));
        StoreWriter writer(path);
        QVERIFY(writer.start());
        QList<bool> results;
        for (const QString &wamid :
             {QStringLiteral("wamid.a"), QStringLiteral("wamid.a"), QStringLiteral("wamid.b")}) {
            writer.submit(
                [wamid](WriteTxn &txn) {
                    return addCustomerMessage(txn, QStringLiteral("62811"), wamid);
                },
                this, [&results](const WriteResult &result) { results.append(result.ok); });
        }
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(results, (QList<bool>{true, false, true}));
        StoreReader reader(path);
        QVERIFY(reader.open());
        QSqlQuery q(reader.db());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(reader.eventsAfter(0, 100).size(), 2);
        QCOMPARE(reader.lastSeq(), reader.eventsAfter(0, 100).constLast().seq);
    }

    void shouldStoreMediaByContentOnce()
    {
        QTemporaryDir dir;
        const MediaFiles files(dir.filePath(QStringLiteral("media")));
        const QByteArray bytes("%PDF-1.4 bukti transfer");
        const QString key = files.write(bytes);
        const QString hex = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(key, hex);
        const QString path = dir.filePath(QStringLiteral("media/%1/%2").arg(hex.left(2), hex));
        QCOMPARE(files.pathOf(key), path);
        QFile stored(path);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), bytes);
        QCOMPARE(files.write(bytes), key); // the same bytes: the same file
        // Only the file itself: no temporary file is left behind.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("media/") + hex.left(2))).entryList(QDir::Files),
                 QStringList{hex});
        QVERIFY(files.contains(key));
        QVERIFY(!files.contains(QStringLiteral("../relay.sqlite")));
    }

    void shouldNormaliseMetasSha256ToHex()
    {
        const QByteArray digest = QCryptographicHash::hash("foto", QCryptographicHash::Sha256);
        const QString hex = QString::fromLatin1(digest.toHex());
        QCOMPARE(MediaFiles::normalizedSha256(QString::fromLatin1(digest.toBase64())), hex);
        QCOMPARE(MediaFiles::normalizedSha256(hex.toUpper()), hex);
        QCOMPARE(MediaFiles::normalizedSha256(QStringLiteral("not a hash")), QString());
        QCOMPARE(MediaFiles::normalizedSha256(QString()), QString());
    }

    void shouldRefuseToStartOnAnUnwritablePath()
    {
        // PostgreSQL's unwritable place: a port nobody listens on.
        StoreWriter writer(TestDatabase::onPostgres()
                               ? QStringLiteral("postgresql://serambi@127.0.0.1:1/none")
                               : QStringLiteral("/proc/serambi/none.sqlite"));
        QString error;
        QVERIFY(!writer.start(&error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
