// The draft coordinator with a drafter that answers when the test says so: a draft that
// comes back after a newer customer message arrived is dropped, the newer one is stored; the
// drafter is given the customer's earlier messages (for escalation); a burst of customer
// messages gets one draft that answers them all.
#include "ai/draftcoordinator.h"
#include "config/relayconfig.h"
#include "service/kbadmin.h"
#include "store/conversationrepo.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"
#include "support/relay/ingest.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;

namespace {

// Keeps every request and its callback until the test answers it.
class HeldDrafter final : public Drafter
{
public:
    QString name() const override { return QStringLiteral("held"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override
    {
        m_requests.append(request);
        m_done.append(std::move(done));
    }

    int count() const { return int(m_requests.size()); }
    const DraftRequest &request(int i) const { return m_requests.at(i); }
    void answer(int i, const QString &text, qint64 tokens = 0,
                const QString &source = QStringLiteral("cod"))
    {
        DraftResult result;
        result.text = text;
        result.tokens = tokens;
        result.confidence = 0.9;
        result.sources = {source};
        m_done.at(i)(result);
    }
    // What the offline drafter says to a message it finds no article for.
    void abstain(int i)
    {
        DraftResult result;
        result.text = QStringLiteral("Terima kasih, Kak. Tim kami segera membalas.");
        result.confidence = 0.1;
        result.abstained = true;
        result.handoff = true;
        m_done.at(i)(result);
    }

private:
    QList<DraftRequest> m_requests;
    QList<std::function<void(const DraftResult &)>> m_done;
};

// Like the LLM drafter: reads a burst, one message a line, as one request.
class WholeBurstDrafter final : public Drafter
{
public:
    QString name() const override { return QStringLiteral("whole"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override
    {
        requests.append(request);
        DraftResult result;
        result.text = QStringLiteral("Bisa COD, Kak. Ongkir ke Bandung Rp12.000.");
        result.confidence = 0.9;
        result.sources = {QStringLiteral("cod"), QStringLiteral("ongkir")};
        done(result);
    }
    bool answersSeveralMessages() const override { return true; }

    QList<DraftRequest> requests;
};

constexpr int LongQuietMs = 60000;

} // namespace

class TestDraftCoordinator : public QObject
{
    Q_OBJECT

private:
    WriteResult run(StoreWriter::Job job)
    {
        std::optional<WriteResult> result;
        m_writer->submit(std::move(job), &m_context,
                         [&result](const WriteResult &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
            return WriteResult::failure(QStringLiteral("timeout"));
        return *result;
    }

    qint64 customerWrites(const QString &text)
    {
        Serambi::Test::InboundText message;
        message.waId = QStringLiteral("6281234500001");
        message.wamid = QStringLiteral("wamid.draft.%1").arg(++m_wamids);
        message.text = text;
        const WriteResult result = run([&message](WriteTxn &txn) {
            const auto stored = Serambi::Test::ingest(txn, message, Protocol::AiMode::Draft);
            return stored ? WriteResult::success(stored->id)
                          : WriteResult::failure(QStringLiteral("not stored"));
        });
        return result.ok ? result.value.toLongLong() : 0;
    }

    // The customer edits (newText) or deletes (newText null) message id on the WhatsApp side,
    // as ingest applies it: the original changes and message.updated is published.
    bool customerChanges(qint64 id, const QString &newText)
    {
        const WriteResult result = run([=](WriteTxn &txn) {
            auto message = ConversationRepo::loadMessage(txn.db(), id);
            auto conversation =
                message ? ConversationRepo::load(txn.db(), message->conversationId) : std::nullopt;
            if (!message || !conversation)
                return WriteResult::failure(QStringLiteral("no message"));
            if (newText.isNull()) {
                if (!ConversationRepo::revokeMessage(txn, *message, txn.now()))
                    return WriteResult::failure(QStringLiteral("not revoked"));
            } else {
                message->text = newText;
                message->payload = {{QLatin1String("body"), newText}};
                message->editedAt = txn.now();
                if (!ConversationRepo::updateEditedMessage(txn, *message))
                    return WriteResult::failure(QStringLiteral("not edited"));
            }
            ConversationRepo::publishMessage(txn, *conversation, *message,
                                             EventKind::MessageUpdated);
            return WriteResult::success();
        });
        return result.ok;
    }

    // The coordinator again, with a quiet period for bursts and the drafter given.
    void restartCoordinator(int burstQuietMs, Drafter *drafter)
    {
        DraftPolicy policy;
        policy.burstQuietMs = burstQuietMs;
        m_coordinator.emplace(&*m_writer, &*m_reader, drafter, policy);
        connect(&*m_writer, &StoreWriter::eventsCommitted, &*m_coordinator,
                &DraftCoordinator::handleEvents);
    }

    // A reply to the customer from sender (agent, ai) as the relay publishes it.
    void repliedBy(qint64 conversationId, const QString &sender)
    {
        Event reply;
        reply.kind = EventKind::MessageCreated;
        reply.conversationId = conversationId;
        reply.data = {{QStringLiteral("id"), 999},
                      {QStringLiteral("direction"), QStringLiteral("out")},
                      {QStringLiteral("type"), QStringLiteral("text")},
                      {QStringLiteral("sender"), sender},
                      {QStringLiteral("text"), QStringLiteral("Sebentar ya, Kak.")}};
        m_coordinator->handleEvents({reply});
    }
    void agentReplies(qint64 conversationId) { repliedBy(conversationId, QStringLiteral("agent")); }

    qint64 conversationOf(qint64 messageId)
    {
        const auto message = ConversationRepo::loadMessage(m_reader->db(), messageId);
        return message ? message->conversationId : 0;
    }

    QList<QJsonObject> draftEvents() const
    {
        QList<QJsonObject> drafts;
        for (const QList<QVariant> &args : *m_committed)
            for (const Event &event : args.first().value<EventList>())
                if (event.kind == EventKind::DraftUpdated)
                    drafts.append(event.data);
        return drafts;
    }

    // Rows of the drafts table: for_message_id → state.
    QMap<qint64, QString> storedDrafts()
    {
        QMap<qint64, QString> rows;
        run([&rows](WriteTxn &txn) {
            QSqlQuery q(txn.db());
            q.exec(QStringLiteral("SELECT for_message_id, state FROM drafts"));
            while (q.next())
                rows.insert(q.value(0).toLongLong(), q.value(1).toString());
            return WriteResult::success();
        });
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_config.dataDir = m_dir->path();
        m_writer.emplace(m_config.databasePath(), SyncMode::Normal);
        QString error;
        QVERIFY2(m_writer->start(&error), qPrintable(error));
        m_reader.emplace(m_config.databasePath());
        QVERIFY2(m_reader->open(&error), qPrintable(error));
        m_coordinator.emplace(&*m_writer, &*m_reader, &m_drafter);
        connect(&*m_writer, &StoreWriter::eventsCommitted, &*m_coordinator,
                &DraftCoordinator::handleEvents);
        m_committed.emplace(&*m_writer, &StoreWriter::eventsCommitted);
    }

    void cleanup()
    {
        m_writer->stop();
        m_committed.reset();
        m_coordinator.reset();
        m_reader.reset();
        m_writer.reset();
        m_dir.reset();
        m_drafter = HeldDrafter();
    }

    void shouldDropADraftOnceANewerCustomerMessageArrived()
    {
        const qint64 first = customerWrites(QStringLiteral("Kak, bisa COD?"));
        QVERIFY(first > 0);
        QTRY_COMPARE(m_drafter.count(), 1);
        const qint64 second = customerWrites(QStringLiteral("Eh, ongkir ke Bandung berapa?"));
        QVERIFY(second > first);
        QTRY_COMPARE(m_drafter.count(), 2);
        QCOMPARE(m_drafter.request(0).messageId, first);
        QCOMPARE(m_drafter.request(1).messageId, second);

        // The answer to the first message comes back late: it is neither stored nor published.
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));
        m_drafter.answer(1, QStringLiteral("Ongkir ke Bandung Rp12.000, Kak."));
        QTRY_COMPARE(stored.size(), 1);

        const QMap<qint64, QString> rows = storedDrafts();
        QCOMPARE(rows.keys(), QList<qint64>{second});
        QCOMPARE(rows.value(second), QStringLiteral("pending"));
        const QList<QJsonObject> published = draftEvents();
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.first().value(QLatin1String("for_message_id")).toInteger(), second);
        QCOMPARE(published.first().value(QLatin1String("state")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(published.first().value(QLatin1String("text")).toString(),
                 QStringLiteral("Ongkir ke Bandung Rp12.000, Kak."));
    }

    void shouldNotAnswerAMessageTheCustomerDeleted()
    {
        const qint64 message =
            customerWrites(QStringLiteral("Kak, alamat rumah saya Jl. Melati 5"));
        QTRY_COMPARE(m_drafter.count(), 1);
        QVERIFY(customerChanges(message, QString()));
        // The draft written for the deleted words comes back: neither stored nor published.
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.answer(0, QStringLiteral("Baik Kak, alamat Jl. Melati 5 sudah kami catat."));
        QTest::qWait(100);
        QCOMPARE(stored.size(), 0);
        QVERIFY(storedDrafts().isEmpty());
        QVERIFY(draftEvents().isEmpty());

        // An agent asking for a new draft of it gets none either.
        Event requested;
        requested.kind = EventKind::DraftUpdated;
        requested.conversationId = m_drafter.request(0).conversationId;
        requested.data = {{QStringLiteral("state"), QStringLiteral("requested")},
                          {QStringLiteral("for_message_id"), message}};
        m_coordinator->handleEvents({requested});
        QCOMPARE(m_drafter.count(), 1);
    }

    void shouldDraftAgainForTheWordsOfAnEdit()
    {
        const qint64 message = customerWrites(QStringLiteral("Kak, bisa COD?"));
        QTRY_COMPARE(m_drafter.count(), 1);
        QVERIFY(customerChanges(message, QStringLiteral("Kak, ongkir ke Bandung berapa?")));
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));
        // The answer to the old words is dropped; the edit is drafted once more.
        QTRY_COMPARE(m_drafter.count(), 2);
        QCOMPARE(m_drafter.request(1).messageId, message);
        QCOMPARE(m_drafter.request(1).text, QStringLiteral("Kak, ongkir ke Bandung berapa?"));
        m_drafter.answer(1, QStringLiteral("Ongkir ke Bandung Rp12.000, Kak."));
        QTRY_COMPARE(stored.size(), 1);
        const QList<QJsonObject> published = draftEvents();
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.first().value(QLatin1String("text")).toString(),
                 QStringLiteral("Ongkir ke Bandung Rp12.000, Kak."));

        // Later updates of the same edit (a status, a media download) draft nothing more.
        QVERIFY(run([message](WriteTxn &txn) {
                    auto m = ConversationRepo::loadMessage(txn.db(), message);
                    auto c = ConversationRepo::load(txn.db(), m->conversationId);
                    ConversationRepo::publishMessage(txn, *c, *m, EventKind::MessageUpdated);
                    return WriteResult::success();
                }).ok);
        QTest::qWait(100);
        QCOMPARE(m_drafter.count(), 2);
    }

    void shouldFoldAFloodOfNewDraftRequestsIntoOne()
    {
        const qint64 message = customerWrites(QStringLiteral("Kak, bisa COD?"));
        QTRY_COMPARE(m_drafter.count(), 1);
        // An agent presses "new draft" twenty times while the first draft is being written.
        Event requested;
        requested.kind = EventKind::DraftUpdated;
        requested.conversationId = m_drafter.request(0).conversationId;
        requested.data = {{QStringLiteral("state"), QStringLiteral("requested")},
                          {QStringLiteral("for_message_id"), message}};
        for (int i = 0; i < 20; ++i)
            m_coordinator->handleEvents({requested});
        QCOMPARE(m_drafter.count(), 1);
        QCOMPARE(m_coordinator->coalesced(), quint64(20));
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));
        QCOMPARE(m_drafter.count(), 2); // one more, for all twenty
        QCOMPARE(m_drafter.request(1).messageId, message);
        m_drafter.answer(1, QStringLiteral("Bisa, Kak. COD tersedia."));
        QTRY_COMPARE(stored.size(), 2);
        QTest::qWait(50);
        QCOMPARE(m_drafter.count(), 2);
    }

