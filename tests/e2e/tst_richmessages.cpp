// Rich messages end to end with the real relay and the Cloud API simulator: interactive
// messages, templates (sync and send), reactions, the typing indicator and canned responses.
// Every send is checked against the exact body the simulator's Graph API received; every
// refusal against the requests it did not receive.
#include "protocol/interactivelimits.h"
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567001");
const QString LateWaId = QStringLiteral("6281234567002");
constexpr int TemplatePageSize = 2;

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("data")).toObject();
}

QString errorCode(const QJsonObject &result)
{
    return result.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QString errorMessage(const QJsonObject &result)
{
    return result.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

QString describe(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

// The Graph body of a message to CustomerWaId with this content.
QJsonObject toCustomer(QJsonObject content, const QString &waId = CustomerWaId)
{
    content.insert(QStringLiteral("messaging_product"), QStringLiteral("whatsapp"));
    content.insert(QStringLiteral("recipient_type"), QStringLiteral("individual"));
    content.insert(QStringLiteral("to"), QString(QLatin1Char('+') + waId));
    return content;
}

QJsonObject buttonMessage()
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("button")},
        {QStringLiteral("header"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                     {QStringLiteral("text"), QStringLiteral("Pesanan")}}},
        {QStringLiteral("body"),
         QJsonObject{{QStringLiteral("text"), QStringLiteral("Mau dikirim hari ini?")}}},
        {QStringLiteral("footer"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Toko")}}},
        {QStringLiteral("action"),
         QJsonObject{
             {QStringLiteral("buttons"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("reply")},
                              {QStringLiteral("reply"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("ya")},
                                           {QStringLiteral("title"), QStringLiteral("Ya")}}}},
                  QJsonObject{
                      {QStringLiteral("type"), QStringLiteral("reply")},
                      {QStringLiteral("reply"),
                       QJsonObject{{QStringLiteral("id"), QStringLiteral("besok")},
                                   {QStringLiteral("title"), QStringLiteral("Besok saja")}}}}}}}}};
}

QJsonObject reply(const QString &id)
{
    return {{QStringLiteral("type"), QStringLiteral("reply")},
            {QStringLiteral("reply"),
             QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), id}}}};
}

QJsonObject textParameter(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}
} // namespace

class TestRichMessages : public QObject
{
    Q_OBJECT

private:
    QJsonObject command(Test::ProtocolClient &console, const QString &name, const QJsonObject &args)
    {
        return console.command(name, args, QStringLiteral("rich-%1").arg(++m_commandId));
    }

    QJsonObject send(const QString &name, QJsonObject args)
    {
        args.insert(QStringLiteral("conversation_id"), m_conversationId);
        return command(*m_agent, name, args);
    }

    // POSTs to the messages endpoint after seq `after`, as the simulator recorded them.
    QList<QJsonObject> messagePosts(int after)
    {
        QList<QJsonObject> bodies;
        for (const Sim::RecordedRequest &request : m_loop->sim().requests().since(after)) {
            if (request.method == QLatin1String("POST") && request.path.endsWith(u"/messages")) {
                QJsonObject body = request.jsonBody();
                body.remove(QStringLiteral("biz_opaque_callback_data"));
                bodies.append(body);
            }
        }
        return bodies;
    }

    // The one Graph body sent after seq `after`.
    QJsonObject sentBody(int after)
    {
        if (!QTest::qWaitFor([&] { return !messagePosts(after).isEmpty(); }, 10000))
            return {};
        const QList<QJsonObject> bodies = messagePosts(after);
        return bodies.size() == 1 ? bodies.first() : QJsonObject();
    }

    int requestSeq() { return m_loop->sim().requests().lastSeq(); }

    QJsonArray listedTemplates()
    {
        return dataOf(command(*m_agent, QStringLiteral("list_templates"), {}))
            .value(QLatin1String("templates"))
            .toArray();
    }

    int simTemplateCount() { return int(m_loop->sim().templates().templates().size()); }

