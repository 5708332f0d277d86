#include "protocol/types.h"
#include "store/conversationrepo.h"
#include "store/mediafiles.h"
#include "store/mediarepo.h"
#include "store/outboxrepo.h"
#include "store/storewriter.h"
#include "support/fakegraphapi.h"
#include "whatsapp/cloudapichannel.h"
#include "whatsapp/outboxsender.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;
using Serambi::Test::FakeGraphApi;

namespace {

const QString PhoneNumberId = QStringLiteral("106540352242922");
const QByteArray Token = "EAAG-test-token";

struct Outbound
{
    qint64 messageId = 0;
    qint64 outboxId = 0;
    QJsonObject request;
};

QJsonObject textRequest(const QString &text)
{
    return {{QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
            {QLatin1String("recipient_type"), QStringLiteral("individual")},
            {QLatin1String("to"), QStringLiteral("+447700900123")},
            {QLatin1String("type"), QStringLiteral("text")},
            {QLatin1String("text"), QJsonObject{{QLatin1String("body"), text}}}};
}

QJsonObject withCallbackData(QJsonObject request, qint64 outboxId)
{
    request.insert(QLatin1String("biz_opaque_callback_data"), QString::number(outboxId));
    return request;
}

} // namespace

class TestOutboxSender : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<FakeGraphApi> m_api;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<CloudApiChannel> m_graph;
    std::unique_ptr<OutboxSender> m_sender;
    QByteArray m_photo;

    // A stored upload (as POST /media leaves it) and a send of it.
    Outbound createMediaSend()
    {
        const QString key = MediaFiles(m_dir->filePath(QStringLiteral("media"))).write(m_photo);
        const qint64 size = m_photo.size();
        const auto stored = run([key, size](WriteTxn &txn) {
            MediaFile file;
            file.key = key;
            file.mimeType = QStringLiteral("image/png");
            file.size = size;
            file.filename = QStringLiteral("resi.png");
            return MediaRepo::insertFile(txn, file, 0) ? WriteResult::success()
                                                       : WriteResult::failure(QString());
        });
        if (key.isEmpty() || !stored || !stored->ok)
            return {};
        QJsonObject request = textRequest(QString());
        request.insert(QLatin1String("type"), QStringLiteral("image"));
        request.remove(QLatin1String("text"));
        request.insert(QLatin1String("image"), QJsonObject{{QLatin1String("key"), key}});
        return createOutbound(request, QString());
    }
    EventList m_events;

    // Small delays so that a suite full of retries stays fast.
    OutboxOptions fastOptions() const
    {
        OutboxOptions options;
        options.mediaDir = m_dir->filePath(QStringLiteral("media"));
        options.maxAttempts = 5;
        options.backoffBaseMs = 10;
        options.backoffCapMs = 40;
        return options;
    }

    void makeSender(const OutboxOptions &options)
    {
        m_sender = std::make_unique<OutboxSender>(m_writer.get(), m_graph.get(), options);
    }