    void shouldNotDraftAgainForAMessageANewerOneReplaced()
    {
        const qint64 first = customerWrites(QStringLiteral("Kak, bisa COD?"));
        QTRY_COMPARE(m_drafter.count(), 1);
        Event requested;
        requested.kind = EventKind::DraftUpdated;
        requested.conversationId = m_drafter.request(0).conversationId;
        requested.data = {{QStringLiteral("state"), QStringLiteral("requested")},
                          {QStringLiteral("for_message_id"), first}};
        m_coordinator->handleEvents({requested});
        QVERIFY(customerWrites(QStringLiteral("Eh, ongkir ke Bandung berapa?")) > first);
        QTRY_COMPARE(m_drafter.count(), 2); // the newer message is drafted at once
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));
        QTest::qWait(50);
        QCOMPARE(m_drafter.count(), 2); // and the old one not again
    }

    void shouldKeepTheLlmTokensOfEveryDraftAcrossRestarts()
    {
        const qint64 first = customerWrites(QStringLiteral("Kak, bisa COD?"));
        QTRY_COMPARE(m_drafter.count(), 1);
        QVERIFY(customerWrites(QStringLiteral("Eh, ongkir ke Bandung berapa?")) > first);
        QTRY_COMPARE(m_drafter.count(), 2);
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        // The superseded draft's tokens were spent too: they count.
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."), 120);
        m_drafter.answer(1, QStringLiteral("Ongkir ke Bandung Rp12.000, Kak."), 80);
        QTRY_COMPARE(stored.size(), 1);
        m_writer->stop();

        // What an admin runs, on the database the relay left behind.
        QString printed;
        QString errors;
        QTextStream out(&printed);
        QTextStream err(&errors);
        QCOMPARE(listLlmTokens(m_config, out, err), 0);
        out.flush();
        QCOMPARE(errors, QString());
        const QStringList lines = printed.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).endsWith(QLatin1String("\t6281234500001\t200")), qPrintable(printed));
        QCOMPARE(lines.at(1), QStringLiteral("total\t\t200"));
    }

    void shouldGiveTheDrafterTheCustomersEarlierMessages()
    {
        QVERIFY(customerWrites(QStringLiteral("kak paket saya belum sampai")) > 0);
        QTRY_COMPARE(m_drafter.count(), 1);
        QVERIFY(m_drafter.request(0).history.isEmpty());
        QVERIFY(customerWrites(QStringLiteral("kak gimana paket saya?")) > 0);
        QVERIFY(customerWrites(QStringLiteral("udah seminggu loh")) > 0);
        QTRY_COMPARE(m_drafter.count(), 3);
        QCOMPARE(m_drafter.request(2).text, QStringLiteral("udah seminggu loh"));
        QCOMPARE(m_drafter.request(2).history,
                 (QStringList{QStringLiteral("kak paket saya belum sampai"),
                              QStringLiteral("kak gimana paket saya?")}));
    }

    void shouldAnswerABurstWithOneDraftThatCoversEveryMessage()
    {
        restartCoordinator(LongQuietMs, &m_drafter);
        const qint64 hello = customerWrites(QStringLiteral("halo kak"));
        const qint64 cod = customerWrites(QStringLiteral("bisa COD?"));
        const qint64 ongkir = customerWrites(QStringLiteral("ongkir ke Bandung berapa?"));
        QVERIFY(hello > 0 && cod > hello && ongkir > cod);
        QTRY_COMPARE(m_coordinator->waitingMessages(), 3);
        QCOMPARE(m_drafter.count(), 0); // the customer is still writing

        m_coordinator->endQuietPeriods();
        QCOMPARE(m_coordinator->waitingMessages(), 0);
        // Each message is asked about with the ones before it; all for the burst's last message.
        QCOMPARE(m_drafter.count(), 3);
        QCOMPARE(m_drafter.request(1).text, QStringLiteral("bisa COD?"));
        QCOMPARE(m_drafter.request(2).history,
                 (QStringList{QStringLiteral("halo kak"), QStringLiteral("bisa COD?")}));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_drafter.request(i).messageId, ongkir);

        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.abstain(0);
        m_drafter.answer(1, QStringLiteral("Halo Kak! Bisa COD untuk Jawa."), 30);
        QCOMPARE(stored.size(), 0); // one draft, when every message has its answer
        m_drafter.answer(2, QStringLiteral("Halo Kak! Ongkir ke Bandung Rp12.000."), 40,
                         QStringLiteral("ongkir"));
        QTRY_COMPARE(stored.size(), 1);
        const QList<QJsonObject> published = draftEvents();
        QCOMPARE(published.size(), 1);
        const QJsonObject draft = published.first();
        QCOMPARE(draft.value(QLatin1String("for_message_id")).toInteger(), ongkir);
        QCOMPARE(draft.value(QLatin1String("text")).toString(),
                 QStringLiteral("Halo Kak! Bisa COD untuk Jawa.\n\nOngkir ke Bandung Rp12.000."));
        QCOMPARE(draft.value(QLatin1String("sources")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("cod"), QStringLiteral("ongkir")}));
        QCOMPARE(storedDrafts().keys(), QList<qint64>{ongkir});

        // A new draft asked for answers the whole burst again.
        Event requested;
        requested.kind = EventKind::DraftUpdated;
        requested.conversationId = conversationOf(ongkir);
        requested.data = {{QStringLiteral("state"), QStringLiteral("requested")},
                          {QStringLiteral("for_message_id"), ongkir}};
        m_coordinator->handleEvents({requested});
        QCOMPARE(m_drafter.count(), 6);
        QCOMPARE(m_drafter.request(3).text, QStringLiteral("halo kak"));
    }

    void shouldGiveADrafterThatReadsBurstsWholeOneRequest()
    {
        WholeBurstDrafter whole;
        restartCoordinator(LongQuietMs, &whole);
        QVERIFY(customerWrites(QStringLiteral("bisa COD?")) > 0);
        const qint64 last = customerWrites(QStringLiteral("ongkir ke Bandung berapa?"));
        QTRY_COMPARE(m_coordinator->waitingMessages(), 2);
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_coordinator->endQuietPeriods();
        QCOMPARE(whole.requests.size(), 1);
        QCOMPARE(whole.requests.first().messageId, last);
        QCOMPARE(whole.requests.first().text,
                 QStringLiteral("bisa COD?\nongkir ke Bandung berapa?"));
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(draftEvents().size(), 1);
    }

    void shouldDraftMessagesFarApartSeparatelyAfterTheirQuietPeriod()
    {
        restartCoordinator(100, &m_drafter);
        QElapsedTimer waited;
        waited.start();
        const qint64 first = customerWrites(QStringLiteral("bisa COD?"));
        QTRY_COMPARE(m_drafter.count(), 1);
        QVERIFY(waited.elapsed() >= 100); // after the quiet period, not before
        QCOMPARE(m_drafter.request(0).messageId, first);
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));

        const qint64 second = customerWrites(QStringLiteral("ongkir ke Bandung berapa?"));
        QTRY_COMPARE(m_drafter.count(), 2);
        QCOMPARE(m_drafter.request(1).messageId, second);
        QCOMPARE(m_drafter.request(1).text, QStringLiteral("ongkir ke Bandung berapa?"));
        QCOMPARE(m_drafter.request(1).history, QStringList{QStringLiteral("bisa COD?")});
        QTest::qWait(200);
        QCOMPARE(m_drafter.count(), 2);
    }

    void shouldLeaveABurstAnAgentAnsweredToTheAgent()
    {
        restartCoordinator(LongQuietMs, &m_drafter);
        const qint64 first = customerWrites(QStringLiteral("kak paket saya belum sampai"));
        QVERIFY(customerWrites(QStringLiteral("resinya mana?")) > first);
        QTRY_COMPARE(m_coordinator->waitingMessages(), 2);
        agentReplies(conversationOf(first));
        QCOMPARE(m_coordinator->waitingMessages(), 0);
        m_coordinator->endQuietPeriods();
        QCOMPARE(m_drafter.count(), 0); // the agent is answering those

        // What the customer writes after the reply is a burst of its own.
        const qint64 after = customerWrites(QStringLiteral("oke makasih, bisa COD juga?"));
        QTRY_COMPARE(m_coordinator->waitingMessages(), 1);
        m_coordinator->endQuietPeriods();
        QCOMPARE(m_drafter.count(), 1);
        QCOMPARE(m_drafter.request(0).messageId, after);
        QCOMPARE(m_drafter.request(0).text, QStringLiteral("oke makasih, bisa COD juga?"));
    }

    void shouldStillDraftABurstAnAutomaticReplyFollowed()
    {
        restartCoordinator(LongQuietMs, &m_drafter);
        const qint64 first = customerWrites(QStringLiteral("kak masih buka?"));
        const qint64 last = customerWrites(QStringLiteral("mau tanya ongkir ke Bandung"));
        QTRY_COMPARE(m_coordinator->waitingMessages(), 2);
        // The out-of-hours reply (sender ai) answers none of the customer's questions.
        repliedBy(conversationOf(first), QStringLiteral("ai"));
        QCOMPARE(m_coordinator->waitingMessages(), 2);
        m_coordinator->endQuietPeriods();
        QTRY_COMPARE(m_drafter.count(), 2);
        QCOMPARE(m_drafter.request(1).messageId, last);
    }

    void shouldDraftTheNewWordsOfAMessageEditedInItsQuietPeriod()
    {
        restartCoordinator(LongQuietMs, &m_drafter);
        const qint64 first = customerWrites(QStringLiteral("bisa COD?"));
        QVERIFY(customerWrites(QStringLiteral("ongkir ke Bandung berapa?")) > first);
        QTRY_COMPARE(m_coordinator->waitingMessages(), 2);
        QVERIFY(customerChanges(first, QStringLiteral("bisa COD ke Bandung?")));
        QTest::qWait(50);
        QCOMPARE(m_drafter.count(), 0); // the customer is still writing
        m_coordinator->endQuietPeriods();
        QCOMPARE(m_drafter.count(), 2);
        QCOMPARE(m_drafter.request(0).text, QStringLiteral("bisa COD ke Bandung?"));
    }

    void shouldDropABurstDraftWhenOneOfItsMessagesIsDeleted()
    {
        restartCoordinator(LongQuietMs, &m_drafter);
        const qint64 first = customerWrites(QStringLiteral("bisa COD?"));
        QVERIFY(customerWrites(QStringLiteral("ongkir ke Bandung berapa?")) > first);
        QTRY_COMPARE(m_coordinator->waitingMessages(), 2);
        m_coordinator->endQuietPeriods();
        QCOMPARE(m_drafter.count(), 2);
        QVERIFY(customerChanges(first, QString()));
        QSignalSpy stored(&*m_coordinator, &DraftCoordinator::draftStored);
        m_drafter.answer(0, QStringLiteral("Bisa COD, Kak."));
        m_drafter.answer(1, QStringLiteral("Ongkir Rp12.000."), 0, QStringLiteral("ongkir"));
        QTest::qWait(100);
        QCOMPARE(stored.size(), 0);
        QVERIFY(storedDrafts().isEmpty());
    }

private:
    std::optional<QTemporaryDir> m_dir;
    RelayConfig m_config;
    std::optional<StoreWriter> m_writer;
    std::optional<StoreReader> m_reader;
    HeldDrafter m_drafter;
    std::optional<DraftCoordinator> m_coordinator;
    std::optional<QSignalSpy> m_committed;
    QObject m_context;
    int m_wamids = 0;
};

QTEST_GUILESS_MAIN(TestDraftCoordinator)
#include "tst_draftcoordinator.moc"