    // Proves a refusal reached nothing: the next send is the only request Meta gets.
    void expectOnlyTheNextSend(int before)
    {
        const QJsonObject ok =
            send(QStringLiteral("send_text"), {{QStringLiteral("text"), QStringLiteral("Baik")}});
        QVERIFY2(ok.value(QLatin1String("ok")).toBool(), qPrintable(describe(ok)));
        const QJsonObject body = sentBody(before);
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("text"));
    }

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->startSimulator(&error), qPrintable(error));
        QVERIFY(m_loop->addUser(QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-ayu")));
        QVERIFY(m_loop->addUser(QStringLiteral("budi"), QStringLiteral("Budi"),
                                QStringLiteral("agent"), QStringLiteral("rahasia-budi")));
        QVERIFY(m_loop->addUser(QStringLiteral("sari"), QStringLiteral("Sari"),
                                QStringLiteral("supervisor"), QStringLiteral("rahasia-sari")));
        Relay::RelayConfig config = m_loop->relayConfig();
        config.wabaId = m_loop->sim().config().wabaId;
        config.templatePageSize = TemplatePageSize;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        m_agent.emplace();
        QVERIFY(m_agent->signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                                QStringLiteral("rahasia-ayu")));
        QVERIFY(!m_agent->subscribe(0).isEmpty());
        // The relay synced the templates when it started.
        QTRY_COMPARE_WITH_TIMEOUT(listedTemplates().size(), simTemplateCount(), 10000);

        m_customerWamid = m_loop->customerWrites(CustomerWaId, QStringLiteral("Halo kak"),
                                                 QStringLiteral("Siti"));
        const QJsonObject arrived = m_agent->waitForEvent([&](const QJsonObject &event) {
            return dataOf(event).value(QLatin1String("wamid")).toString() == m_customerWamid;
        });
        QVERIFY2(!arrived.isEmpty(), "the customer's message never arrived");
        m_conversationId = arrived.value(QLatin1String("conversation_id")).toInteger();
        m_customerMessageId = dataOf(arrived).value(QLatin1String("id")).toInteger();
    }

    void cleanup()
    {
        m_agent.reset();
        m_loop.reset();
    }

    void shouldSendInteractiveButtonListAndCtaUrlMessagesAsMetaDocumentsThem()
    {
        const QJsonObject list{
            {QStringLiteral("type"), QStringLiteral("list")},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Pilih kurir")}}},
            {QStringLiteral("action"),
             QJsonObject{
                 {QStringLiteral("button"), QStringLiteral("Kurir")},
                 {QStringLiteral("sections"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("title"), QStringLiteral("Reguler")},
                      {QStringLiteral("rows"),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("id"), QStringLiteral("jne")},
                           {QStringLiteral("title"), QStringLiteral("JNE")},
                           {QStringLiteral("description"), QStringLiteral("2-3 hari")}}}}}}}}}};
        const QJsonObject cta{
            {QStringLiteral("type"), QStringLiteral("cta_url")},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Lacak paketnya di sini")}}},
            {QStringLiteral("action"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("cta_url")},
                         {QStringLiteral("parameters"),
                          QJsonObject{{QStringLiteral("display_text"), QStringLiteral("Lacak")},
                                      {QStringLiteral("url"),
                                       QStringLiteral("https://toko.example/lacak")}}}}}};

        struct Case
        {
            QJsonObject interactive;
            QString replyTo;
            QString text;
        };
        const QList<Case> cases{
            {buttonMessage(), m_customerWamid, QStringLiteral("Mau dikirim hari ini?")},
            {list, QString(), QStringLiteral("Pilih kurir")},
            {cta, QString(), QStringLiteral("Lacak paketnya di sini")}};
        for (const Case &item : cases) {
            const int before = requestSeq();
            QJsonObject args{{QStringLiteral("interactive"), item.interactive}};
            QJsonObject content{{QStringLiteral("type"), QStringLiteral("interactive")},
                                {QStringLiteral("interactive"), item.interactive}};
            if (!item.replyTo.isEmpty()) {
                args.insert(QStringLiteral("reply_to"), item.replyTo);
                content.insert(QStringLiteral("context"),
                               QJsonObject{{QStringLiteral("message_id"), item.replyTo}});
            }
            const QJsonObject result = send(QStringLiteral("send_interactive"), args);
            QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
            const QJsonObject message = dataOf(result).value(QLatin1String("message")).toObject();
            QCOMPARE(message.value(QLatin1String("type")).toString(),
                     QStringLiteral("interactive"));
            QCOMPARE(message.value(QLatin1String("text")).toString(), item.text);
            QCOMPARE(message.value(QLatin1String("content")).toObject(), content);
            QCOMPARE(sentBody(before), toCustomer(content));
        }
    }

    void shouldApproveTheAiDraftWithAnInteractiveMessage()
    {
        const QJsonObject drafted = m_agent->waitForEvent([](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("draft.updated") &&
                   dataOf(event).value(QLatin1String("state")).toString() ==
                       QLatin1String("pending");
        });
        QVERIFY2(!drafted.isEmpty(), "no AI draft for the customer's message");
        const qint64 draftId = dataOf(drafted).value(QLatin1String("id")).toInteger();
        const QJsonObject sent = send(QStringLiteral("send_interactive"),
                                      {{QStringLiteral("interactive"), buttonMessage()},
                                       {QStringLiteral("draft_id"), draftId}});
        QVERIFY2(sent.value(QLatin1String("ok")).toBool(), qPrintable(describe(sent)));
        QVERIFY(!m_agent
                     ->waitForEvent([&](const QJsonObject &event) {
                         return event.value(QLatin1String("kind")).toString() ==
                                    QLatin1String("draft.updated") &&
                                dataOf(event).value(QLatin1String("id")).toInteger() == draftId &&
                                dataOf(event).value(QLatin1String("state")).toString() ==
                                    QLatin1String("approved");
                     })
                     .isEmpty());
        // Approved once: the same draft cannot be approved again.
        QCOMPARE(errorCode(send(QStringLiteral("send_interactive"),
                                {{QStringLiteral("interactive"), buttonMessage()},
                                 {QStringLiteral("draft_id"), draftId}})),
                 QStringLiteral("conflict"));
    }

    void shouldRefuseOverLimitInteractiveMessagesBeforeCallingMeta()
    {
        QJsonObject tooMany = buttonMessage();
        QJsonObject action = tooMany.value(QLatin1String("action")).toObject();
        action.insert(QStringLiteral("buttons"),
                      QJsonArray{reply(QStringLiteral("a")), reply(QStringLiteral("b")),
                                 reply(QStringLiteral("c")), reply(QStringLiteral("d"))});
        tooMany.insert(QStringLiteral("action"), action);
        const int before = requestSeq();
        const QJsonObject refused =
            send(QStringLiteral("send_interactive"), {{QStringLiteral("interactive"), tooMany}});
        QCOMPARE(errorCode(refused), QStringLiteral("invalid_argument"));
        QCOMPARE(errorMessage(refused), Protocol::checkInteractive(tooMany).first().describe());

        const QJsonObject product{{QStringLiteral("type"), QStringLiteral("product")}};
        QCOMPARE(errorCode(send(QStringLiteral("send_interactive"),
                                {{QStringLiteral("interactive"), product}})),
                 QStringLiteral("invalid_argument"));
        expectOnlyTheNextSend(before);
    }

    void shouldSyncEveryTemplatePageAtStart()
    {
        // init() waited for the start-up sync; it took one GET per page of TemplatePageSize.
        int pages = 0;
        for (const Sim::RecordedRequest &request : m_loop->sim().requests().since(0)) {
            if (request.method == QLatin1String("GET") &&
                request.path.endsWith(u"/message_templates")) {
                ++pages;
                QVERIFY(request.query.contains(QStringLiteral("limit=%1").arg(TemplatePageSize)));
            }
        }
        QVERIFY(simTemplateCount() > TemplatePageSize);
        QCOMPARE(pages, (simTemplateCount() + TemplatePageSize - 1) / TemplatePageSize);

        const QJsonObject listed = command(*m_agent, QStringLiteral("list_templates"), {});
        QVERIFY(dataOf(listed).value(QLatin1String("synced_at")).toInteger() > 0);
        const QJsonArray templates = dataOf(listed).value(QLatin1String("templates")).toArray();
        for (const Sim::MessageTemplate &expected : m_loop->sim().templates().templates()) {
            bool found = false;
            for (const QJsonValue &value : templates) {
                const QJsonObject stored = value.toObject();
                if (stored.value(QLatin1String("name")).toString() != expected.name ||
                    stored.value(QLatin1String("language")).toString() != expected.language)
                    continue;
                found = true;
                QCOMPARE(stored.value(QLatin1String("status")).toString(), expected.status);
                QCOMPARE(stored.value(QLatin1String("category")).toString(), expected.category);
                QCOMPARE(stored.value(QLatin1String("parameter_format")).toString(),
                         QStringLiteral("POSITIONAL"));
                QCOMPARE(stored.value(QLatin1String("components")),
                         expected.json.value(QLatin1String("components")));
            }
            QVERIFY2(found, qPrintable(expected.name + QLatin1Char(' ') + expected.language));
        }
    }

    void shouldSyncTemplatesOnDemandForSupervisorsOnly()
    {
        Test::ProtocolClient supervisor;
        QVERIFY(supervisor.signIn(m_loop->agentsUrl(), QStringLiteral("sari"),
                                  QStringLiteral("rahasia-sari")));
        const qint64 seq = m_agent->lastSeq();
        const QJsonObject synced = command(supervisor, QStringLiteral("sync_templates"), {});
        QVERIFY2(synced.value(QLatin1String("ok")).toBool(), qPrintable(describe(synced)));
        QCOMPARE(dataOf(synced).value(QLatin1String("templates")).toInt(), simTemplateCount());
        // Every console hears of it, agents too.
        const QJsonObject event = m_agent->waitForEvent([&](const QJsonObject &frame) {
            return frame.value(QLatin1String("kind")).toString() ==
                       QLatin1String("templates.updated") &&
                   frame.value(QLatin1String("seq")).toInteger() > seq;
        });
        QVERIFY2(!event.isEmpty(), "no templates.updated reached the agent");
        QCOMPARE(event.value(QLatin1String("conversation_id")).toInteger(), 0);
        QCOMPARE(dataOf(event).value(QLatin1String("templates")).toInt(), simTemplateCount());
        QCOMPARE(dataOf(event).value(QLatin1String("synced_at")),
                 dataOf(synced).value(QLatin1String("synced_at")));

        const int before = requestSeq();
        QCOMPARE(errorCode(command(*m_agent, QStringLiteral("sync_templates"), {})),
                 QStringLiteral("forbidden"));
        QCOMPARE(requestSeq(), before);
    }

    void shouldKeepTheStoredTemplatesWhenMetaRefusesASync()
    {
        m_agent.reset();
        m_loop->stopRelay();
        Relay::RelayConfig config = m_loop->relayConfig();
        config.wabaId = QStringLiteral("999999999");
        QString error;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));
        Test::ProtocolClient supervisor;
        QVERIFY(supervisor.signIn(m_loop->agentsUrl(), QStringLiteral("sari"),
                                  QStringLiteral("rahasia-sari")));
        const QJsonObject refused = command(supervisor, QStringLiteral("sync_templates"), {});
        QCOMPARE(errorCode(refused), QStringLiteral("meta_error"));
        const QJsonObject metaError = refused.value(QLatin1String("error")).toObject();
        QCOMPARE(metaError.value(QLatin1String("meta_code")).toInt(), 100);
        QVERIFY(!metaError.value(QLatin1String("meta_message")).toString().isEmpty());
        const QJsonObject listed = command(supervisor, QStringLiteral("list_templates"), {});
        QCOMPARE(dataOf(listed).value(QLatin1String("templates")).toArray().size(),
                 simTemplateCount());
    }

    void shouldSendTemplatesWithHeaderBodyAndButtonParameters()
    {
        const QJsonObject image{
            {QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"),
             QJsonObject{{QStringLiteral("link"), QStringLiteral("https://toko.example/a.jpg")}}}};
        int before = requestSeq();
        QJsonObject result = send(
            QStringLiteral("send_template"),
            {{QStringLiteral("name"), QStringLiteral("pesanan_dikemas")},
             {QStringLiteral("language"), QStringLiteral("id")},
             {QStringLiteral("parameters"),
              QJsonObject{
                  {QStringLiteral("header"), QJsonArray{image}},
                  {QStringLiteral("body"), QJsonArray{textParameter(QStringLiteral("Siti")),
                                                      textParameter(QStringLiteral("A-4711"))}},
                  {QStringLiteral("buttons"),
                   QJsonArray{QJsonObject{{QStringLiteral("index"), 1},
                                          {QStringLiteral("text"), QStringLiteral("A-4711")}},
                              QJsonObject{{QStringLiteral("index"), 0},
                                          {QStringLiteral("payload"),
                                           QStringLiteral("batal:A-4711")}}}}}}});
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
        QJsonObject message = dataOf(result).value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("template"));
        QCOMPARE(message.value(QLatin1String("text")).toString(),
                 QStringLiteral("Halo Siti, pesanan A-4711 sedang dikemas."));
        const QJsonObject expected{
            {QStringLiteral("type"), QStringLiteral("template")},
            {QStringLiteral("template"),
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("pesanan_dikemas")},
                 {QStringLiteral("language"),
                  QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}},
                 {QStringLiteral("components"),
                  QJsonArray{
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("header")},
                                  {QStringLiteral("parameters"), QJsonArray{image}}},
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                  {QStringLiteral("parameters"),
                                   QJsonArray{textParameter(QStringLiteral("Siti")),
                                              textParameter(QStringLiteral("A-4711"))}}},
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                                  {QStringLiteral("sub_type"), QStringLiteral("url")},
                                  {QStringLiteral("index"), QStringLiteral("1")},
                                  {QStringLiteral("parameters"),
                                   QJsonArray{textParameter(QStringLiteral("A-4711"))}}},
                      QJsonObject{
                          {QStringLiteral("type"), QStringLiteral("button")},
                          {QStringLiteral("sub_type"), QStringLiteral("quick_reply")},
                          {QStringLiteral("index"), QStringLiteral("0")},
                          {QStringLiteral("parameters"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("type"), QStringLiteral("payload")},
                               {QStringLiteral("payload"), QStringLiteral("batal:A-4711")}}}}}}}}}};
        QCOMPARE(message.value(QLatin1String("content")).toObject(), expected);
        QCOMPARE(sentBody(before), toCustomer(expected));

        // A text header's placeholders take text parameters.
        before = requestSeq();
        result = send(
            QStringLiteral("send_template"),
            {{QStringLiteral("name"), QStringLiteral("pengingat_pembayaran")},
             {QStringLiteral("language"), QStringLiteral("id")},
             {QStringLiteral("parameters"),
              QJsonObject{
                  {QStringLiteral("header"), QJsonArray{textParameter(QStringLiteral("INV-9"))}},
                  {QStringLiteral("body"), QJsonArray{textParameter(QStringLiteral("Siti")),
                                                      textParameter(QStringLiteral("INV-9")),
                                                      textParameter(QStringLiteral("Rp 150.000")),
                                                      textParameter(QStringLiteral("1 Mei"))}}}}});
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
        const QJsonObject body = sentBody(before);
        const QJsonArray components = body.value(QLatin1String("template"))
                                          .toObject()
                                          .value(QLatin1String("components"))
                                          .toArray();
        QCOMPARE(components.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("type"), QStringLiteral("header")},
                              {QStringLiteral("parameters"),
                               QJsonArray{textParameter(QStringLiteral("INV-9"))}}}));
        QCOMPARE(
            dataOf(result).value(QLatin1String("message")).toObject().value(QLatin1String("text")),
            QStringLiteral("Halo Siti, tagihan INV-9 sebesar Rp 150.000 jatuh tempo pada 1 Mei."));
        // Meta accepted it: the status comes back.
        const qint64 id = dataOf(result)
                              .value(QLatin1String("message"))
                              .toObject()
                              .value(QLatin1String("id"))
                              .toInteger();
        QVERIFY(!m_agent
                     ->waitForEvent([&](const QJsonObject &event) {
                         return dataOf(event).value(QLatin1String("id")).toInteger() == id &&
                                dataOf(event).value(QLatin1String("status")).toString() ==
                                    QLatin1String("delivered");
                     })
                     .isEmpty());
    }

    void shouldUploadATemplatesHeaderMediaByItsKey()
    {
        // The agent uploads the photo to the relay, then names its key in the header.
        const QByteArray photo =
            m_loop->sim().media().findSeed(QStringLiteral("paket_rusak"))->data;
        QNetworkAccessManager network;
        QNetworkRequest request(
            QUrl(m_loop->agentsUrl()
                     .toString()
                     .replace(QStringLiteral("ws://"), QStringLiteral("http://"))
                     .replace(QStringLiteral("/agents"), QStringLiteral("/media"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("image/png"));
        request.setRawHeader("Authorization", "Bearer " + m_agent->token().toLatin1());
        QNetworkReply *reply = network.post(request, photo);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        const QString key = QJsonDocument::fromJson(reply->readAll())
                                .object()
                                .value(QLatin1String("key"))
                                .toString();
        reply->deleteLater();
        QVERIFY(!key.isEmpty());

        const auto sendWithHeader = [&](const QJsonObject &header) {
            return send(QStringLiteral("send_template"),
                        {{QStringLiteral("name"), QStringLiteral("pesanan_dikemas")},
                         {QStringLiteral("language"), QStringLiteral("id")},
                         {QStringLiteral("parameters"),
                          QJsonObject{{QStringLiteral("header"), QJsonArray{header}},
                                      {QStringLiteral("body"),
                                       QJsonArray{textParameter(QStringLiteral("Siti")),
                                                  textParameter(QStringLiteral("A-4711"))}},
                                      {QStringLiteral("buttons"),
                                       QJsonArray{QJsonObject{{QStringLiteral("index"), 1},
                                                              {QStringLiteral("text"),
                                                               QStringLiteral("A-4711")}}}}}}});
        };
        const int before = requestSeq();
        QCOMPARE(
            errorCode(sendWithHeader({{QStringLiteral("type"), QStringLiteral("image")},
                                      {QStringLiteral("media"), QString(64, QLatin1Char('0'))}})),
            QStringLiteral("not_found"));
        const QJsonObject result = sendWithHeader(
            {{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("media"), key}});
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
        const QJsonObject message = dataOf(result).value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("media")).toObject().value(QLatin1String("key")), key);
        const QJsonObject keyed{
            {QStringLiteral("type"), QStringLiteral("image")},
            {QStringLiteral("image"), QJsonObject{{QStringLiteral("key"), key}}}};
        QCOMPARE(message.value(QLatin1String("content"))
                     .toObject()
                     .value(QLatin1String("template"))
                     .toObject()
                     .value(QLatin1String("components"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("parameters"))
                     .toArray()
                     .at(0)
                     .toObject(),
                 keyed);

        // The outbox uploads the bytes, then sends Meta's id in the header.
        QVERIFY(QTest::qWaitFor([&] { return !messagePosts(before).isEmpty(); }, 10000));
        const QJsonObject body = messagePosts(before).first();
        const QJsonObject header = body.value(QLatin1String("template"))
                                       .toObject()
                                       .value(QLatin1String("components"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        const QJsonObject image = header.value(QLatin1String("parameters"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("image"))
                                      .toObject();
        QCOMPARE(image.keys(), QStringList{QStringLiteral("id")});
        const Sim::MediaItem *uploaded =
            m_loop->sim().media().find(image.value(QLatin1String("id")).toString());
        QVERIFY(uploaded);
        QCOMPARE(uploaded->data, photo);
    }

    void shouldRefuseWrongTemplateSendsBeforeCallingMeta()
    {
        const int before = requestSeq();
        auto sendTemplate = [&](const QString &name, const QJsonObject &parameters) {
            return send(QStringLiteral("send_template"),
                        {{QStringLiteral("name"), name},
                         {QStringLiteral("language"), QStringLiteral("id")},
                         {QStringLiteral("parameters"), parameters}});
        };
        QCOMPARE(errorCode(sendTemplate(QStringLiteral("tidak_ada"), {})),
                 QStringLiteral("not_found"));
        QCOMPARE(errorCode(send(QStringLiteral("send_template"),
                                {{QStringLiteral("name"), QStringLiteral("order_update")},
                                 {QStringLiteral("language"), QStringLiteral("fr")}})),
                 QStringLiteral("not_found"));
        QCOMPARE(errorCode(sendTemplate(QStringLiteral("promo_ramadan"), {})),
                 QStringLiteral("conflict"));
        QCOMPARE(errorCode(sendTemplate(QStringLiteral("diskon_kilat"), {})),
                 QStringLiteral("conflict"));
        const QJsonObject tooFew = sendTemplate(
            QStringLiteral("order_update"),
            {{QStringLiteral("body"), QJsonArray{textParameter(QStringLiteral("Siti"))}}});
        QCOMPARE(errorCode(tooFew), QStringLiteral("invalid_argument"));
        QCOMPARE(errorMessage(tooFew),
                 QStringLiteral("body: the template has 2 parameters, 1 given"));
        const QJsonObject noImage = sendTemplate(
            QStringLiteral("pesanan_dikemas"),
            {{QStringLiteral("body"), QJsonArray{textParameter(QStringLiteral("Siti")),
                                                 textParameter(QStringLiteral("A-1"))}},
             {QStringLiteral("buttons"),
              QJsonArray{QJsonObject{{QStringLiteral("index"), 1},
                                     {QStringLiteral("text"), QStringLiteral("A-1")}}}}});
        QCOMPARE(errorCode(noImage), QStringLiteral("invalid_argument"));
        QVERIFY2(errorMessage(noImage).startsWith(QStringLiteral("header:")),
                 qPrintable(errorMessage(noImage)));
        const QJsonObject noUrlText = sendTemplate(
            QStringLiteral("pesanan_dikemas"),
            {{QStringLiteral("header"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                              {QStringLiteral("image"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("123")}}}}}},
             {QStringLiteral("body"), QJsonArray{textParameter(QStringLiteral("Siti")),
                                                 textParameter(QStringLiteral("A-1"))}}});
        QCOMPARE(errorCode(noUrlText), QStringLiteral("invalid_argument"));
        QVERIFY2(errorMessage(noUrlText).startsWith(QStringLiteral("buttons")),
                 qPrintable(errorMessage(noUrlText)));
        expectOnlyTheNextSend(before);
    }

    void shouldReopenAnExpiredWindowWithATemplateOnly()
    {
        const QString wamid =
            m_loop->customerWroteAt(LateWaId, QStringLiteral("Kak, masih ada stok?"),
                                    QDateTime::currentDateTimeUtc().addSecs(-25 * 3600));
        QVERIFY(!wamid.isEmpty());
        const QJsonObject arrived = m_agent->waitForEvent([&](const QJsonObject &event) {
            return dataOf(event).value(QLatin1String("wamid")).toString() == wamid;
        });
        QVERIFY(!arrived.isEmpty());
        const qint64 conversationId = arrived.value(QLatin1String("conversation_id")).toInteger();
        const qint64 messageId = dataOf(arrived).value(QLatin1String("id")).toInteger();
        const QJsonObject conversation{{QStringLiteral("conversation_id"), conversationId}};

        const int before = requestSeq();
        QJsonObject args = conversation;
        args.insert(QStringLiteral("text"), QStringLiteral("Masih, kak"));
        QCOMPARE(errorCode(command(*m_agent, QStringLiteral("send_text"), args)),
                 QStringLiteral("window_closed"));
        args = conversation;
        args.insert(QStringLiteral("interactive"), buttonMessage());
        QCOMPARE(errorCode(command(*m_agent, QStringLiteral("send_interactive"), args)),
                 QStringLiteral("window_closed"));
        args = conversation;
        args.insert(QStringLiteral("message_id"), messageId);
        args.insert(QStringLiteral("emoji"), QStringLiteral("👍"));
        QCOMPARE(errorCode(command(*m_agent, QStringLiteral("send_reaction"), args)),
                 QStringLiteral("window_closed"));
        const QJsonObject typing = command(*m_agent, QStringLiteral("typing"), conversation);
        QCOMPARE(dataOf(typing).value(QLatin1String("sent")), QJsonValue(false));

        args = conversation;
        args.insert(QStringLiteral("name"), QStringLiteral("sapaan_lanjutan"));
        args.insert(QStringLiteral("language"), QStringLiteral("id"));
        args.insert(QStringLiteral("parameters"),
                    QJsonObject{{QStringLiteral("body"),
                                 QJsonArray{textParameter(QStringLiteral("Kak Rina"))}}});
        const QJsonObject sent = command(*m_agent, QStringLiteral("send_template"), args);
        QVERIFY2(sent.value(QLatin1String("ok")).toBool(), qPrintable(describe(sent)));
        const QJsonObject expected{
            {QStringLiteral("type"), QStringLiteral("template")},
            {QStringLiteral("template"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("sapaan_lanjutan")},
                         {QStringLiteral("language"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("id")}}},
                         {QStringLiteral("components"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), QStringLiteral("body")},
                              {QStringLiteral("parameters"),
                               QJsonArray{textParameter(QStringLiteral("Kak Rina"))}}}}}}}};
        QCOMPARE(sentBody(before), toCustomer(expected, LateWaId));
        // The agent who sent it owns the chat now.
        const QJsonObject owned = dataOf(sent).value(QLatin1String("message")).toObject();
        QCOMPARE(owned.value(QLatin1String("sender_name")).toString(), QStringLiteral("Ayu"));
    }

    void shouldReactToACustomerMessage()
    {
        int before = requestSeq();
        QJsonObject result = send(QStringLiteral("send_reaction"),
                                  {{QStringLiteral("message_id"), m_customerMessageId},
                                   {QStringLiteral("emoji"), QStringLiteral("👍🏽")}});
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
        const QJsonObject reaction{
            {QStringLiteral("type"), QStringLiteral("reaction")},
            {QStringLiteral("reaction"),
             QJsonObject{{QStringLiteral("message_id"), m_customerWamid},
                         {QStringLiteral("emoji"), QStringLiteral("👍🏽")}}}};
        QCOMPARE(dataOf(result)
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content")),
                 reaction);
        QCOMPARE(sentBody(before), toCustomer(reaction));

        // An empty emoji takes the reaction back.
        before = requestSeq();
        result = send(QStringLiteral("send_reaction"),
                      {{QStringLiteral("message_id"), m_customerMessageId},
                       {QStringLiteral("emoji"), QString()}});
        QVERIFY2(result.value(QLatin1String("ok")).toBool(), qPrintable(describe(result)));
        QCOMPARE(sentBody(before)
                     .value(QLatin1String("reaction"))
                     .toObject()
                     .value(QLatin1String("emoji")),
                 QStringLiteral(""));
        const qint64 reactionId = dataOf(result)
                                      .value(QLatin1String("message"))
                                      .toObject()
                                      .value(QLatin1String("id"))
                                      .toInteger();

        before = requestSeq();
        QCOMPARE(errorCode(send(QStringLiteral("send_reaction"),
                                {{QStringLiteral("message_id"), m_customerMessageId},
                                 {QStringLiteral("emoji"), QStringLiteral("ok")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(send(QStringLiteral("send_reaction"),
                                {{QStringLiteral("message_id"), m_customerMessageId},
                                 {QStringLiteral("emoji"), QStringLiteral("👍👍")}})),
                 QStringLiteral("invalid_argument"));
        // Our own message (here: the reaction) is no target.
        QCOMPARE(errorCode(send(QStringLiteral("send_reaction"),
                                {{QStringLiteral("message_id"), reactionId},
                                 {QStringLiteral("emoji"), QStringLiteral("❤️")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(send(QStringLiteral("send_reaction"),
                                {{QStringLiteral("message_id"), 999999},
                                 {QStringLiteral("emoji"), QStringLiteral("❤️")}})),
                 QStringLiteral("not_found"));
        expectOnlyTheNextSend(before);
    }

    void shouldShowTypingAtMostOnceEveryTwentySeconds()
    {
        const int before = requestSeq();
        const QJsonObject first = send(QStringLiteral("typing"), {});
        QCOMPARE(dataOf(first).value(QLatin1String("sent")), QJsonValue(true));
        QCOMPARE(sentBody(before),
                 (QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                              {QStringLiteral("status"), QStringLiteral("read")},
                              {QStringLiteral("message_id"), m_customerWamid},
                              {QStringLiteral("typing_indicator"),
                               QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}}}}));
        const QJsonObject second = send(QStringLiteral("typing"), {});
        QCOMPARE(dataOf(second).value(QLatin1String("sent")), QJsonValue(false));
        // typing is not recorded and publishes nothing: a text after it is the only other request.
        expectOnlyTheNextSend(requestSeq());
        QCOMPARE(messagePosts(before).size(), 2);

        // Someone else's chat: budi may not type into the chat ayu now holds.
        Test::ProtocolClient budi;
        QVERIFY(budi.signIn(m_loop->agentsUrl(), QStringLiteral("budi"),
                            QStringLiteral("rahasia-budi")));
        QCOMPARE(errorCode(command(budi, QStringLiteral("typing"),
                                   {{QStringLiteral("conversation_id"), m_conversationId}})),
                 QStringLiteral("forbidden"));
    }

    void shouldShareCannedResponsesWithTheWholeTeam()
    {
        Test::ProtocolClient budi;
        QVERIFY(budi.signIn(m_loop->agentsUrl(), QStringLiteral("budi"),
                            QStringLiteral("rahasia-budi")));
        QVERIFY(!budi.subscribe(0).isEmpty());
        const QJsonObject salamArgs{
            {QStringLiteral("shortcut"), QStringLiteral("salam")},
            {QStringLiteral("title"), QStringLiteral("Salam pembuka")},
            {QStringLiteral("text"), QStringLiteral("Halo Kak, ada yang bisa kami bantu?")}};
        const QJsonObject saved =
            m_agent->command(QStringLiteral("save_canned"), salamArgs, QStringLiteral("canned-1"));
        QVERIFY2(saved.value(QLatin1String("ok")).toBool(), qPrintable(describe(saved)));
        const QJsonObject canned = dataOf(saved).value(QLatin1String("canned")).toObject();
        const qint64 cannedId = canned.value(QLatin1String("id")).toInteger();
        QCOMPARE(
            canned.value(QLatin1String("author")).toObject().value(QLatin1String("display_name")),
            QStringLiteral("Ayu"));
        const QJsonObject heard = budi.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() == QLatin1String("canned.updated");
        });
        QCOMPARE(heard.value(QLatin1String("conversation_id")).toInteger(), 0);
        QCOMPARE(dataOf(heard), canned);

        // The title is optional.
        const QJsonObject untitled =
            command(budi, QStringLiteral("save_canned"),
                    {{QStringLiteral("shortcut"), QStringLiteral("terima-kasih")},
                     {QStringLiteral("text"), QStringLiteral("Terima kasih sudah belanja, Kak!")}});
        QVERIFY2(untitled.value(QLatin1String("ok")).toBool(), qPrintable(describe(untitled)));
        QCOMPARE(dataOf(untitled)
                     .value(QLatin1String("canned"))
                     .toObject()
                     .value(QLatin1String("title")),
                 QJsonValue(QString()));
        QVERIFY(command(budi, QStringLiteral("delete_canned"),
                        {{QStringLiteral("id"), dataOf(untitled)
                                                    .value(QLatin1String("canned"))
                                                    .toObject()
                                                    .value(QLatin1String("id"))}})
                    .value(QLatin1String("ok"))
                    .toBool());

        // The same command id again changes nothing and answers the same.
        QCOMPARE(
            m_agent->command(QStringLiteral("save_canned"), salamArgs, QStringLiteral("canned-1")),
            saved);

        QCOMPARE(errorCode(command(budi, QStringLiteral("save_canned"), salamArgs)),
                 QStringLiteral("conflict"));
        QJsonObject edit = salamArgs;
        edit.insert(QStringLiteral("id"), cannedId);
        edit.insert(QStringLiteral("text"), QStringLiteral("Diubah Budi"));
        QCOMPARE(errorCode(command(budi, QStringLiteral("save_canned"), edit)),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(command(budi, QStringLiteral("delete_canned"),
                                   {{QStringLiteral("id"), cannedId}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(command(budi, QStringLiteral("save_canned"),
                                   {{QStringLiteral("shortcut"), QStringLiteral("Salam!")},
                                    {QStringLiteral("text"), QStringLiteral("x")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(command(budi, QStringLiteral("save_canned"),
                                   {{QStringLiteral("shortcut"), QStringLiteral("kosong")},
                                    {QStringLiteral("text"), QStringLiteral("  ")}})),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(errorCode(command(budi, QStringLiteral("save_canned"),
                                   {{QStringLiteral("shortcut"), QStringLiteral("judul")},
                                    {QStringLiteral("title"), QString(81, QLatin1Char('j'))},
                                    {QStringLiteral("text"), QStringLiteral("x")}})),
                 QStringLiteral("invalid_argument"));

        // A supervisor may edit it; the author stays.
        Test::ProtocolClient sari;
        QVERIFY(sari.signIn(m_loop->agentsUrl(), QStringLiteral("sari"),
                            QStringLiteral("rahasia-sari")));
        edit.insert(QStringLiteral("text"), QStringLiteral("Halo Kak, selamat datang!"));
        const QJsonObject edited = command(sari, QStringLiteral("save_canned"), edit);
        QVERIFY2(edited.value(QLatin1String("ok")).toBool(), qPrintable(describe(edited)));
        const QJsonObject after = dataOf(edited).value(QLatin1String("canned")).toObject();
        QCOMPARE(after.value(QLatin1String("text")).toString(),
                 QStringLiteral("Halo Kak, selamat datang!"));
        QCOMPARE(
            after.value(QLatin1String("author")).toObject().value(QLatin1String("display_name")),
            QStringLiteral("Ayu"));
        const QJsonArray listed = dataOf(command(budi, QStringLiteral("list_canned"), {}))
                                      .value(QLatin1String("canned"))
                                      .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject(), after);

        // Budi's console goes away; the deletion is replayed when it resumes.
        const qint64 seenSeq = budi.lastSeq();
        budi.close();
        const QJsonObject deleted =
            command(*m_agent, QStringLiteral("delete_canned"), {{QStringLiteral("id"), cannedId}});
        QVERIFY2(deleted.value(QLatin1String("ok")).toBool(), qPrintable(describe(deleted)));
        QCOMPARE(errorCode(command(*m_agent, QStringLiteral("delete_canned"),
                                   {{QStringLiteral("id"), cannedId}})),
                 QStringLiteral("not_found"));
        Test::ProtocolClient resumed;
        QVERIFY(resumed.signIn(m_loop->agentsUrl(), QStringLiteral("budi"),
                               QStringLiteral("rahasia-budi")));
        QVERIFY(seenSeq > 0);
        QVERIFY(!resumed.subscribe(seenSeq).isEmpty());
        const QJsonObject gone = resumed.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() == QLatin1String("canned.deleted");
        });
        QCOMPARE(dataOf(gone).value(QLatin1String("id")).toInteger(), cannedId);
        QVERIFY(dataOf(command(resumed, QStringLiteral("list_canned"), {}))
                    .value(QLatin1String("canned"))
                    .toArray()
                    .isEmpty());
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
    std::optional<Test::ProtocolClient> m_agent;
    qint64 m_conversationId = 0;
    qint64 m_customerMessageId = 0;
    QString m_customerWamid;
    int m_commandId = 0;
};

QTEST_MAIN(TestRichMessages)
#include "tst_richmessages.moc"
