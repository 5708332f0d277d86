// A customer who writes while the shop is closed is told when it opens, once per closed period:
// the reply is stored as the chat's automatic message, queued in the outbox for Meta, and
// published to consoles; more messages in the same night get nothing more; nothing is sent while
// the shop is open or when no reply is configured. The clock is the test's.
#include "config/relayconfig.h"
#include "outbound/outofhoursreply.h"
#include "store/conversationrepo.h"
#include "store/storewriter.h"
#include "store/writetxn.h"
#include "support/relay/ingest.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;

namespace {

const QTimeZone Jakarta(QByteArrayLiteral("Asia/Jakarta"));

// Jakarta's wall clock; 2026-12-04 is a Friday, 2026-12-07 (Monday) a holiday.
QDateTime wib(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Jakarta);
}

struct Sent
{
    QString text;
    QString sender;
    QString senderName;
    QString outboxRequest;
};

} // namespace

class TestOutOfHoursReply : public QObject
{
    Q_OBJECT

private:
    WriteResult run(StoreWriter::Job job)
    {
        std::optional<WriteResult> result;
        m_writer->submit(std::move(job), this, [&result](const WriteResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
            return WriteResult::failure(QStringLiteral("timeout"));
        return *result;
    }

    bool customerWrites(const QString &waId, const QString &text)
    {
        Serambi::Test::InboundText message;
        message.waId = waId;
        message.wamid = QStringLiteral("wamid.hours.%1").arg(++m_wamids);
        message.text = text;
        return run([&message](WriteTxn &txn) {
                   return Serambi::Test::ingest(txn, message, Protocol::AiMode::Draft)
                              ? WriteResult::success()
                              : WriteResult::failure(QStringLiteral("not stored"));
               })
            .ok;
    }

    // The outbound messages stored so far, with the Graph request the outbox holds for each.
    QList<Sent> sent()
    {
        QList<Sent> rows;
        run([&rows](WriteTxn &txn) {
            QSqlQuery q(txn.db());
            q.exec(QStringLiteral("SELECT m.id, o.request FROM messages m "
                                  "LEFT JOIN outbox o ON o.message_id = m.id "
                                  "WHERE m.direction = 'out' ORDER BY m.id"));
            while (q.next()) {
                // As consoles get it in history and snapshots.
                const auto message =
                    ConversationRepo::loadMessage(txn.db(), q.value(0).toLongLong());
                if (message)
                    rows.append({message->text, message->senderKind, message->senderName,
                                 q.value(1).toString()});
            }
            return WriteResult::success();
        });
        return rows;
    }

    void startReplying(const QString &reply, const QString &language = QStringLiteral("id"))
    {
        QString problem;
        const auto hours = BusinessHours::parse(
            QStringLiteral("mon-fri 08:00-17:00; sat 09:00-13:00"), QStringLiteral("Asia/Jakarta"),
            QStringLiteral("2026-12-07"), &problem);
        QVERIFY2(hours, qPrintable(problem));
        m_reply.emplace(&*m_writer, OutOfHoursOptions{*hours, reply, language},
                        [this] { return m_now; });
        connect(&*m_writer, &StoreWriter::eventsCommitted, &*m_reply,
                &OutOfHoursReply::handleEvents);
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_writer.emplace(m_dir->filePath(QStringLiteral("relay.sqlite")), SyncMode::Normal);
        QString error;
        QVERIFY2(m_writer->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_writer->stop();
        m_reply.reset();
        m_writer.reset();
        m_dir.reset();
    }

    void shouldTellACustomerWhoWritesAtNightWhenTheShopOpensOnce()
    {
        startReplying(RelayConfig().outOfHoursReply);
        QSignalSpy queued(&*m_reply, &OutOfHoursReply::replyQueued);
        m_now = wib(4, 21); // Friday evening
        QVERIFY(customerWrites(QStringLiteral("6281234500001"), QStringLiteral("kak masih buka?")));
        QTRY_COMPARE(queued.size(), 1);
        QList<Sent> out = sent();
        QCOMPARE(out.size(), 1);
        QVERIFY2(out.first().text.contains(QStringLiteral("di luar jam layanan")),
                 qPrintable(out.first().text));
        QVERIFY2(out.first().text.contains(QStringLiteral("besok pukul 09.00")),
                 qPrintable(out.first().text));
        QCOMPARE(out.first().sender, QStringLiteral("ai"));
        QCOMPARE(out.first().senderName, QStringLiteral("Jam layanan"));
        // Queued for Meta as a text message to the customer.
        QVERIFY2(out.first().outboxRequest.contains(QStringLiteral("+6281234500001")),
                 qPrintable(out.first().outboxRequest));
        QVERIFY(out.first().outboxRequest.contains(QStringLiteral("besok pukul 09.00")));

        // The same night: nothing more, however much the customer writes.
        m_now = wib(4, 23);
        QVERIFY(customerWrites(QStringLiteral("6281234500001"), QStringLiteral("halo?")));
        QVERIFY(customerWrites(QStringLiteral("6281234500001"), QStringLiteral("kak??")));
        QTest::qWait(100);
        QCOMPARE(sent().size(), 1);

        // Another customer the same night is told too.
        QVERIFY(customerWrites(QStringLiteral("6281234500002"), QStringLiteral("permisi")));
        QTRY_COMPARE(queued.size(), 2);

        // Saturday morning the shop is open: no reply.
        m_now = wib(5, 10);
        QVERIFY(customerWrites(QStringLiteral("6281234500001"), QStringLiteral("sudah buka?")));
        QTest::qWait(100);
        QCOMPARE(sent().size(), 2);

        // Saturday afternoon it is closed again, past Sunday and Monday's holiday.
        m_now = wib(5, 14);
        QVERIFY(customerWrites(QStringLiteral("6281234500001"), QStringLiteral("kak?")));
        QTRY_COMPARE(queued.size(), 3);
        out = sent();
        QVERIFY2(out.last().text.contains(QStringLiteral("Selasa, 8 Desember pukul 08.00")),
                 qPrintable(out.last().text));
        QCOMPARE(m_reply->replied(), 3u);
    }

    void shouldWriteTheOpeningInTheReplysLanguage()
    {
        startReplying(QStringLiteral("We are closed; we reply {opens}."), QStringLiteral("en"));
        QSignalSpy queued(&*m_reply, &OutOfHoursReply::replyQueued);
        m_now = wib(5, 14);
        QVERIFY(customerWrites(QStringLiteral("6281234500003"), QStringLiteral("hello?")));
        QTRY_COMPARE(queued.size(), 1);
        QCOMPARE(sent().first().text,
                 QStringLiteral("We are closed; we reply Tuesday 8 December at 08:00."));
    }

    void shouldSendNothingWithoutAReply()
    {
        startReplying(QString());
        m_now = wib(6, 12); // Sunday
        QVERIFY(customerWrites(QStringLiteral("6281234500004"), QStringLiteral("halo")));
        QTest::qWait(150);
        QCOMPARE(sent().size(), 0);
        QCOMPARE(m_reply->replied(), 0u);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<StoreWriter> m_writer;
    std::optional<OutOfHoursReply> m_reply;
    QDateTime m_now;
    int m_wamids = 0;
};

QTEST_GUILESS_MAIN(TestOutOfHoursReply)
#include "tst_outofhoursreply.moc"