    // Runs job on the writer and waits for its commit.
    std::optional<WriteResult> run(StoreWriter::Job job)
    {
        std::optional<WriteResult> result;
        m_writer->submit(std::move(job), this,
                         [&result](const WriteResult &written) { result = written; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            return std::nullopt;
        return result;
    }

    // What the hub does for an agent's reply: message, outbox row and event in one job.
    Outbound createOutbound(const QString &text) { return createOutbound(textRequest(text), text); }

    Outbound createOutbound(const QJsonObject &request, const QString &text)
    {
        auto outbound = std::make_shared<Outbound>();
        outbound->request = request;
        const auto result = run([outbound, text](WriteTxn &txn) {
            Contact contact;
            contact.waId = QStringLiteral("447700900123");
            contact.profileName = QStringLiteral("Sari");
            const auto conversation = ConversationRepo::findOrCreate(
                txn, QStringLiteral("main"), PhoneNumberId, contact, Protocol::AiMode::Off);
            if (!conversation)
                return WriteResult::failure(QStringLiteral("no conversation"));
            Message message;
            message.conversationId = conversation->id;
            message.direction = Protocol::Direction::Out;
            message.type = outbound->request.value(QLatin1String("type")).toString();
            message.text = text;
            message.payload = outbound->request;
            message.status = QStringLiteral("pending");
            message.senderKind = QStringLiteral("agent");
            message.timestamp = txn.now();
            if (!ConversationRepo::insertMessage(txn, message))
                return WriteResult::failure(QStringLiteral("message not stored"));
            outbound->messageId = message.id;
            outbound->outboxId = OutboxRepo::enqueue(txn, message.id, outbound->request);
            ConversationRepo::publishMessage(txn, *conversation, message,
                                             EventKind::MessageCreated);
            return WriteResult::success();
        });
        if (!result || !result->ok)
            return {};
        return *outbound;
    }

    std::optional<Message> message(qint64 id)
    {
        auto loaded = std::make_shared<std::optional<Message>>();
        run([loaded, id](WriteTxn &txn) {
            *loaded = ConversationRepo::loadMessage(txn.db(), id);
            return WriteResult::success();
        });
        return *loaded;
    }

    QString outboxState(qint64 outboxId)
    {
        auto state = std::make_shared<QString>();
        run([state, outboxId](WriteTxn &txn) {
            PreparedQuery q = txn.prepare(QStringLiteral("SELECT state FROM outbox WHERE id = ?"));
            q.addBindValue(outboxId);
            if (execQuery(q) && q.next())
                *state = q.value(0).toString();
            return WriteResult::success();
        });
        return *state;
    }

    QString messageStatus(qint64 id)
    {
        const auto loaded = message(id);
        return loaded ? loaded->status : QString();
    }

    QList<QJsonObject> updatesOf(qint64 messageId) const
    {
        QList<QJsonObject> updates;
        for (const Event &event : m_events) {
            if (event.kind == EventKind::MessageUpdated &&
                event.data.value(QLatin1String("id")).toInteger() == messageId)
                updates.append(event.data);
        }
        return updates;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_writer = std::make_unique<StoreWriter>(m_dir->filePath(QStringLiteral("relay.db")),
                                                 SyncMode::Normal);
        QString error;
        QVERIFY2(m_writer->start(&error), qPrintable(error));
        // Delivered through the writer, so a late signal from the previous test's writer dies
        // with it.
        connect(m_writer.get(), &StoreWriter::eventsCommitted, m_writer.get(),
                [this](const EventList &events) { m_events.append(events); });
        m_api = std::make_unique<FakeGraphApi>();
        QVERIFY(m_api->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_graph = std::make_unique<CloudApiChannel>(
            QStringLiteral("main"),
            CloudApiOptions{GraphOptions{m_api->baseUrl(), PhoneNumberId, Token, 500}, {}, {}},
            m_nam.get());
        makeSender(fastOptions());
        m_events.clear();
        m_photo = QByteArray("\x89PNG\r\n\x1a\n-a-tiny-photo", 21);
    }

    void cleanup()
    {
        m_writer->stop();
        m_sender.reset();
        m_graph.reset();
        m_nam.reset();
        m_api.reset();
        m_writer.reset();
        m_dir.reset();
    }

    void shouldSendTheStoredRequestWithTheOutboxIdAndBearerToken()
    {
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Pesanan Anda sudah dikirim."));
        QVERIFY(outbound.outboxId > 0);

        QTRY_COMPARE(m_api->requests().size(), 1);
        const FakeGraphApi::Request request = m_api->requests().constFirst();
        QCOMPARE(request.path, QStringLiteral("/v25.0/106540352242922/messages"));
        QCOMPARE(request.authorization, QByteArray("Bearer EAAG-test-token"));
        QCOMPARE(request.contentType, QByteArray("application/json"));
        QCOMPARE(request.json(), withCallbackData(outbound.request, outbound.outboxId));
    }

    void shouldKeepToTheChannelsRate()
    {
        OutboxOptions options = fastOptions();
        options.messagesPerSecond = 5; // a slot every 200 ms
        makeSender(options);
        m_sender->start();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 6; ++i)
            QVERIFY(createOutbound(QStringLiteral("Pesan %1").arg(i)).outboxId > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->requests().size(), 6, 5000);
        // Six requests need five gaps of 200 ms; at the Cloud API's 80 a second they took ~75 ms.
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    }

    void shouldStoreTheWamidAsAcceptedAndPublishTheUpdate()
    {
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Terima kasih!"));

        QTRY_COMPARE(m_sender->counters().accepted, quint64(1));
        const auto stored = message(outbound.messageId);
        QVERIFY(stored);
        QCOMPARE(stored->status, QStringLiteral("accepted"));
        QCOMPARE(stored->wamid, m_api->wamids().constFirst());
        QCOMPARE(outboxState(outbound.outboxId), QStringLiteral("done"));
        const QList<QJsonObject> updates = updatesOf(outbound.messageId);
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.constFirst().value(QLatin1String("status")).toString(),
                 QStringLiteral("accepted"));
        QCOMPARE(updates.constFirst().value(QLatin1String("wamid")).toString(),
                 m_api->wamids().constFirst());
        QCOMPARE(m_sender->counters().depth, 0);
        QCOMPARE(m_sender->counters().inflight, 0);
    }

    void shouldRetryRateLimitsServerErrorsAndTimeoutsThenSendOnce()
    {
        m_api->enqueue(FakeGraphApi::httpStatus(429, "1"));
        m_api->enqueue(FakeGraphApi::httpStatus(500));
        m_api->enqueue(FakeGraphApi::noAnswer());
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        connect(m_api.get(), &FakeGraphApi::requestReceived, this,
                [&] { arrivals.append(clock.elapsed()); });
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Kami cek dulu, ya."));

        QTRY_COMPARE_WITH_TIMEOUT(messageStatus(outbound.messageId), QStringLiteral("accepted"),
                                  10000);
        QCOMPARE(m_api->requests().size(), 4);
        for (const FakeGraphApi::Request &request : m_api->requests())
            QCOMPARE(request.json(), withCallbackData(outbound.request, outbound.outboxId));
        QVERIFY2(arrivals.at(1) - arrivals.at(0) >= 1000, "Retry-After: 1 was not honoured");
        QCOMPARE(m_api->wamids().size(), 1);
        QCOMPARE(message(outbound.messageId)->wamid, m_api->wamids().constFirst());
        QCOMPARE(m_sender->counters().retried, quint64(3));
        QCOMPARE(m_sender->counters().accepted, quint64(1));
        QCOMPARE(updatesOf(outbound.messageId).size(), 1);
    }

    void shouldFailAtOnceOnAPermanentError_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("metaMessage");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("details");
        QTest::newRow("invalid parameter")
            << 100 << QStringLiteral("(#100) Invalid parameter")
            << QStringLiteral("Invalid parameter")
            << QStringLiteral("Parameter 'to' is not a valid phone number.");
        QTest::newRow("outside the 24-hour window")
            << 131047 << QStringLiteral("(#131047) Re-engagement message")
            << QStringLiteral("Re-engagement message")
            << QStringLiteral("More than 24 hours have passed since the customer last replied.");
    }

