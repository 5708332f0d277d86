// One customer message all the way round, with real parts on loopback: the simulator's customer
// sends a signed webhook, the relay stores it and pushes it to a console over WebSocket, the
// agent replies, the simulator's Graph API receives the exact request, and its status webhooks
// bring the console "delivered" and "read".
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567001");
const QLatin1String PhoneNumberId(Test::LoopbackRelay::PhoneNumberId);

bool isMessageEvent(const QJsonObject &event, const char *kind, const QString &field,
                    const QString &value)
{
    return event.value(QLatin1String("kind")).toString() == QLatin1String(kind) &&
           event.value(QLatin1String("data")).toObject().value(field).toString() == value;
}
} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private:
    QUrl agentsUrl() const { return m_loop->agentsUrl(); }

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->start({{QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-ayu")}},
                               &error),
                 qPrintable(error));
        m_sim = &m_loop->sim();
    }

    void cleanup()
    {
        m_loop.reset();
        m_sim = nullptr;
    }

    void shouldCarryACustomerMessageToTheAgentAndTheReplyBack()
    {
        Test::ProtocolClient console;
        QVERIFY(console.signIn(agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());

        QString error;
        const QString inboundWamid = m_sim->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Halo kak, paket saya belum sampai 😢")}},
            &error, QStringLiteral("Siti Rahmawati"));
        QVERIFY2(!inboundWamid.isEmpty(), qPrintable(error));

        const QJsonObject arrived = console.waitForEvent([&](const QJsonObject &event) {
            return isMessageEvent(event, "message.created", QStringLiteral("wamid"), inboundWamid);
        });
        QVERIFY2(!arrived.isEmpty(), "the customer's message never reached the console");
        const QJsonObject inbound = arrived.value(QLatin1String("data")).toObject();
        QCOMPARE(inbound.value(QLatin1String("text")).toString(),
                 QStringLiteral("Halo kak, paket saya belum sampai 😢"));
        const qint64 conversationId = arrived.value(QLatin1String("conversation_id")).toInteger();

        const int requestsBefore = m_sim->requests().lastSeq();
        const QJsonObject result = console.command(
            QStringLiteral("send_text"),
            {{QStringLiteral("conversation_id"), conversationId},
             {QStringLiteral("text"), QStringLiteral("Baik Kak Siti, kami cek resinya dulu ya 🙏")},
             {QStringLiteral("reply_to"), inboundWamid}},
            QStringLiteral("e2e-1"));
        QVERIFY2(result.value(QLatin1String("ok")).toBool(),
                 qPrintable(QString::fromUtf8(QJsonDocument(result).toJson())));
        const QJsonObject sent = result.value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("message"))
                                     .toObject();
        const qint64 messageId = sent.value(QLatin1String("id")).toInteger();

        // The Graph API receives exactly the body Meta documents.
        QTRY_VERIFY_WITH_TIMEOUT(!m_sim->requests().since(requestsBefore).isEmpty(), 10000);
        const auto requests = m_sim->requests().since(requestsBefore);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().method, QStringLiteral("POST"));
        QCOMPARE(requests.first().path, QStringLiteral("/v25.0/%1/messages").arg(PhoneNumberId));
        const QJsonObject body = requests.first().jsonBody();
        const QJsonObject expected{
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), QString(QLatin1Char('+') + CustomerWaId)},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"),
             QJsonObject{{QStringLiteral("body"),
                          QStringLiteral("Baik Kak Siti, kami cek resinya dulu ya 🙏")},
                         {QStringLiteral("preview_url"), false}}},
            {QStringLiteral("context"), QJsonObject{{QStringLiteral("message_id"), inboundWamid}}},
            {QStringLiteral("biz_opaque_callback_data"),
             body.value(QLatin1String("biz_opaque_callback_data")).toString()}};
        QCOMPARE(body, expected);
        QVERIFY(!body.value(QLatin1String("biz_opaque_callback_data")).toString().isEmpty());

        // Meta's status webhooks reach the console: delivered, then read.
        auto statusIs = [messageId](const char *status) {
            return [messageId, status](const QJsonObject &event) {
                const QJsonObject data = event.value(QLatin1String("data")).toObject();
                return event.value(QLatin1String("kind")).toString() ==
                           QLatin1String("message.updated") &&
                       data.value(QLatin1String("id")).toInteger() == messageId &&
                       data.value(QLatin1String("status")).toString() == QLatin1String(status);
            };
        };
        QVERIFY2(!console.waitForEvent(statusIs("delivered")).isEmpty(), "never delivered");
        QVERIFY2(!console.waitForEvent(statusIs("read")).isEmpty(), "never read");
    }

    void shouldLetTheAgentApproveRegenerateAndDiscardAiDrafts()
    {
        Test::ProtocolClient console;
        QVERIFY(console.signIn(agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());
        QString error;
        const QString wamid = m_sim->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Kak, bisa COD?")}},
            &error);
        auto draftEvent = [](const char *state, qint64 notId = 0) {
            return [state, notId](const QJsonObject &event) {
                const QJsonObject data = event.value(QLatin1String("data")).toObject();
                return event.value(QLatin1String("kind")).toString() ==
                           QLatin1String("draft.updated") &&
                       data.value(QLatin1String("state")).toString() == QLatin1String(state) &&
                       data.value(QLatin1String("id")).toInteger() != notId;
            };
        };
        const QJsonObject first = console.waitForEvent(draftEvent("pending"));
        QVERIFY2(!first.isEmpty(), "no AI draft for the customer's message");
        const qint64 conversationId = first.value(QLatin1String("conversation_id")).toInteger();
        const QJsonObject firstDraft = first.value(QLatin1String("data")).toObject();
        QVERIFY(!firstDraft.value(QLatin1String("text")).toString().isEmpty());

        // Regenerate: a new pending draft replaces the first one.
        const QJsonObject regenerated = console.command(
            QStringLiteral("regenerate_draft"),
            {{QStringLiteral("conversation_id"), conversationId}}, QStringLiteral("regen-1"));
        QVERIFY(regenerated.value(QLatin1String("ok")).toBool());
        const qint64 firstId = firstDraft.value(QLatin1String("id")).toInteger();
        const QJsonObject second = console.waitForEvent(draftEvent("pending", firstId));
        QVERIFY2(!second.isEmpty(), "regenerating made no new draft");
        const QJsonObject secondDraft = second.value(QLatin1String("data")).toObject();

        // The old draft can no longer be approved.
        const QJsonObject stale =
            console.command(QStringLiteral("send_text"),
                            {{QStringLiteral("conversation_id"), conversationId},
                             {QStringLiteral("text"), firstDraft.value(QLatin1String("text"))},
                             {QStringLiteral("draft_id"), firstId}},
                            QStringLiteral("approve-old"));
        QCOMPARE(stale.value(QLatin1String("error")).toObject().value(QLatin1String("code")),
                 QStringLiteral("conflict"));

        // Approving sends the draft's text and marks it approved.
        const int before = m_sim->requests().lastSeq();
        const QJsonObject approved =
            console.command(QStringLiteral("send_text"),
                            {{QStringLiteral("conversation_id"), conversationId},
                             {QStringLiteral("text"), secondDraft.value(QLatin1String("text"))},
                             {QStringLiteral("draft_id"), secondDraft.value(QLatin1String("id"))}},
                            QStringLiteral("approve-1"));
        QVERIFY(approved.value(QLatin1String("ok")).toBool());
        QVERIFY(!console.waitForEvent(draftEvent("approved")).isEmpty());
        // The conversation the send published no longer offers the approved draft.
        const QJsonObject after = console.waitForEvent([&](const QJsonObject &event) {
            const QJsonObject data = event.value(QLatin1String("data")).toObject();
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("conversation.updated") &&
                   data.value(QLatin1String("last_message"))
                           .toObject()
                           .value(QLatin1String("text")) ==
                       secondDraft.value(QLatin1String("text"));
        });
        QVERIFY(!after.isEmpty());
        QVERIFY(
            after.value(QLatin1String("data")).toObject().value(QLatin1String("draft")).isNull());
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->requests().since(before).size(), 1, 10000);
        QCOMPARE(m_sim->requests()
                     .since(before)
                     .first()
                     .jsonBody()
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("body")),
                 secondDraft.value(QLatin1String("text")));

        // A new customer message brings a new draft, which the agent discards.
        m_sim->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Ongkirnya berapa?")}},
            &error);
        const qint64 secondId = secondDraft.value(QLatin1String("id")).toInteger();
        const QJsonObject third = console.waitForEvent([&](const QJsonObject &event) {
            return draftEvent("pending", firstId)(event) && event.value(QLatin1String("data"))
                                                                    .toObject()
                                                                    .value(QLatin1String("id"))
                                                                    .toInteger() != secondId;
        });
        QVERIFY(!third.isEmpty());
        const QJsonObject discarded = console.command(
            QStringLiteral("discard_draft"),
            {{QStringLiteral("conversation_id"), conversationId},
             {QStringLiteral("draft_id"),
              third.value(QLatin1String("data")).toObject().value(QLatin1String("id"))}},
            QStringLiteral("discard-1"));
        QVERIFY(discarded.value(QLatin1String("ok")).toBool());
        QVERIFY(!console.waitForEvent(draftEvent("discarded")).isEmpty());
        Q_UNUSED(wamid);
    }

    void shouldTellMetaTheChatWasReadWhenTheAgentReadsIt()
    {
        Test::ProtocolClient console;
        QVERIFY(console.signIn(agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());
        const QString wamid = m_loop->customerWrites(CustomerWaId, QStringLiteral("Halo kak?"));
        const QJsonObject arrived = console.waitForEvent([&](const QJsonObject &event) {
            return isMessageEvent(event, "message.created", QStringLiteral("wamid"), wamid);
        });
        QVERIFY(!arrived.isEmpty());
        const int before = m_sim->requests().lastSeq();
        const QJsonObject read =
            console.command(QStringLiteral("mark_read"),
                            {{QStringLiteral("conversation_id"),
                              arrived.value(QLatin1String("conversation_id")).toInteger()}},
                            QStringLiteral("read-1"));
        QVERIFY(read.value(QLatin1String("ok")).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->requests().since(before).size(), 1, 10000);
        const QJsonObject expected{
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("status"), QStringLiteral("read")},
            {QStringLiteral("message_id"), wamid}};
        QCOMPARE(m_sim->requests().since(before).first().jsonBody(), expected);
        // Reading again with nothing new sends nothing more.
        console.command(QStringLiteral("mark_read"),
                        {{QStringLiteral("conversation_id"),
                          arrived.value(QLatin1String("conversation_id")).toInteger()}},
                        QStringLiteral("read-2"));
        QTest::qWait(300);
        QCOMPARE(m_sim->requests().since(before).size(), 1);
    }

    void shouldResumeAfterARelayRestartWithNoGapAndNoDuplicate()
    {
        Test::ProtocolClient first;
        QVERIFY(first.signIn(agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!first.subscribe(0).isEmpty());
        QString error;
        const QString before = m_sim->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Kak, ongkir ke Bandung berapa?")}},
            &error);
        QVERIFY(!first
                     .waitForEvent([&](const QJsonObject &e) {
                         return isMessageEvent(e, "message.created", QStringLiteral("wamid"),
                                               before);
                     })
                     .isEmpty());
        const qint64 seenSeq = first.lastSeq();
        first.close();

        m_loop->stopRelay();
        // While the relay is down the customer writes again; the simulator redelivers.
        const QString during = m_sim->customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Halo? Masih ada orang?")}},
            &error);
        QVERIFY(!during.isEmpty());
        QString error2;
        QVERIFY2(m_loop->startRelay(&error2), qPrintable(error2));

        Test::ProtocolClient second;
        QVERIFY(second.signIn(agentsUrl(), QStringLiteral("ayu"), QStringLiteral("rahasia-ayu")));
        QVERIFY(!second.subscribe(seenSeq).isEmpty());
        QVERIFY2(!second
                      .waitForEvent(
                          [&](const QJsonObject &e) {
                              return isMessageEvent(e, "message.created", QStringLiteral("wamid"),
                                                    during);
                          },
                          15000)
                      .isEmpty(),
                 "the message sent while the relay was down never arrived");
        QTest::qWait(200);
        QList<qint64> seqs;
        int copies = 0;
        for (const QJsonObject &event : second.events()) {
            seqs.append(event.value(QLatin1String("seq")).toInteger());
            if (isMessageEvent(event, "message.created", QStringLiteral("wamid"), during))
                ++copies;
            QVERIFY2(!isMessageEvent(event, "message.created", QStringLiteral("wamid"), before),
                     "an event seen before the restart came again");
        }
        QCOMPARE(copies, 1);
        QVERIFY(!seqs.isEmpty());
        QCOMPARE(seqs.first(), seenSeq + 1);
        for (int i = 1; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
    Sim::Simulator *m_sim = nullptr;
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
