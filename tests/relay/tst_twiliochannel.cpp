// The Twilio channel below the relay (docs/providers/twilio.md): X-Twilio-Signature with the
// document's vectors, what receive() makes of each request, and the Messages.json requests and
// results against the simulator's Twilio API and a fake server for Twilio's refusals.
#include "channels/capabilities.h"
#include "sim/simulator.h"
#include "support/fakehttpserver.h"
#include "twilio/twiliochannel.h"
#include "twilio/twiliosignature.h"
#include "whatsapp/retrypolicy.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Relay;

namespace {
const QByteArray AuthToken = QByteArrayLiteral("test_auth_token_0123456789abcdef");
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString PublicUrl = QStringLiteral("https://relay.example.id/webhook/toko-twilio");

// The WhatsApp vector of §4.3.
FormParams sariWrites()
{
    return {{QStringLiteral("AccountSid"), AccountSid},
            {QStringLiteral("Body"), QStringLiteral("Halo, pesanan saya INV-0117?")},
            {QStringLiteral("From"), QStringLiteral("whatsapp:+6281234567890")},
            {QStringLiteral("MessageSid"), QStringLiteral("SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")},
            {QStringLiteral("NumMedia"), QStringLiteral("0")},
            {QStringLiteral("ProfileName"), QStringLiteral("Sari")},
            {QStringLiteral("To"), QStringLiteral("whatsapp:+14155238886")},
            {QStringLiteral("WaId"), QStringLiteral("6281234567890")}};
}

FormParams with(FormParams params, const QString &name, const QString &value)
{
    for (auto &pair : params) {
        if (pair.first == name) {
            pair.second = value;
            return params;
        }
    }
    params.append({name, value});
    return params;
}

FormParams without(FormParams params, const QString &name)
{
    params.removeIf([&name](const auto &pair) { return pair.first == name; });
    return params;
}
} // namespace

class TestTwilioChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldSignLikeTwilio()
    {
        const FormParams voice{{QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
                               {QStringLiteral("Caller"), QStringLiteral("+14158675310")},
                               {QStringLiteral("Digits"), QStringLiteral("1234")},
                               {QStringLiteral("From"), QStringLiteral("+14158675310")},
                               {QStringLiteral("To"), QStringLiteral("+18005551212")}};
        QCOMPARE(twilioSignature(QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2"),
                                 voice, "12345"),
                 QByteArrayLiteral("GvWf1cFY/Q7PnoempGyD5oXAezc="));
        QCOMPARE(twilioSignature(PublicUrl, sariWrites(), AuthToken),
                 QByteArrayLiteral("86kEU4feaKaspUgTOcrnh9wKf28="));
        // The order the parameters came in does not matter.
        FormParams reversed = sariWrites();
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(
            verifyTwilioSignature(PublicUrl, reversed, "86kEU4feaKaspUgTOcrnh9wKf28=", AuthToken));
        // The proxy trap: the same request checked against the URL the relay sees behind TLS.
        QCOMPARE(twilioSignature(QStringLiteral("http://relay.example.id/webhook/toko-twilio"),
                                 sariWrites(), AuthToken),
                 QByteArrayLiteral("uVyFCQ0eBLYIC13ZBDBXRK/f8Qo="));
        QVERIFY(
            !verifyTwilioSignature(QStringLiteral("http://relay.example.id/webhook/toko-twilio"),
                                   sariWrites(), "86kEU4feaKaspUgTOcrnh9wKf28=", AuthToken));
        QVERIFY(
            !verifyTwilioSignature(PublicUrl, sariWrites(), "86kEU4feaKaspUgTOcrnh9wKf28=", {}));
    }

    void shouldAcceptAConfiguredDefaultPortSignedWithoutIt()
    {
        const QString withPort = QStringLiteral("https://relay.example.id:443/webhook/toko-twilio");
        QVERIFY(verifyTwilioSignature(withPort, sariWrites(),
                                      "86kEU4feaKaspUgTOcrnh9wKf28=", AuthToken));
        const QByteArray signedWithPort = twilioSignature(withPort, sariWrites(), AuthToken);
        QVERIFY(verifyTwilioSignature(withPort, sariWrites(), signedWithPort, AuthToken));
        QVERIFY(!verifyTwilioSignature(QStringLiteral("https://relay.example.id:8443/webhook/x"),
                                       sariWrites(), "86kEU4feaKaspUgTOcrnh9wKf28=", AuthToken));
    }

    void shouldReadAVerifiedMessage()
    {
        const InboundResult result = receive(sariWrites());
        QCOMPARE(result.verdict, InboundResult::Verdict::Accepted);
        QCOMPARE(result.batch.messages.size(), 1);
        const InboundMessage &message = result.batch.messages.first();
        QCOMPARE(message.wamid, QStringLiteral("SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
        QCOMPARE(message.type, QStringLiteral("text"));
        QCOMPARE(message.text, QStringLiteral("Halo, pesanan saya INV-0117?"));
        QCOMPARE(message.from.waId, QStringLiteral("6281234567890"));
        QCOMPARE(message.from.profileName, QStringLiteral("Sari"));
        QCOMPARE(message.phoneNumberId, QStringLiteral("+14155238886"));
    }

    void shouldRefuseWhatIsNotTwilios_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("settings");
        QTest::addColumn<int>("verdict");
        QTest::newRow("missing") << QByteArray() << QByteArray("application/x-www-form-urlencoded")
                                 << QByteArray() << int(InboundResult::Verdict::MissingSignature);
        QTest::newRow("wrong") << QByteArray("uVyFCQ0eBLYIC13ZBDBXRK/f8Qo=")
                               << QByteArray("application/x-www-form-urlencoded") << QByteArray()
                               << int(InboundResult::Verdict::BadSignature);
        QTest::newRow("a Webhooks rule's key") << QByteArray("86kEU4feaKaspUgTOcrnh9wKf28=")
                                               << QByteArray("application/x-www-form-urlencoded")
                                               << QByteArray("key=ABC,algorithm=HMAC_SHA256")
                                               << int(InboundResult::Verdict::BadSignature);
        QTest::newRow("JSON") << QByteArray("86kEU4feaKaspUgTOcrnh9wKf28=")
                              << QByteArray("application/json") << QByteArray()
                              << int(InboundResult::Verdict::Malformed);
    }

    void shouldRefuseWhatIsNotTwilios()
    {
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, settings);
        QFETCH(int, verdict);
        InboundRequest request;
        request.body = encodeForm(sariWrites());
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        if (!signature.isEmpty())
            request.headers.append({QByteArrayLiteral("X-Twilio-Signature"), signature});
        if (!settings.isEmpty())
            request.headers.append(
                {QByteArrayLiteral("X-Twilio-Webhooks-Signature-Settings"), settings});
        const InboundResult result = channel()->receive(request);
        QCOMPARE(int(result.verdict), verdict);
        QVERIFY(result.batch.messages.isEmpty());
        QVERIFY(!result.problem.isEmpty());
    }

    void shouldRefuseASignedRequestItCannotRead_data()
    {
        QTest::addColumn<FormParams>("params");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no MessageSid") << without(sariWrites(), QStringLiteral("MessageSid"))
                                       << QStringLiteral("no MessageSid");
        QTest::newRow("an SMS") << with(sariWrites(), QStringLiteral("From"),
                                        QStringLiteral("+6281234567890"))
                                << QStringLiteral("From is not a whatsapp:+<number> address");
    }

    void shouldRefuseASignedRequestItCannotRead()
    {
        QFETCH(FormParams, params);
        QFETCH(QString, problem);
        const InboundResult result = receive(params);
        QCOMPARE(result.verdict, InboundResult::Verdict::Malformed);
        QCOMPARE(result.problem, problem);
    }

    void shouldRefuseAFormFieldWithoutAName()
    {
        InboundRequest request;
        request.body = encodeForm(sariWrites()) + "&=orphan";
        request.headers.append({QByteArrayLiteral("Content-Type"),
                                QByteArrayLiteral("application/x-www-form-urlencoded")});
        request.headers.append({QByteArrayLiteral("X-Twilio-Signature"),
                                QByteArrayLiteral("86kEU4feaKaspUgTOcrnh9wKf28=")});
        const InboundResult result = channel()->receive(request);
        QCOMPARE(result.verdict, InboundResult::Verdict::Malformed);
        QCOMPARE(result.problem, QStringLiteral("a form field without a name"));
    }

    void shouldDropAStatusOfAnotherSender()
    {
        const FormParams callback{
            {QStringLiteral("MessageSid"), QStringLiteral("SM00000000000000000000000000000003")},
            {QStringLiteral("MessageStatus"), QStringLiteral("delivered")},
            {QStringLiteral("From"), QStringLiteral("whatsapp:+15005550006")},
            {QStringLiteral("To"), QStringLiteral("whatsapp:+6281234567890")}};
        const InboundResult result = receive(callback);
        QCOMPARE(result.verdict, InboundResult::Verdict::Accepted);
        QVERIFY(result.batch.statuses.isEmpty());
        QCOMPARE(result.foreignNumbers, QStringList{QStringLiteral("15005550006")});
    }

    void shouldDropAMessageForAnotherSender()
    {
        const InboundResult result = receive(
            with(sariWrites(), QStringLiteral("To"), QStringLiteral("whatsapp:+15005550006")));
        QCOMPARE(result.verdict, InboundResult::Verdict::Accepted);
        QVERIFY(result.batch.messages.isEmpty());
        QCOMPARE(result.foreignNumbers, QStringList{QStringLiteral("15005550006")});
    }

    void shouldReadMediaLocationButtonsAndReplies()
    {
        FormParams media = with(sariWrites(), QStringLiteral("NumMedia"), QStringLiteral("2"));
        media = with(media, QStringLiteral("Body"), QStringLiteral("Fotonya kak"));
        media += {{QStringLiteral("MediaUrl0"), QStringLiteral("https://api.twilio.com/m/ME1")},
                  {QStringLiteral("MediaContentType0"), QStringLiteral("image/jpeg")},
                  {QStringLiteral("MediaUrl1"), QStringLiteral("https://api.twilio.com/m/ME2")},
                  {QStringLiteral("MediaContentType1"), QStringLiteral("application/pdf")},
                  {QStringLiteral("OriginalRepliedMessageSid"),
                   QStringLiteral("SM00000000000000000000000000000001")}};
        const QList<InboundMessage> items = receive(media).batch.messages;
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).type, QStringLiteral("image"));
        QCOMPARE(items.at(0).text, QStringLiteral("Fotonya kak"));
        QCOMPARE(items.at(0).contextId, QStringLiteral("SM00000000000000000000000000000001"));
        QCOMPARE(
            items.at(0).raw.value(QLatin1String("image")).toObject(),
            (QJsonObject{{QStringLiteral("id"), QStringLiteral("https://api.twilio.com/m/ME1")},
                         {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                         {QStringLiteral("caption"), QStringLiteral("Fotonya kak")}}));
        QCOMPARE(items.at(1).type, QStringLiteral("document"));
        QCOMPARE(items.at(1).wamid, QStringLiteral("SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/1"));

        FormParams location = with(sariWrites(), QStringLiteral("Body"), QString());
        location += {{QStringLiteral("Latitude"), QStringLiteral("-6.917464")},
                     {QStringLiteral("Longitude"), QStringLiteral("107.619125")},
                     {QStringLiteral("Label"), QStringLiteral("Kantor Budi")}};
        const InboundMessage place = receive(location).batch.messages.first();
        QCOMPARE(place.type, QStringLiteral("location"));
        QCOMPARE(place.text, QStringLiteral("Kantor Budi"));
        QCOMPARE(place.raw.value(QLatin1String("location"))
                     .toObject()
                     .value(QLatin1String("latitude"))
                     .toDouble(),
                 -6.917464);

        FormParams button = with(sariWrites(), QStringLiteral("Body"), QStringLiteral("Lacak"));
        button += {{QStringLiteral("ButtonText"), QStringLiteral("Lacak")},
                   {QStringLiteral("ButtonPayload"), QStringLiteral("track:INV-0117")}};
        const InboundMessage tap = receive(button).batch.messages.first();
        QCOMPARE(tap.type, QStringLiteral("button"));
        QCOMPARE(tap.text, QStringLiteral("Lacak"));
        QCOMPARE(tap.raw.value(QLatin1String("button"))
                     .toObject()
                     .value(QLatin1String("payload"))
                     .toString(),
                 QStringLiteral("track:INV-0117"));

        FormParams card = with(sariWrites(), QStringLiteral("Body"), QString());
        card.append({QStringLiteral("MessageType"), QStringLiteral("contacts")});
        const InboundMessage unknown = receive(card).batch.messages.first();
        QCOMPARE(unknown.type, QStringLiteral("contacts"));
        QVERIFY(!unknown.supported);
    }

    void shouldMapEveryStatus_data()
    {
        QTest::addColumn<QString>("twilio");
        QTest::addColumn<QString>("relay");
        for (const char *pending : {"accepted", "queued", "sending", "scheduled"})
            QTest::newRow(pending) << QString::fromLatin1(pending) << QStringLiteral("pending");
        for (const char *same : {"sent", "delivered", "read"})
            QTest::newRow(same) << QString::fromLatin1(same) << QString::fromLatin1(same);
        for (const char *failed : {"failed", "undelivered", "canceled"})
            QTest::newRow(failed) << QString::fromLatin1(failed) << QStringLiteral("failed");
    }

    void shouldMapEveryStatus()
    {
        QFETCH(QString, twilio);
        QFETCH(QString, relay);
        FormParams callback{
            {QStringLiteral("AccountSid"), AccountSid},
            {QStringLiteral("MessageSid"), QStringLiteral("SM00000000000000000000000000000002")},
            {QStringLiteral("MessageStatus"), twilio},
            {QStringLiteral("From"), QStringLiteral("whatsapp:+14155238886")},
            {QStringLiteral("To"), QStringLiteral("whatsapp:+6281234567890")}};
        if (relay == QLatin1String("failed"))
            callback += {{QStringLiteral("ErrorCode"), QStringLiteral("63016")},
                         {QStringLiteral("ErrorMessage"), QStringLiteral("Outside the window")}};
        const InboundResult result = receive(callback);
        QCOMPARE(result.verdict, InboundResult::Verdict::Accepted);
        QVERIFY(result.batch.messages.isEmpty());
        QCOMPARE(result.batch.statuses.size(), 1);
        const StatusUpdate &status = result.batch.statuses.first();
        QCOMPARE(status.wamid, QStringLiteral("SM00000000000000000000000000000002"));
        QCOMPARE(status.status, relay);
        QCOMPARE(status.recipientId, QStringLiteral("6281234567890"));
        QCOMPARE(status.errorCode, relay == QLatin1String("failed") ? 63016 : 0);
    }

    void shouldSendTextAndMediaAsTwilioForms()
    {
        Sim::SimConfig config;
        config.provider = QStringLiteral("twilio");
        config.listenPort = 0;
        config.twilioAccountSid = AccountSid;
        config.twilioAuthToken = AuthToken;
        config.customersEnabled = false;
        config.webhookUrl = QUrl();
        Sim::Simulator sim(config);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        auto twilio = channel(sim.twilioApiUrl());

        const QJsonObject image{
            {QStringLiteral("to"), QStringLiteral("+6281234567890")},
            {QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"),
             QJsonObject{{QStringLiteral("link"), QStringLiteral("https://toko.example/a.jpg")},
                         {QStringLiteral("caption"), QStringLiteral("Ini fotonya")}}}};
        const GraphResult sent = send(*twilio, image);
        QVERIFY(sent.ok());
        QVERIFY(sent.wamid.startsWith(QLatin1String("SM")));
        QCOMPARE(sent.wamid.size(), 34);
        const auto requests =
            sim.requests().matching(QStringLiteral("POST"), QStringLiteral("/Messages.json"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().path,
                 QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(AccountSid));
        QCOMPARE(requests.first().contentType,
                 QByteArrayLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(requests.first().body,
                 QByteArrayLiteral("To=whatsapp%3A%2B6281234567890&From=whatsapp%3A%2B14155238886"
                                   "&Body=Ini+fotonya&MediaUrl=https%3A%2F%2Ftoko.example%2Fa.jpg"
                                   "&StatusCallback=https%3A%2F%2Frelay.example.id%2Fwebhook%2F"
                                   "toko-twilio"));
    }

    void shouldRefuseWithoutARequestWhatTheFormCannotCarry_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::addColumn<QString>("why");
        const QString to = QStringLiteral("+6281234567890");
        QTest::newRow("interactive")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("interactive")},
                           {QStringLiteral("interactive"), QJsonObject()}}
            << QStringLiteral("Twilio's Messages resource cannot send interactive messages");
        QTest::newRow("media by Meta id")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("image")},
                           {QStringLiteral("image"),
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("123")}}}}
            << QStringLiteral("Twilio sends image only from a public URL");
        QTest::newRow("template without a ContentSid")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("template")},
                           {QStringLiteral("template"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("sapaan")}}}}
            << QStringLiteral("template sapaan has no Twilio ContentSid (content_templates)");
        QTest::newRow("template with a header parameter")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("template")},
                           {QStringLiteral("template"),
                            QJsonObject{
                                {QStringLiteral("name"),
                                 QStringLiteral("HXcccccccccccccccccccccccccccccccc")},
                                {QStringLiteral("components"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("type"), QStringLiteral("header")},
                                     {QStringLiteral("parameters"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("type"), QStringLiteral("text")},
                                          {QStringLiteral("text"), QStringLiteral("x")}}}}}}}}}}
            << QStringLiteral("Twilio templates take parameters in the body only");
        QTest::newRow("template with a currency parameter")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("template")},
                           {QStringLiteral("template"),
                            QJsonObject{
                                {QStringLiteral("name"),
                                 QStringLiteral("HXcccccccccccccccccccccccccccccccc")},
                                {QStringLiteral("components"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("type"), QStringLiteral("body")},
                                     {QStringLiteral("parameters"),
                                      QJsonArray{QJsonObject{{QStringLiteral("type"),
                                                              QStringLiteral("currency")}}}}}}}}}}
            << QStringLiteral("Twilio templates take text parameters only");
        QTest::newRow("location")
            << QJsonObject{{QStringLiteral("to"), to},
                           {QStringLiteral("type"), QStringLiteral("location")},
                           {QStringLiteral("location"), QJsonObject()}}
            << QStringLiteral("Twilio's Messages resource cannot send location messages");
        QTest::newRow("a customer known by user id only")
            << QJsonObject{{QStringLiteral("recipient"), QStringLiteral("ID.123")},
                           {QStringLiteral("type"), QStringLiteral("text")},
                           {QStringLiteral("text"),
                            QJsonObject{{QStringLiteral("body"), QStringLiteral("Halo")}}}}
            << QStringLiteral("Twilio needs the customer's phone number");
    }

    void shouldRefuseWithoutARequestWhatTheFormCannotCarry()
    {
        QFETCH(QJsonObject, message);
        QFETCH(QString, why);
        Test::FakeHttpServer server;
        QVERIFY(server.listen());
        auto twilio = channel(server.url());
        const GraphResult result = send(*twilio, message);
        QVERIFY(!result.ok());
        QCOMPARE(result.error.title(), why);
        QVERIFY(server.requests().isEmpty());
        // A refusal is final: the outbox does not try again.
        QVERIFY(!RetryPolicy(5, 10, 100).decide(result, 1).retry);
    }

    void shouldMapTwilioErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("retry");
        QTest::newRow("authentication")
            << 401
            << QByteArray("{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://"
                          "www.twilio.com/docs/errors/20003\",\"status\":401}")
            << 20003 << false;
        QTest::newRow("invalid To")
            << 400
            << QByteArray("{\"code\":21211,\"message\":\"Invalid 'To' Phone "
                          "Number\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                          "21211\",\"status\":400}")
            << 21211 << false;
        QTest::newRow("too many requests")
            << 429
            << QByteArray("{\"code\":20429,\"message\":\"Too Many "
                          "Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                          "20429\",\"status\":429}")
            << 20429 << true;
        QTest::newRow("queue full")
            << 400
            << QByteArray("{\"code\":21611,\"message\":\"This 'From' number has exceeded the "
                          "maximum number of queued messages\",\"status\":400}")
            << 21611 << true;
    }

    void shouldMapTwilioErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(bool, retry);
        Test::FakeHttpServer server;
        QVERIFY(server.listen());
        Test::FakeHttpServer::Reply reply;
        reply.status = status;
        reply.body = body;
        server.enqueue(reply);
        auto twilio = channel(server.url());
        const GraphResult result =
            send(*twilio, {{QStringLiteral("to"), QStringLiteral("+6281234567890")},
                           {QStringLiteral("type"), QStringLiteral("text")},
                           {QStringLiteral("text"),
                            QJsonObject{{QStringLiteral("body"), QStringLiteral("Halo")}}}});
        QVERIFY(!result.ok());
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.error.code, code);
        QCOMPARE(RetryPolicy(5, 10, 100).decide(result, 1).retry, retry);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().authorization,
                 "Basic " + QByteArray(AccountSid.toUtf8() + ':' + AuthToken).toBase64());
    }

    void shouldSendCredentialsOnlyToTwilio()
    {
        Test::FakeHttpServer server;
        QVERIFY(server.listen());
        auto twilio = channel(server.url());
        QVERIFY(!twilio->download(QUrl(QStringLiteral("https://evil.example/2010-04-01/x"))));
        QVERIFY(!twilio->download(QUrl(QStringLiteral("http://127.0.0.1:1/2010-04-01/x"))));
        std::unique_ptr<QNetworkReply> reply(
            twilio->download(server.url(QStringLiteral("/m/ME1"))));
        QVERIFY(reply);
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().authorization.startsWith("Basic "));
    }

    void shouldTellWhatTheTableForbids()
    {
        const ChannelCapabilities twilio = twilioCapabilities();
        const auto message = [](const QString &type, const QJsonObject &object) {
            return QJsonObject{{QStringLiteral("type"), type}, {type, object}};
        };
        QCOMPARE(capabilityRefusal(twilio, message(QStringLiteral("reaction"), {})),
                 QStringLiteral("this channel cannot send reactions"));
        QCOMPARE(capabilityRefusal(twilio, message(QStringLiteral("sticker"),
                                                   {{QStringLiteral("link"),
                                                     QStringLiteral("https://a/b.webp")}})),
                 QStringLiteral("this channel cannot send sticker"));
        QCOMPARE(
            capabilityRefusal(twilio, message(QStringLiteral("image"),
                                              {{QStringLiteral("key"), QStringLiteral("abc")}})),
            QStringLiteral("this channel sends media only from a public URL, not a stored file"));
        QCOMPARE(capabilityRefusal(twilio, message(QStringLiteral("image"),
                                                   {{QStringLiteral("link"),
                                                     QStringLiteral("https://a/b.jpg")}})),
                 QString());
        QCOMPARE(
            capabilityRefusal(twilio, message(QStringLiteral("text"),
                                              {{QStringLiteral("body"), QStringLiteral("Halo")}})),
            QString());
        QCOMPARE(capabilityRefusal(cloudApiCapabilities(),
                                   message(QStringLiteral("image"),
                                           {{QStringLiteral("key"), QStringLiteral("abc")}})),
                 QString());
    }

