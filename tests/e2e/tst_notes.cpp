// An internal note never leaves the relay: with the simulator's Graph API recording every
// request, a note (and its @mention) written in a live chat appears in none of them, while the
// reply the agent sends right after it does.
#include "sim/simulator.h"
#include "support/loopback/loopbackrelay.h"
#include "support/protocolclient.h"

#include <QJsonDocument>
#include <QTest>

using namespace Serambi;

namespace {
const QString CustomerWaId = QStringLiteral("6281234567002");
const QString NoteText = QStringLiteral("Pelanggan ini pernah komplain ongkir, hati-hati @rina");
} // namespace

class TestNotes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_loop.emplace();
        QString error;
        QVERIFY2(m_loop->start({{QStringLiteral("ayu"), QStringLiteral("Ayu"),
                                 QStringLiteral("agent"), QStringLiteral("rahasia-ayu")},
                                {QStringLiteral("rina"), QStringLiteral("Rina"),
                                 QStringLiteral("supervisor"), QStringLiteral("rahasia-rina")}},
                               &error),
                 qPrintable(error));
    }

    void cleanup() { m_loop.reset(); }

    void shouldNeverSendANoteToTheCustomer()
    {
        Sim::Simulator &sim = m_loop->sim();
        Test::ProtocolClient console;
        QVERIFY(console.signIn(m_loop->agentsUrl(), QStringLiteral("ayu"),
                               QStringLiteral("rahasia-ayu")));
        QVERIFY(!console.subscribe(0).isEmpty());
        const int requestsBefore = sim.requests().lastSeq();
        QString error;
        const QString wamid = sim.customers().sendMessage(
            CustomerWaId,
            {{QStringLiteral("type"), QStringLiteral("text")},
             {QStringLiteral("text"), QStringLiteral("Ongkir ke Medan berapa kak?")}},
            &error, QStringLiteral("Dedi"));
        QVERIFY2(!wamid.isEmpty(), qPrintable(error));
        const QJsonObject arrived = console.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                       QLatin1String("message.created") &&
                   event.value(QLatin1String("data")).toObject().value(QLatin1String("wamid")) ==
                       wamid;
        });
        QVERIFY(!arrived.isEmpty());
        const qint64 conversationId = arrived.value(QLatin1String("conversation_id")).toInteger();

        const QJsonObject note = console.command(
            QStringLiteral("add_note"), {{QStringLiteral("conversation_id"), conversationId},
                                         {QStringLiteral("text"), NoteText}});
        QVERIFY2(note.value(QLatin1String("ok")).toBool(),
                 qPrintable(QString::fromUtf8(QJsonDocument(note).toJson())));
        const QJsonObject reply =
            console.command(QStringLiteral("send_text"),
                            {{QStringLiteral("conversation_id"), conversationId},
                             {QStringLiteral("text"), QStringLiteral("Ongkir ke Medan Rp25.000")}});
        QVERIFY(reply.value(QLatin1String("ok")).toBool());

        // The reply, queued after the note, reaches Meta; by then the note would have too.
        const auto replied = [&] {
            for (const auto &request : sim.requests().since(requestsBefore)) {
                if (request.body.contains("Rp25.000"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(replied(), 10000);
        for (const auto &request : sim.requests().since(requestsBefore)) {
            QVERIFY2(!request.body.contains("komplain ongkir"), request.body.constData());
            QVERIFY2(!request.body.contains("@rina"), request.body.constData());
        }
        // Nor is the note a message of the chat (the customer's history).
        const QJsonObject history = console.command(
            QStringLiteral("history"), {{QStringLiteral("conversation_id"), conversationId}});
        const QByteArray messages = QJsonDocument(history).toJson(QJsonDocument::Compact);
        QVERIFY(messages.contains("Rp25.000"));
        QVERIFY(!messages.contains("komplain ongkir"));
    }

private:
    std::optional<Test::LoopbackRelay> m_loop;
};

QTEST_GUILESS_MAIN(TestNotes)
#include "tst_notes.moc"
