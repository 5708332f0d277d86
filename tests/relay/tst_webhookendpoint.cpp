// The relay's Meta-facing HTTP endpoint, over real HTTP on loopback with a real SQLite file
// (a real PostgreSQL database as tst_webhookendpoint_postgresql).
#include "http/metrics.h"
#include "http/relayhttpserver.h"
#include "http/webhookendpoint.h"
#include "store/conversationrepo.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writetxn.h"
#include "support/testdata.h"
#include "support/testdatabase.h"
#include "whatsapp/cloudapichannel.h"
#include "whatsapp/signature.h"
#include "whatsapp/webhookparser.h"

#include <QDir>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Serambi::Relay;
namespace Protocol = Serambi::Protocol;

namespace {
const QByteArray AppSecret = QByteArrayLiteral("test-app-secret");
const QByteArray VerifyToken = QByteArrayLiteral("verify-me");
const QString ReadWamid = QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDEwMQA=");
const QString ServedNumber = QStringLiteral("109876543210987");
const QString CoexTextWamid =
    QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgMQ09FWC1URVhULTAxAA==");
const QString CoexImageWamid =
    QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgNQ09FWC1JTUFHRS0wMQA=");
} // namespace

class TestWebhookEndpoint : public QObject
{
    Q_OBJECT

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    Reply send(QNetworkRequest request, const QByteArray &method, const QByteArray &body = {})
    {
        QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->readAll()};
        reply->deleteLater();
        return result;
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    Reply post(const QByteArray &body, const QByteArray &signature)
    {
        QNetworkRequest request(url(QStringLiteral("/webhook")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!signature.isNull())
            request.setRawHeader("X-Hub-Signature-256", signature);
        return send(request, "POST", body);
    }

    Reply postSigned(const QByteArray &body)
    {
        return post(body, webhookSignature(body, AppSecret));
    }

    Reply postFixture(const QString &name)
    {
        return postSigned(Serambi::Test::readData(QStringLiteral("webhooks/") + name));
    }

    qint64 count(const QString &table, const QString &where = QStringLiteral("1 = 1"))
    {
        QSqlQuery q(m_reader->db());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // The events stored so far, oldest first: kind and data.
    QList<QPair<QString, QJsonObject>> events()
    {
        QList<QPair<QString, QJsonObject>> all;
        QSqlQuery q(m_reader->db());
        q.exec(QStringLiteral("SELECT kind, data FROM events ORDER BY seq"));
        while (q.next())
            all.append({q.value(0).toString(),
                        QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()});
        return all;
    }

    QByteArray metricsText()
    {
        return send(QNetworkRequest(url(QStringLiteral("/metrics"))), "GET").body;
    }

    QString statusOf(const QString &wamid)
    {
        auto message = ConversationRepo::messageByWamid(m_reader->db(), wamid);
        return message ? message->status : QString();
    }

    // An outbound message Meta will report statuses for.
    void storeOutbound(const QString &wamid)
    {
        QSignalSpy done(this, &TestWebhookEndpoint::jobDone);
        m_writer->submit(
            [wamid](WriteTxn &txn) {
                Contact contact;
                contact.waId = QStringLiteral("6281234567890");
                auto conversation = ConversationRepo::findOrCreate(
                    txn, QStringLiteral("main"), QStringLiteral("109876543210987"), contact,
                    Protocol::AiMode::Draft);
                Message message;
                message.conversationId = conversation->id;
                message.wamid = wamid;
                message.direction = Protocol::Direction::Out;
                message.type = QStringLiteral("text");
                message.text = QStringLiteral("Baik Kak");
                message.status = QStringLiteral("accepted");
                message.senderKind = QStringLiteral("agent");
                message.timestamp = txn.now();
                ConversationRepo::insertMessage(txn, message);
                return WriteResult::success();
            },
            this, [this](const WriteResult &) { Q_EMIT jobDone(); });
        QVERIFY(done.wait(5000));
    }

Q_SIGNALS:
    void jobDone();

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QString error;
        const QString database = Serambi::Test::TestDatabase::location(
            m_dir->filePath(QStringLiteral("relay.sqlite")), &error);
        QVERIFY2(!database.isEmpty(), qPrintable(error));
        m_writer = std::make_unique<StoreWriter>(database);
        QVERIFY2(m_writer->start(&error), qPrintable(error));
        m_reader = std::make_unique<StoreReader>(database);
        QVERIFY(m_reader->open(&error));
        m_nam = std::make_unique<QNetworkAccessManager>();
        CloudApiOptions cloud;
        cloud.graph.phoneNumberId = ServedNumber;
        cloud.appSecret = AppSecret;
        cloud.verifyToken = VerifyToken;
        m_channel = std::make_unique<CloudApiChannel>(QStringLiteral("main"), cloud, m_nam.get());
        WebhookOptions options;
        options.maxBodyBytes = 4 * 1024 * 1024;
        m_endpoint = std::make_unique<WebhookEndpoint>(m_channel.get(), options, m_writer.get());
        m_metrics = std::make_unique<MetricsRegistry>();
        m_endpoint->registerMetrics(*m_metrics, {});
        m_server = std::make_unique<RelayHttpServer>(
            m_endpoint.get(), nullptr, m_metrics.get(), [](QWebSocket *socket) { delete socket; },
            [] { return true; });
        m_port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
        m_endpoint.reset();
        m_channel.reset();
        m_reader.reset();
        m_writer.reset();
        m_dir.reset();
    }

    void shouldEchoTheChallengeForTheRightVerifyToken()
    {
        QUrl verify = url(QStringLiteral("/webhook"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("hub.mode"), QStringLiteral("subscribe"));
        query.addQueryItem(QStringLiteral("hub.verify_token"), QString::fromUtf8(VerifyToken));
        query.addQueryItem(QStringLiteral("hub.challenge"), QStringLiteral("1158201444"));
        verify.setQuery(query);
        const Reply ok = send(QNetworkRequest(verify), "GET");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, QByteArray("1158201444"));

        query.removeAllQueryItems(QStringLiteral("hub.verify_token"));
        query.addQueryItem(QStringLiteral("hub.verify_token"), QStringLiteral("guess"));
        verify.setQuery(query);
        const Reply refused = send(QNetworkRequest(verify), "GET");
        QCOMPARE(refused.status, 403);
        QVERIFY(!refused.body.contains("1158201444"));
    }

    void shouldStoreASignedMessageBeforeAnswering()
    {
        const Reply reply = postFixture(QStringLiteral("text.json"));
        QCOMPARE(reply.status, 200);
        // The 200 means committed: visible to another connection at once.
        QCOMPARE(count(QStringLiteral("messages")), 1);
        QCOMPARE(count(QStringLiteral("conversations")), 1);
        QVERIFY(count(QStringLiteral("events")) >= 2);
    }

    void shouldRefuseAMissingSignatureAndStoreNothing()
    {
        const Reply reply =
            post(Serambi::Test::readData(QStringLiteral("webhooks/text.json")), QByteArray());
        QCOMPARE(reply.status, 401);
        QCOMPARE(count(QStringLiteral("messages")), 0);
    }

    void shouldRefuseAWrongSignatureAndStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("signature");
        const QByteArray body = Serambi::Test::readData(QStringLiteral("webhooks/text.json"));
        QTest::newRow("other secret") << webhookSignature(body, "not-the-secret");
        QTest::newRow("tampered body") << webhookSignature(body + ' ', AppSecret);
        QTest::newRow("sha1 prefix")
            << QByteArray("sha1=") + webhookSignature(body, AppSecret).mid(7);
        QTest::newRow("garbage") << QByteArray("sha256=zz");
    }