private:
    std::unique_ptr<TwilioChannel>
    channel(const QUrl &api = QUrl(QStringLiteral("https://api.twilio.com")))
    {
        TwilioChannelOptions options;
        options.api.apiUrl = api;
        options.api.accountSid = AccountSid;
        options.api.authToken = AuthToken;
        options.api.timeoutMs = 5000;
        options.number = QStringLiteral("+14155238886");
        options.publicUrl = PublicUrl;
        return std::make_unique<TwilioChannel>(QStringLiteral("toko_twilio"), options, &m_network);
    }

    InboundResult receive(const FormParams &params)
    {
        InboundRequest request;
        request.body = encodeForm(params);
        request.headers.append({QByteArrayLiteral("Content-Type"),
                                QByteArrayLiteral("application/x-www-form-urlencoded")});
        request.headers.append(
            {"X-Twilio-Signature", twilioSignature(PublicUrl, params, AuthToken)});
        request.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:8090/webhook/toko_twilio"));
        return channel()->receive(request);
    }

    GraphResult send(Channel &twilio, const QJsonObject &message)
    {
        GraphResult result;
        bool done = false;
        twilio.sendMessage(message, this, [&](const GraphResult &answer) {
            result = answer;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            qWarning("no answer");
        return result;
    }

    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestTwilioChannel)
#include "tst_twiliochannel.moc"
