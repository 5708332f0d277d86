#include "support/sim/simfixture.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Sim;
using namespace Serambi::Test;

namespace {

const QString Customer = QStringLiteral("6281234567001");

QJsonObject textTo(const QString &to, const QString &body = QStringLiteral("Halo kak"))
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}}}};
}

QJsonObject orderUpdate(const QString &to)
{
    return {
        {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("to"), to},
        {QStringLiteral("type"), QStringLiteral("template")},
        {QStringLiteral("template"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("order_update")},
                     {QStringLiteral("language"),
                      QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}},
                     {QStringLiteral("components"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("type"), QStringLiteral("body")},
                          {QStringLiteral("parameters"),
                           QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                  {QStringLiteral("text"), QStringLiteral("Siti")}},
                                      QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                  {QStringLiteral("text"),
                                                   QStringLiteral("INV-0117")}}}}}}}}}};
}

QByteArray multipart(const QByteArray &type, const QByteArray &data,
                     const QByteArray &product = "whatsapp")
{
    QByteArray body;
    const QByteArray b = "--sim-boundary\r\n";
    body +=
        b + "Content-Disposition: form-data; name=\"messaging_product\"\r\n\r\n" + product + "\r\n";
    body += b + "Content-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n";
    body += b +
            "Content-Disposition: form-data; name=\"file\"; filename=\"foto.png\"\r\n"
            "Content-Type: " +
            type + "\r\n\r\n" + data + "\r\n";
    body += "--sim-boundary--\r\n";
    return body;
}

// Checks the §12.1 shape and returns the code.
int metaErrorCode(const HttpResponse &response)
{
    const QJsonObject error = response.json().value(QStringLiteral("error")).toObject();
    const int code = error.value(QStringLiteral("code")).toInt();
    const QStringList keys = error.keys();
    if (keys != QStringList{QStringLiteral("code"), QStringLiteral("error_data"),
                            QStringLiteral("fbtrace_id"), QStringLiteral("message"),
                            QStringLiteral("type")})
        return -1;
    if (!error.value(QStringLiteral("message"))
             .toString()
             .startsWith(QStringLiteral("(#%1) ").arg(code)) ||
        error.value(QStringLiteral("type")).toString() != QLatin1String("OAuthException") ||
        error.value(QStringLiteral("fbtrace_id")).toString().isEmpty())
        return -1;
    const QJsonObject data = error.value(QStringLiteral("error_data")).toObject();
    if (data.value(QStringLiteral("messaging_product")).toString() != QLatin1String("whatsapp") ||
        data.value(QStringLiteral("details")).toString().isEmpty())
        return -1;
    return code;
}

} // namespace

class TestGraphApiServer : public QObject, public SimFixture
{
    Q_OBJECT

private:
    void openWindow(const QString &waId)
    {
        QString error;
        QVERIFY(!m_sim->customers()
                     .sendMessage(waId,
                                  {{QStringLiteral("type"), QStringLiteral("text")},
                                   {QStringLiteral("text"), QStringLiteral("Halo")}},
                                  &error)
                     .isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startSimulator(quietConfig(), &error), qPrintable(error));
        QVERIFY(m_sim->port() != 0);
    }

    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void shouldRequireTheBearerToken()
    {
        openWindow(Customer);
        m_client->setBearerToken({});
        HttpResponse response = m_client->post(m_messages, textTo(Customer));
        QCOMPARE(response.status, 401);
        QCOMPARE(metaErrorCode(response), 190);
        m_client->setBearerToken("not-the-token");
        response = m_client->post(m_messages, textTo(Customer));
        QCOMPARE(response.status, 401);
        QCOMPARE(metaErrorCode(response), 190);
        QCOMPARE(m_sim->state().counters().sendsAccepted, 0);
    }