    void shouldFailAtOnceOnAPermanentError()
    {
        QFETCH(int, code);
        QFETCH(QString, metaMessage);
        QFETCH(QString, title);
        QFETCH(QString, details);
        m_api->enqueue(FakeGraphApi::metaError(400, code, metaMessage, details));
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Halo lagi!"));

        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("failed"));
        const auto stored = message(outbound.messageId);
        QCOMPARE(stored->errorCode, code);
        QCOMPARE(stored->errorTitle, title);
        QCOMPARE(stored->errorDetails, details);
        QCOMPARE(outboxState(outbound.outboxId), QStringLiteral("failed"));
        QCOMPARE(m_api->requests().size(), 1);
        QCOMPARE(m_sender->counters().failed, quint64(1));
        QCOMPARE(m_sender->counters().retried, quint64(0));
        const QList<QJsonObject> updates = updatesOf(outbound.messageId);
        QCOMPARE(updates.size(), 1);
        const QJsonObject error = updates.constFirst().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), code);
        QCOMPARE(error.value(QLatin1String("title")).toString(), title);
        QCOMPARE(error.value(QLatin1String("details")).toString(), details);
    }

    void shouldUploadAMediaSendsBytesThenSendMetasId()
    {
        FakeGraphApi::Reply uploaded;
        uploaded.body = QByteArrayLiteral(R"({"id":"4490709327384033"})");
        m_api->enqueue(uploaded);
        m_sender->start();
        const Outbound outbound = createMediaSend();
        QVERIFY(outbound.messageId > 0);
        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("accepted"));
        const auto requests = m_api->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).path, QStringLiteral("/v25.0/%1/media").arg(PhoneNumberId));
        QVERIFY(requests.at(0).contentType.startsWith("multipart/form-data"));
        QCOMPARE(requests.at(0).authorization, "Bearer " + Token);
        QJsonObject expected = outbound.request;
        expected.insert(QLatin1String("image"),
                        QJsonObject{{QLatin1String("id"), QStringLiteral("4490709327384033")}});
        QCOMPARE(requests.at(1).json(), withCallbackData(expected, outbound.outboxId));
    }

    void shouldFailAMediaSendWhoseUploadMetaRefuses()
    {
        m_api->enqueue(FakeGraphApi::metaError(400, 131053,
                                               QStringLiteral("(#131053) Media upload error"),
                                               QStringLiteral("Unsupported file type")));
        m_sender->start();
        const Outbound outbound = createMediaSend();
        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("failed"));
        const auto stored = message(outbound.messageId);
        QCOMPARE(stored->errorCode, 131053);
        QCOMPARE(stored->errorTitle, QStringLiteral("Media upload error"));
        QCOMPARE(m_api->requests().size(), 1); // the message itself was never posted
    }

    void shouldFailWithMetasReasonWhenAttemptsAreExhausted()
    {
        for (int i = 0; i < fastOptions().maxAttempts; ++i) {
            m_api->enqueue(FakeGraphApi::metaError(
                400, 131016, QStringLiteral("(#131016) Service unavailable"),
                QStringLiteral("A service is temporarily unavailable.")));
        }
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Coba lagi nanti."));

        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("failed"));
        QCOMPARE(m_api->requests().size(), fastOptions().maxAttempts);
        const auto stored = message(outbound.messageId);
        QCOMPARE(stored->errorCode, 131016);
        QCOMPARE(stored->errorTitle, QStringLiteral("Service unavailable"));
        QCOMPARE(outboxState(outbound.outboxId), QStringLiteral("failed"));
        QCOMPARE(m_sender->counters().retried, quint64(fastOptions().maxAttempts - 1));
        QCOMPARE(m_sender->counters().failed, quint64(1));
    }

    void shouldFailWithARelayReasonWhenTheApiNeverAnswers()
    {
        OutboxOptions options = fastOptions();
        options.maxAttempts = 2;
        makeSender(options);
        m_api->enqueue(FakeGraphApi::noAnswer());
        m_api->enqueue(FakeGraphApi::noAnswer());
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Halo?"));

        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("failed"));
        const auto stored = message(outbound.messageId);
        QCOMPARE(stored->errorCode, 0);
        QCOMPARE(stored->errorTitle, QStringLiteral("timeout"));
        QCOMPARE(m_api->requests().size(), 2);
    }

    void shouldResendAnItemLeftInFlightByACrash()
    {
        const Outbound outbound = createOutbound(QStringLiteral("Sebelum crash."));
        const auto claimed = run([](WriteTxn &txn) {
            return WriteResult::success(
                OutboxRepo::claimDue(txn, QStringLiteral("main"), 10).size());
        });
        QVERIFY(claimed && claimed->value.toInt() == 1);
        QCOMPARE(outboxState(outbound.outboxId), QStringLiteral("inflight"));

        m_sender->start();

        QTRY_COMPARE(messageStatus(outbound.messageId), QStringLiteral("accepted"));
        QCOMPARE(m_api->requests().size(), 1);
        QCOMPARE(m_api->requests().constFirst().json(),
                 withCallbackData(outbound.request, outbound.outboxId));
        QCOMPARE(outboxState(outbound.outboxId), QStringLiteral("done"));
    }

    void shouldPickUpNewMessagesWithoutPolling()
    {
        // Any polling or retry timer would be far slower than the QTRY timeout.
        OutboxOptions options = fastOptions();
        options.backoffBaseMs = 60000;
        options.backoffCapMs = 60000;
        makeSender(options);
        m_sender->start();

        const Outbound first = createOutbound(QStringLiteral("Satu"));
        QTRY_COMPARE(messageStatus(first.messageId), QStringLiteral("accepted"));
        const Outbound second = createOutbound(QStringLiteral("Dua"));
        QTRY_COMPARE(messageStatus(second.messageId), QStringLiteral("accepted"));
        QCOMPARE(m_api->requests().size(), 2);
    }

    void shouldSendEachQueuedMessageExactlyOnce()
    {
        OutboxOptions options = fastOptions();
        options.maxConcurrent = 2;
        makeSender(options);
        QList<Outbound> outbounds;
        for (int i = 0; i < 6; ++i)
            outbounds.append(createOutbound(QStringLiteral("Pesan %1").arg(i)));
        m_sender->start();

        QTRY_COMPARE(m_sender->counters().accepted, quint64(6));
        QCOMPARE(m_api->requests().size(), 6);
        QSet<QString> callbackData;
        for (const FakeGraphApi::Request &request : m_api->requests())
            callbackData.insert(
                request.json().value(QLatin1String("biz_opaque_callback_data")).toString());
        QCOMPARE(callbackData.size(), 6);
        for (const Outbound &outbound : std::as_const(outbounds))
            QCOMPARE(messageStatus(outbound.messageId), QStringLiteral("accepted"));
        QCOMPARE(m_sender->counters().depth, 0);
    }

    void shouldSendOneConversationsMessagesOneAtATimeInOrder()
    {
        FakeGraphApi::Reply slow;
        slow.delayMs = 200;
        m_api->enqueue(slow);
        const Outbound first = createOutbound(QStringLiteral("Pertama"));
        const Outbound second = createOutbound(QStringLiteral("Kedua"));
        const Outbound third = createOutbound(QStringLiteral("Ketiga"));
        m_sender->start();

        QTRY_COMPARE(m_sender->counters().accepted, quint64(3));
        const QList<FakeGraphApi::Request> requests = m_api->requests();
        QCOMPARE(requests.size(), 3);
        const QList<qint64> outboxIds{first.outboxId, second.outboxId, third.outboxId};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests.at(i)
                         .json()
                         .value(QLatin1String("biz_opaque_callback_data"))
                         .toString()
                         .toLongLong(),
                     outboxIds.at(i));
            QCOMPARE(requests.at(i).answeredBefore, i);
        }
    }

    void shouldNotResendWhenAStatusWebhookShowsMetaAcceptedTheLostAttempt()
    {
        m_graph = std::make_unique<CloudApiChannel>(
            QStringLiteral("main"),
            CloudApiOptions{GraphOptions{m_api->baseUrl(), PhoneNumberId, Token, 1500}, {}, {}},
            m_nam.get());
        makeSender(fastOptions());
        m_api->enqueue(FakeGraphApi::noAnswer());
        m_sender->start();
        const Outbound outbound = createOutbound(QStringLiteral("Jawaban hilang."));
        QTRY_COMPARE(m_api->requests().size(), 1);

        // What the webhook ingest does with a "sent" status carrying our callback data.
        const qint64 messageId = outbound.messageId;
        run([messageId](WriteTxn &txn) {
            auto stored = ConversationRepo::loadMessage(txn.db(), messageId);
            stored->status = QStringLiteral("sent");
            stored->wamid = QStringLiteral("wamid.FROM_WEBHOOK");
            ConversationRepo::updateMessage(txn, *stored);
            return WriteResult::success();
        });

        QTRY_COMPARE(outboxState(outbound.outboxId), QStringLiteral("done"));
        QCOMPARE(m_api->requests().size(), 1);
        const auto stored = message(messageId);
        QCOMPARE(stored->status, QStringLiteral("sent"));
        QCOMPARE(stored->wamid, QStringLiteral("wamid.FROM_WEBHOOK"));
        QCOMPARE(m_sender->counters().retried, quint64(0));
        QCOMPARE(m_sender->counters().accepted, quint64(1));
    }

    void shouldNotRegressAStatusAWebhookAlreadyAdvanced()
    {
        const Outbound outbound = createOutbound(QStringLiteral("Cepat sekali."));
        const qint64 messageId = outbound.messageId;
        run([messageId](WriteTxn &txn) {
            auto stored = ConversationRepo::loadMessage(txn.db(), messageId);
            stored->status = QStringLiteral("delivered");
            ConversationRepo::updateMessage(txn, *stored);
            return WriteResult::success();
        });

        m_sender->start();

        QTRY_COMPARE(m_sender->counters().accepted, quint64(1));
        const auto stored = message(messageId);
        QCOMPARE(stored->status, QStringLiteral("delivered"));
        QCOMPARE(stored->wamid, m_api->wamids().constFirst());
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