    void shouldRefuseAWrongSignatureAndStoreNothing()
    {
        QFETCH(QByteArray, signature);
        const Reply reply =
            post(Serambi::Test::readData(QStringLiteral("webhooks/text.json")), signature);
        QCOMPARE(reply.status, 403);
        QCOMPARE(count(QStringLiteral("messages")), 0);
    }

    void shouldRefuseAnOversizeBody()
    {
        QByteArray body = Serambi::Test::readData(QStringLiteral("webhooks/text.json"));
        body.append(QByteArray(4 * 1024 * 1024, ' '));
        const Reply reply = postSigned(body);
        QCOMPARE(reply.status, 413);
        QCOMPARE(count(QStringLiteral("messages")), 0);
    }

    void shouldRefuseMalformedJsonWith400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated")
            << QByteArray(R"({"object":"whatsapp_business_account","entry":[)");
        QTest::newRow("not an object") << QByteArray("[]");
        QTest::newRow("other object") << QByteArray(R"({"object":"page","entry":[]})");
        QTest::newRow("empty") << QByteArray("");
    }

    void shouldRefuseMalformedJsonWith400()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(postSigned(body).status, 400);
        QCOMPARE(count(QStringLiteral("events")), 0);
    }

    void shouldAcknowledgeFieldsItDoesNotHandle()
    {
        QCOMPARE(postFixture(QStringLiteral("template_status_update.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 0);
    }

    void shouldStoreEveryInboundTypeIncludingUnknownOnes_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("unsupported");
        const QList<std::tuple<const char *, const char *, bool>> rows{
            {"text.json", "text", false},
            {"image.json", "image", false},
            {"video.json", "video", false},
            {"audio_voice.json", "audio", false},
            {"document.json", "document", false},
            {"sticker.json", "sticker", false},
            {"location_place.json", "location", false},
            {"contacts_card.json", "contacts", false},
            {"interactive_button_reply.json", "interactive", false},
            {"interactive_list_reply.json", "interactive", false},
            {"interactive_nfm_reply.json", "interactive", false},
            {"button_template.json", "button", false},
            {"reaction.json", "reaction", false},
            {"order.json", "order", false},
            {"system_changed_number.json", "system", false},
            {"system_identity_changed.json", "system", false},
            {"location_pin_only.json", "location", false},
            {"order_three_items.json", "order", false},
            {"interactive_call_permission_reply.json", "interactive", false},
            {"interactive_flow_form.json", "interactive", false},
            {"interactive_list_reply_description.json", "interactive", false},
            {"interactive_error_131000.json", "interactive", false},
            {"unsupported_poll.json", "unsupported", true},
            {"unknown.json", "unknown", true},
            {"unknown_future_type.json", nullptr, true},
            {"request_welcome.json", "request_welcome", false},
            {"username_only.json", "text", false},
        };
        for (const auto &[fixture, type, unsupported] : rows)
            QTest::newRow(fixture)
                << QString::fromLatin1(fixture) << QString::fromLatin1(type) << unsupported;
    }

    void shouldStoreEveryInboundTypeIncludingUnknownOnes()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, type);
        QFETCH(bool, unsupported);
        QCOMPARE(postFixture(fixture).status, 200);
        QSqlQuery q(m_reader->db());
        QVERIFY(q.exec(QStringLiteral("SELECT type, payload FROM messages")));
        QVERIFY2(q.next(), "message not stored");
        if (!type.isEmpty())
            QCOMPARE(q.value(0).toString(), type);
        QCOMPARE(q.value(1).toString().contains(QLatin1String("\"serambi_unsupported\":true")),
                 unsupported);
    }

    void shouldStoreARedeliveredMessageOnce()
    {
        QCOMPARE(postFixture(QStringLiteral("text.json")).status, 200);
        QCOMPARE(postFixture(QStringLiteral("text.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        QCOMPARE(m_endpoint->duplicates(), quint64(1));
    }

    void shouldStoreEveryItemOfABatch()
    {
        const QByteArray body = Serambi::Test::readData(QStringLiteral("webhooks/batch.json"));
        const auto batch = parseWebhook(body);
        QVERIFY(batch);
        QSet<QString> wamids;
        QSet<QString> customers;
        for (const InboundMessage &message : batch->messages) {
            if (message.phoneNumberId != ServedNumber)
                continue; // another business number's: ignored
            wamids.insert(message.wamid);
            customers.insert(message.from.key());
        }
        QVERIFY(wamids.size() >= 3);
        QCOMPARE(postSigned(body).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), wamids.size());
        QCOMPARE(count(QStringLiteral("conversations")), customers.size());
    }

    void shouldNeverLetAStatusGoBack()
    {
        storeOutbound(ReadWamid);
        QCOMPARE(postFixture(QStringLiteral("status_read.json")).status, 200);
        QCOMPARE(statusOf(ReadWamid), QStringLiteral("read"));
        QCOMPARE(postFixture(QStringLiteral("status_delivered.json")).status, 200);
        QCOMPARE(statusOf(ReadWamid), QStringLiteral("read"));
        QCOMPARE(postFixture(QStringLiteral("status_sent.json")).status, 200);
        QCOMPARE(statusOf(ReadWamid), QStringLiteral("read"));
    }

    void shouldKeepMetasErrorOnAFailedStatus()
    {
        const QString wamid = QStringLiteral("wamid.HBgNNjI4NTcxMjM0NTY3OBUCABEYEk9VVDAwMDEwMwA=");
        storeOutbound(wamid);
        QCOMPARE(postFixture(QStringLiteral("status_failed.json")).status, 200);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), wamid);
        QVERIFY(message);
        QCOMPARE(message->status, QStringLiteral("failed"));
        QCOMPARE(message->errorCode, 131047);
        QCOMPARE(message->errorTitle, QStringLiteral("Re-engagement message"));
        QVERIFY(message->errorDetails.contains(QLatin1String("24 hours")));
    }

    void shouldApplyAnEditToTheOriginalMessage()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_text.json")).status, 200);
        const int before = int(events().size());
        QCOMPARE(postFixture(QStringLiteral("coexistence_edit_text.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexTextWamid);
        QVERIFY(message);
        QCOMPARE(message->text, QStringLiteral("Kak, saya pesan kaos polos hitam ukuran L 2 pcs"));
        QCOMPARE(message->editedAt, qint64(1767300060) * 1000);
        QCOMPARE(message->toJson().value(QLatin1String("edited_at")).toInteger(),
                 qint64(1767300060) * 1000);

        // One message.updated for the original (and the chat list's line), no new message.
        const auto after = events().mid(before);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0].first, QStringLiteral("message.updated"));
        QCOMPARE(after[0].second.value(QLatin1String("wamid")).toString(), CoexTextWamid);
        QCOMPARE(after[0].second.value(QLatin1String("text")).toString(), message->text);
        QCOMPARE(after[1].first, QStringLiteral("conversation.updated"));
        QCOMPARE(after[1]
                     .second.value(QLatin1String("last_message"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 message->text);
        QVERIFY(metricsText().contains("serambi_messages_changed_total 1\n"));
    }

    void shouldDownloadTheNewPhotoOfAnEditedCaption()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_image.json")).status, 200);
        QCOMPARE(postFixture(QStringLiteral("coexistence_edit_image.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexImageWamid);
        QVERIFY(message);
        QCOMPARE(message->type, QStringLiteral("image"));
        QCOMPARE(message->text, QStringLiteral("Ini bukti transfer yang benar (Rp 150.000)"));
        QVERIFY(message->editedAt > 0);
        QVERIFY(message->media);
        QCOMPARE(message->media->state, QStringLiteral("pending"));
        QCOMPARE(message->media->metaMediaId, QStringLiteral("880011229999"));
        const QJsonObject image = message->payload.value(QLatin1String("image")).toObject();
        QCOMPARE(image.value(QLatin1String("caption")).toString(), message->text);
        // The original's identity stays.
        QCOMPARE(message->payload.value(QLatin1String("id")).toString(), CoexImageWamid);
    }

    void shouldKeepThePhotoWhenAnEditChangesOnlyItsCaption()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_image.json")).status, 200);
        QByteArray body =
            Serambi::Test::readData(QStringLiteral("webhooks/coexistence_edit_image.json"));
        QVERIFY(body.contains("\"id\": \"880011229999\","));
        body.replace("\"id\": \"880011229999\",", "");
        QCOMPARE(postSigned(body).status, 200);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexImageWamid);
        QVERIFY(message && message->media);
        QCOMPARE(message->text, QStringLiteral("Ini bukti transfer yang benar (Rp 150.000)"));
        QCOMPARE(message->media->metaMediaId, QStringLiteral("880011223344"));
        QCOMPARE(message->payload.value(QLatin1String("image"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("880011223344"));
    }

    void shouldServeNoContentOfARevokedMessage()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_text.json")).status, 200);
        const int before = int(events().size());
        QCOMPARE(postFixture(QStringLiteral("coexistence_revoke.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexTextWamid);
        QVERIFY(message);
        QCOMPARE(message->revokedAt, qint64(1767300120) * 1000);
        const QJsonObject json = message->toJson();
        const QByteArray served = QJsonDocument(json).toJson();
        QVERIFY2(!served.contains("kaos polos"), served.constData());
        QCOMPARE(json.value(QLatin1String("revoked_at")).toInteger(), message->revokedAt);
        QCOMPARE(
            json.value(QLatin1String("content")).toObject().value(QLatin1String("id")).toString(),
            CoexTextWamid);

        const auto after = events().mid(before);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[0].first, QStringLiteral("message.updated"));
        QVERIFY(!QJsonDocument(after[0].second).toJson().contains("kaos polos"));
        QVERIFY(!QJsonDocument(after[1].second).toJson().contains("kaos polos"));

        // Kept for the business's records, where consoles never read it.
        QCOMPARE(count(QStringLiteral("messages"),
                       QStringLiteral("retained_content LIKE '%kaos polos hitam ukuran M%'")),
                 1);
        // An edit after the revoke changes nothing.
        QCOMPARE(postFixture(QStringLiteral("coexistence_edit_text.json")).status, 200);
        QVERIFY(ConversationRepo::messageByWamid(m_reader->db(), CoexTextWamid)->text.isEmpty());
    }

    void shouldHoldAnEditOrRevokeUntilTheOriginalArrives_data()
    {
        QTest::addColumn<QStringList>("early");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("revoked");
        QTest::newRow("edit") << QStringList{QStringLiteral("coexistence_edit_text.json")}
                              << QStringLiteral("Kak, saya pesan kaos polos hitam ukuran L 2 pcs")
                              << false;
        QTest::newRow("revoke") << QStringList{QStringLiteral("coexistence_revoke.json")}
                                << QString() << true;
        QTest::newRow("revoke, then edit")
            << QStringList{QStringLiteral("coexistence_revoke.json"),
                           QStringLiteral("coexistence_edit_text.json")}
            << QString() << true;
    }

    void shouldHoldAnEditOrRevokeUntilTheOriginalArrives()
    {
        QFETCH(QStringList, early);
        QFETCH(QString, text);
        QFETCH(bool, revoked);
        for (const QString &fixture : std::as_const(early))
            QCOMPARE(postFixture(fixture).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 0);
        QCOMPARE(count(QStringLiteral("conversations")), 0);
        QCOMPARE(count(QStringLiteral("events")), 0);

        QCOMPARE(postFixture(QStringLiteral("coexistence_text.json")).status, 200);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexTextWamid);
        QVERIFY(message);
        QCOMPARE(message->text, text);
        QCOMPARE(message->revokedAt > 0, revoked);
        QCOMPARE(count(QStringLiteral("message_changes"), QStringLiteral("applied_at IS NULL")), 0);
        // Consoles see the message once, as the changes left it.
        const auto all = events();
        int created = 0;
        for (const auto &[kind, data] : all) {
            QVERIFY(!QJsonDocument(data).toJson().contains("ukuran M"));
            if (kind == QLatin1String("message.created"))
                ++created;
        }
        QCOMPARE(created, 1);
    }

    void shouldApplyARedeliveredEditOnce()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_text.json")).status, 200);
        QCOMPARE(postFixture(QStringLiteral("coexistence_edit_text.json")).status, 200);
        const qint64 eventsBefore = count(QStringLiteral("events"));
        QCOMPARE(postFixture(QStringLiteral("coexistence_edit_text.json")).status, 200);
        QCOMPARE(count(QStringLiteral("events")), eventsBefore);
        QCOMPARE(m_endpoint->duplicates(), quint64(1));
    }

    void shouldNotLetACustomerChangeAnotherCustomersMessage()
    {
        QCOMPARE(postFixture(QStringLiteral("coexistence_text.json")).status, 200);
        QByteArray body =
            Serambi::Test::readData(QStringLiteral("webhooks/coexistence_revoke.json"));
        body.replace("6281298765432", "6281211112222");
        QCOMPARE(postSigned(body).status, 200);
        auto message = ConversationRepo::messageByWamid(m_reader->db(), CoexTextWamid);
        QVERIFY(message);
        QCOMPARE(message->revokedAt, qint64(0));
        QVERIFY(!message->text.isEmpty());
    }

    void shouldIgnoreChangesForAnotherBusinessNumber()
    {
        // Each unknown id is logged once, however often it comes back.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("ignoring changes")));
        QTest::ignoreMessage(QtWarningMsg, "ignoring changes for business number 209876543210555 "
                                           "(this relay serves 109876543210987 only)");
        QTest::ignoreMessage(QtWarningMsg, "ignoring changes whose phone_number_id is not digits");
        QCOMPARE(postFixture(QStringLiteral("other_business_numbers.json")).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        QCOMPARE(count(QStringLiteral("contacts")), 1);
        QCOMPARE(count(QStringLiteral("conversations"),
                       QStringLiteral("phone_number_id = '%1'").arg(ServedNumber)),
                 1);
        QCOMPARE(count(QStringLiteral("messages"), QStringLiteral("text LIKE '%lain%'")), 0);
        QCOMPARE(m_endpoint->foreignChanges(), quint64(2));
        QVERIFY(metricsText().contains("serambi_webhook_foreign_changes_total 2\n"));
        // Only foreign changes: still 200, nothing stored.
        QByteArray body = Serambi::Test::readData(QStringLiteral("webhooks/coexistence_text.json"));
        body.replace(ServedNumber.toUtf8(), "209876543210555");
        QCOMPARE(postSigned(body).status, 200);
        QCOMPARE(count(QStringLiteral("messages")), 1);
        QCOMPARE(m_endpoint->foreignChanges(), quint64(3));
    }

    void shouldKeepMetasErrorOnAMessage()
    {
        QCOMPARE(postFixture(QStringLiteral("interactive_error_131000.json")).status, 200);
        auto message = ConversationRepo::messageByWamid(
            m_reader->db(),
            QStringLiteral("wamid.HBgNNjI4MTI5ODc2NTQzMhFQIAEhgMRVJST1ItMTMxMDAwAA=="));
        QVERIFY(message);
        QCOMPARE(message->errorCode, 131000);
        QCOMPARE(message->errorTitle, QStringLiteral("Something went wrong"));
        QCOMPARE(message->errorDetails,
                 QStringLiteral("The interactive message could not be processed."));
        const QJsonObject error = message->toJson().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), 131000);
    }

    void shouldCountStatusesOfMessagesItNeverSent()
    {
        QCOMPARE(postFixture(QStringLiteral("status_unknown_message.json")).status, 200);
        QCOMPARE(postFixture(QStringLiteral("status_failed.json")).status, 200);
        const QByteArray metrics = metricsText();
        QVERIFY2(metrics.contains("serambi_statuses_unknown_message_total{status=\"read\"} 1\n"),
                 metrics.constData());
        QVERIFY(metrics.contains("serambi_statuses_unknown_message_total{status=\"failed\"} 1\n"));
        QVERIFY(metrics.contains("serambi_statuses_unknown_message_total{status=\"sent\"} 0\n"));
        QCOMPARE(count(QStringLiteral("messages")), 0);
        QCOMPARE(count(QStringLiteral("events")), 0);
    }

    void shouldReportWebhooksByResultInMetrics()
    {
        postFixture(QStringLiteral("text.json"));
        post(QByteArrayLiteral("{}"), QByteArrayLiteral("sha256=00"));
        const Reply metrics = send(QNetworkRequest(url(QStringLiteral("/metrics"))), "GET");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("serambi_webhooks_total{result=\"stored\"} 1\n"));
        QVERIFY(metrics.body.contains("serambi_webhooks_total{result=\"bad_signature\"} 1\n"));
        QVERIFY(metrics.body.contains("serambi_messages_stored_total 1\n"));
        QCOMPARE(send(QNetworkRequest(url(QStringLiteral("/healthz"))), "GET").status, 200);
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<CloudApiChannel> m_channel;
    std::unique_ptr<WebhookEndpoint> m_endpoint;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<RelayHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestWebhookEndpoint)
#include "tst_webhookendpoint.moc"