    void shouldAcceptAnyVersionPrefixAndOnlyItsPhoneNumberId()
    {
        openWindow(Customer);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/v19.0/%1/messages").arg(m_sim->config().phoneNumberId),
                            textTo(Customer))
                     .status,
                 200);
        HttpResponse response =
            m_client->post(QStringLiteral("/v25.0/999999999/messages"), textTo(Customer));
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 100);
        response = m_client->post(QStringLiteral("/%1/messages").arg(m_sim->config().phoneNumberId),
                                  textTo(Customer));
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 100);
    }

    void shouldAnswerAnAcceptedSendLikeMeta()
    {
        openWindow(Customer);
        const HttpResponse response =
            m_client->post(m_messages, textTo(QStringLiteral("+62 812-3456-7001")));
        QCOMPARE(response.status, 200);
        const QJsonObject body = response.json();
        QCOMPARE(body.value(QStringLiteral("messaging_product")).toString(),
                 QStringLiteral("whatsapp"));
        const QJsonObject contact =
            body.value(QStringLiteral("contacts")).toArray().at(0).toObject();
        QCOMPARE(contact.value(QStringLiteral("input")).toString(),
                 QStringLiteral("+62 812-3456-7001"));
        QCOMPARE(contact.value(QStringLiteral("wa_id")).toString(), Customer);
        const QJsonObject message =
            body.value(QStringLiteral("messages")).toArray().at(0).toObject();
        QVERIFY(message.value(QStringLiteral("id")).toString().startsWith(QLatin1String("wamid.")));
        QVERIFY(!message.contains(QStringLiteral("message_status")));
    }

    void shouldRefuseInvalidBodiesWithAMetaShapedError()
    {
        openWindow(Customer);
        HttpResponse response = m_client->post(m_messages, textTo(Customer, QString(4097, u'x')));
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 100);
        response = m_client->postRaw(m_messages, "{not json", "application/json");
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 100);
        QJsonObject templ = orderUpdate(Customer);
        QJsonObject inner = templ.value(QStringLiteral("template")).toObject();
        inner[QStringLiteral("name")] = QStringLiteral("promo_ramadan");
        templ[QStringLiteral("template")] = inner;
        QCOMPARE(metaErrorCode(m_client->post(m_messages, templ)), 132001);
        QCOMPARE(m_sim->state().counters().sendsRefused,
                 2); // the unparsable body never became a send
    }

    void shouldRefuseFreeFormOutsideTheWindowButAcceptTemplates()
    {
        HttpResponse response = m_client->post(m_messages, textTo(Customer));
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 131047);

        m_sim->state().setLastInbound(Customer,
                                      QDateTime::currentDateTimeUtc().addSecs(-25 * 3600));
        QCOMPARE(metaErrorCode(m_client->post(m_messages, textTo(Customer))), 131047);

        response = m_client->post(m_messages, orderUpdate(Customer));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()
                     .value(QStringLiteral("messages"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("message_status"))
                     .toString(),
                 QStringLiteral("accepted"));

        m_sim->state().setLastInbound(Customer,
                                      QDateTime::currentDateTimeUtc().addSecs(-23 * 3600));
        QCOMPARE(m_client->post(m_messages, textTo(Customer)).status, 200);
    }

    void shouldMarkMessagesRead()
    {
        const HttpResponse response = m_client->post(
            m_messages, {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                         {QStringLiteral("status"), QStringLiteral("read")},
                         {QStringLiteral("message_id"), QStringLiteral("wamid.IN1")},
                         {QStringLiteral("typing_indicator"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}}}});
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), QJsonObject({{QStringLiteral("success"), true}}));
        QCOMPARE(m_sim->state().counters().markedRead, 1);
    }

    void shouldRecordTheExactBodiesItReceivedWithoutTheToken()
    {
        openWindow(Customer);
        const QByteArray raw =
            "{\"messaging_product\":\"whatsapp\",\"to\":\"+6281234567001\",\"type\":\"text\","
            "\"text\":{\"body\":\"Paket kakak sudah dikirim "
            "🙏\"},\"biz_opaque_callback_data\":\"outbox-7\"}";
        const int before = m_sim->requests().lastSeq();
        QCOMPARE(m_client->postRaw(m_messages + QStringLiteral("?trace=1"), raw, "application/json")
                     .status,
                 200);
        const QList<RecordedRequest> recorded = m_sim->requests().since(before);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().body, raw);
        QCOMPARE(recorded.first().method, QStringLiteral("POST"));
        QCOMPARE(recorded.first().path, m_messages);
        QCOMPARE(recorded.first().query, QStringLiteral("trace=1"));
        QCOMPARE(recorded.first().status, 200);

        HttpClient control(m_sim->graphBaseUrl());
        const HttpResponse listed =
            control.get(QStringLiteral("/_sim/requests?since=%1").arg(before));
        QCOMPARE(listed.status, 200);
        const QJsonArray requests = listed.json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 1);
        const QJsonObject entry = requests.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("body")).toObject(), recorded.first().jsonBody());
        QVERIFY(!listed.body.contains(m_sim->config().graphToken));
        QVERIFY(!listed.body.contains("Authorization"));
    }

    void shouldUploadServeAndDeleteMedia()
    {
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, 'p');
        HttpResponse response = m_client->postRaw(
            QStringLiteral("/v25.0/%1/media").arg(m_sim->config().phoneNumberId),
            multipart("image/png", png), "multipart/form-data; boundary=sim-boundary");
        QCOMPARE(response.status, 200);
        const QString id = response.json().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        response = m_client->get(QStringLiteral("/v25.0/") + id);
        QCOMPARE(response.status, 200);
        const QJsonObject meta = response.json();
        QCOMPARE(meta.value(QStringLiteral("mime_type")).toString(), QStringLiteral("image/png"));
        QCOMPARE(meta.value(QStringLiteral("file_size")).toInt(), png.size());
        QCOMPARE(meta.value(QStringLiteral("id")).toString(), id);
        const QString url = meta.value(QStringLiteral("url")).toString();
        QVERIFY(url.contains(QLatin1String("/media-download/") + id));

        HttpClient anonymous(m_sim->graphBaseUrl());
        QCOMPARE(anonymous.get(url).status, 401);
        response = m_client->get(url);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, png);
        QCOMPARE(response.header("Content-Type"), QByteArray("image/png"));

        QCOMPARE(m_client->del(QStringLiteral("/v25.0/") + id).json(),
                 QJsonObject({{QStringLiteral("success"), true}}));
        QCOMPARE(metaErrorCode(m_client->get(QStringLiteral("/v25.0/") + id)), 100);
        QCOMPARE(m_client->get(url).status, 404);
    }

    void shouldRefuseUnsupportedOrOversizedMedia_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("gif") << QByteArray("image/gif") << QByteArray("GIF89a....");
        QTest::newRow("png labelled jpeg")
            << QByteArray("image/jpeg") << QByteArray("\x89PNG\r\n\x1a\n....", 12);
        QTest::newRow("png over 5 MB")
            << QByteArray("image/png")
            << QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(5 * 1024 * 1024, 'p');
        QTest::newRow("sticker over 500 KB")
            << QByteArray("image/webp") << QByteArray("RIFF....WEBP") + QByteArray(600 * 1024, 'w');
    }

    void shouldRefuseUnsupportedOrOversizedMedia()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, data);
        const HttpResponse response =
            m_client->postRaw(QStringLiteral("/v25.0/%1/media").arg(m_sim->config().phoneNumberId),
                              multipart(type, data), "multipart/form-data; boundary=sim-boundary");
        QCOMPARE(response.status, 400);
        QCOMPARE(metaErrorCode(response), 131053);
    }

    void shouldServeTheSeededCustomerMedia()
    {
        const MediaItem *photo = m_sim->media().findSeed(QStringLiteral("paket_rusak"));
        QVERIFY(photo);
        const QString url = m_client->get(QStringLiteral("/v25.0/") + photo->id)
                                .json()
                                .value(QStringLiteral("url"))
                                .toString();
        const HttpResponse response = m_client->get(url);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.startsWith("\x89PNG"));
    }

    void shouldListTemplatesWithCursorPaging()
    {
        const QString path =
            QStringLiteral("/v25.0/%1/message_templates").arg(m_sim->config().wabaId);
        QStringList names;
        HttpResponse response = m_client->get(path + QStringLiteral("?limit=4"));
        QCOMPARE(response.status, 200);
        QJsonObject page = response.json();
        QCOMPARE(page.value(QStringLiteral("data")).toArray().size(), 4);
        const QString next = page.value(QStringLiteral("paging"))
                                 .toObject()
                                 .value(QStringLiteral("next"))
                                 .toString();
        QVERIFY(!next.isEmpty());
        for (const QJsonValue &item : page.value(QStringLiteral("data")).toArray())
            names.append(item.toObject().value(QStringLiteral("name")).toString());
        page = m_client->get(next).json();
        for (const QJsonValue &item : page.value(QStringLiteral("data")).toArray())
            names.append(item.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(!page.value(QStringLiteral("paging")).toObject().contains(QStringLiteral("next")));
        QCOMPARE(names.size(), m_sim->templates().templates().size());
        QVERIFY(names.contains(QStringLiteral("order_update")));
        QVERIFY(names.contains(QStringLiteral("promo_ramadan")));

        const QJsonArray approved = m_client->get(path + QStringLiteral("?status=APPROVED"))
                                        .json()
                                        .value(QStringLiteral("data"))
                                        .toArray();
        for (const QJsonValue &item : approved)
            QCOMPARE(item.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("APPROVED"));
        QCOMPARE(metaErrorCode(m_client->get(QStringLiteral("/v25.0/1/message_templates"))), 100);
    }
};

QTEST_GUILESS_MAIN(TestGraphApiServer)
#include "tst_graphapiserver.moc"
