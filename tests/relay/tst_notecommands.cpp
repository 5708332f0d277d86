// Internal notes and @mentions through a real WebSocket on loopback: who sees a note, who is
// told about a mention, and every refusal.
#include "support/relay/hubharness.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject noteArgs(qint64 conversationId, const QString &text)
{
    return {{QLatin1String("conversation_id"), conversationId}, {QLatin1String("text"), text}};
}

QJsonObject resultData(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

QString kindOf(const QJsonObject &event)
{
    return event.value(QLatin1String("kind")).toString();
}

QList<QJsonObject> eventsOfKind(const ProtocolClient &console, qint64 conversationId,
                                const QString &kind)
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : console.events(conversationId)) {
        if (kindOf(event) == kind)
            found.append(event);
    }
    return found;
}

QStringList mentionsOf(const QJsonObject &note)
{
    QStringList usernames;
    for (const QJsonValue &username : note.value(QLatin1String("mentions")).toArray())
        usernames.append(username.toString());
    return usernames;
}

} // namespace

class tst_NoteCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        const HubHarness::Colleagues colleagues = m_harness->addColleagues();
        QVERIFY(colleagues.ok());
        m_sariId = colleagues.sari;
        m_budiId = colleagues.budi;
        m_rinaId = colleagues.rina;
    }

    void cleanup() { m_harness.reset(); }

    void shouldShowANoteInTheChatAndTellOnlyTheMentionedColleague()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        for (ProtocolClient *console : {sari.get(), budi.get(), rina.get()})
            QCOMPARE(frameType(console->subscribe(0)), QStringLiteral("snapshot"));

        const QJsonObject result = sari->command(
            QStringLiteral("add_note"),
            noteArgs(chat, QStringLiteral("Pernah minta refund, @rina tolong cek ya")));
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        const QJsonObject note = resultData(result).value(QLatin1String("note")).toObject();
        QCOMPARE(note.value(QLatin1String("text")).toString(),
                 QStringLiteral("Pernah minta refund, @rina tolong cek ya"));
        QCOMPARE(note.value(QLatin1String("conversation_id")).toInteger(), chat);
        QCOMPARE(mentionsOf(note), QStringList{QStringLiteral("rina")});
        QCOMPARE(note.value(QLatin1String("author")).toObject().value(QLatin1String("id")),
                 QJsonValue(m_sariId));

        // Everyone who sees the chat sees the note; only Rina is told she was mentioned.
        for (ProtocolClient *console : {sari.get(), budi.get(), rina.get()})
            QTRY_COMPARE(eventsOfKind(*console, chat, QStringLiteral("note.created")).size(), 1);
        QTRY_COMPARE(eventsOfKind(*rina, chat, QStringLiteral("mention.created")).size(), 1);
        const QJsonObject mention =
            eventsOfKind(*rina, chat, QStringLiteral("mention.created")).first();
        QCOMPARE(mention.value(QLatin1String("data")).toObject().value(QLatin1String("user_id")),
                 QJsonValue(m_rinaId));
        QCOMPARE(mention.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("note"))
                     .toObject()
                     .value(QLatin1String("id")),
                 note.value(QLatin1String("id")));
        // A later event everyone sees: the mention would have arrived before it.
        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo lagi"));
        QTRY_COMPARE(eventsOfKind(*budi, chat, QStringLiteral("message.created")).size(), 1);
        QCOMPARE(eventsOfKind(*budi, chat, QStringLiteral("mention.created")).size(), 0);
        QCOMPARE(eventsOfKind(*sari, chat, QStringLiteral("mention.created")).size(), 0);

        // A note is no message: nothing for the customer, nothing queued for Meta.
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
        QCOMPARE(m_harness->count(
                     QStringLiteral("SELECT COUNT(*) FROM messages WHERE direction = 'out'")),
                 0);

        const QJsonObject notes =
            budi->command(QStringLiteral("list_notes"), {{QLatin1String("conversation_id"), chat}});
        QVERIFY(isOk(notes));
        QCOMPARE(resultData(notes).value(QLatin1String("notes")).toArray(), QJsonArray{note});

        const QJsonArray rinasMentions =
            resultData(rina->command(QStringLiteral("list_mentions"), {}))
                .value(QLatin1String("mentions"))
                .toArray();
        QCOMPARE(rinasMentions.size(), 1);
        QCOMPARE(rinasMentions.at(0).toObject().value(QLatin1String("note")).toObject(), note);
        QCOMPARE(resultData(budi->command(QStringLiteral("list_mentions"), {}))
                     .value(QLatin1String("mentions"))
                     .toArray()
                     .size(),
                 0);
    }

    void shouldReplayAMentionToTheColleagueWhoWasAway()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const qint64 seen = rina->subscribe(0).value(QLatin1String("seq")).toInteger();
        rina.reset(); // Rina goes away

        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QVERIFY(isOk(sari->command(QStringLiteral("add_note"),
                                   noteArgs(chat, QStringLiteral("@rina minta approval diskon")))));

        rina = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(frameType(rina->subscribe(seen)), QStringLiteral("subscribed"));
        QCOMPARE(eventsOfKind(*rina, chat, QStringLiteral("note.created")).size(), 1);
        QCOMPARE(eventsOfKind(*rina, chat, QStringLiteral("mention.created")).size(), 1);
    }

    void shouldMentionEachKnownColleagueOnceAndIgnoreOtherAtWords()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject result = sari->command(
            QStringLiteral("add_note"),
            noteArgs(chat, QStringLiteral("Email budi@toko.id, @nobody tidak ada. @rina. Sekali "
                                          "lagi @rina, dan @budi, dan saya sendiri @sari")));
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        QCOMPARE(mentionsOf(resultData(result).value(QLatin1String("note")).toObject()),
                 (QStringList{QStringLiteral("rina"), QStringLiteral("budi")}));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM mentions")), 2);
    }

    void shouldRefuseMentioningAColleagueWhoCannotSeeTheChat()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        QVERIFY(m_harness->assignDirectly(chat, m_sariId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("add_note"),
                                         noteArgs(chat, QStringLiteral("@budi bantu dong")))),
                 QStringLiteral("forbidden"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM notes")), 0);
        // A supervisor sees every chat and may be mentioned.
        QVERIFY(isOk(sari->command(QStringLiteral("add_note"),
                                   noteArgs(chat, QStringLiteral("@rina bantu dong")))));
    }

    void shouldKeepAnotherAgentsChatsNotesFromAnAgent()
    {
        const qint64 budisChat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Rahasia"));
        QVERIFY(m_harness->assignDirectly(budisChat, m_budiId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        sari->subscribe(0);
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        QVERIFY(isOk(budi->command(QStringLiteral("add_note"),
                                   noteArgs(budisChat, QStringLiteral("Catatan Budi")))));

        QCOMPARE(errorCode(sari->command(QStringLiteral("list_notes"),
                                         {{QLatin1String("conversation_id"), budisChat}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("add_note"),
                                         noteArgs(budisChat, QStringLiteral("Intip")))),
                 QStringLiteral("forbidden"));
        const qint64 queue =
            m_harness->receiveInbound(QStringLiteral("628999"), QStringLiteral("Antri"));
        QTRY_COMPARE(sari->events(queue).size(), 2);
        QCOMPARE(sari->events(budisChat).size(), 0);

        // A mention in a chat that later moved to another agent is no longer listed.
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628777"), QStringLiteral("Halo"));
        QVERIFY(isOk(budi->command(QStringLiteral("add_note"),
                                   noteArgs(chat, QStringLiteral("@sari ini pelanggan lama")))));
        QCOMPARE(resultData(sari->command(QStringLiteral("list_mentions"), {}))
                     .value(QLatin1String("mentions"))
                     .toArray()
                     .size(),
                 1);
        QVERIFY(m_harness->assignDirectly(chat, m_budiId));
        QCOMPARE(resultData(sari->command(QStringLiteral("list_mentions"), {}))
                     .value(QLatin1String("mentions"))
                     .toArray()
                     .size(),
                 0);
    }

    void shouldAddANoteOnceWhenResent()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject args = noteArgs(chat, QStringLiteral("Sudah ditelepon"));
        const QJsonObject first =
            sari->command(QStringLiteral("add_note"), args, QStringLiteral("note-1"));
        QVERIFY(isOk(first));
        QCOMPARE(sari->command(QStringLiteral("add_note"), args, QStringLiteral("note-1")), first);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM notes")), 1);
    }

    void shouldTransferAnAgentsOwnChatWithANoteTheReceiverIsToldOf()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Minta invoice"));
        QVERIFY(m_harness->assignDirectly(chat, m_sariId));
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        QCOMPARE(frameType(budi->subscribe(0)), QStringLiteral("snapshot"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(sari->subscribe(0)), QStringLiteral("snapshot"));

        const QJsonObject result = sari->command(
            QStringLiteral("transfer"),
            {{QLatin1String("conversation_id"), chat},
             {QLatin1String("username"), QLatin1String("budi")},
             {QLatin1String("note"), QLatin1String("Invoice bulan lalu belum dikirim")}});
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        const QJsonObject conversation =
            resultData(result).value(QLatin1String("conversation")).toObject();
        QCOMPARE(conversation.value(QLatin1String("assignee")).toString(), QStringLiteral("budi"));
        QCOMPARE(conversation.value(QLatin1String("state")).toString(), QStringLiteral("assigned"));
        const QJsonObject note = resultData(result).value(QLatin1String("note")).toObject();
        QCOMPARE(note.value(QLatin1String("text")).toString(),
                 QStringLiteral("Invoice bulan lalu belum dikirim"));
        QCOMPARE(mentionsOf(note), QStringList{QStringLiteral("budi")});

        // Budi gets the chat, then the note and the mention that notifies him, in that order.
        QTRY_COMPARE(eventsOfKind(*budi, chat, QStringLiteral("mention.created")).size(), 1);
        QStringList kinds;
        for (const QJsonObject &event : budi->events(chat))
            kinds.append(kindOf(event));
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("conversation.updated"),
                              QStringLiteral("note.created"), QStringLiteral("mention.created")}));
        // Sari is told the chat left her, and sees nothing of it after that.
        QTRY_COMPARE(eventsOfKind(*sari, chat, QStringLiteral("conversation.updated")).size(), 1);
        m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo?"));
        QTRY_COMPARE(eventsOfKind(*budi, chat, QStringLiteral("message.created")).size(), 1);
        QCOMPARE(eventsOfKind(*sari, chat, QStringLiteral("note.created")).size(), 0);
        QCOMPARE(eventsOfKind(*sari, chat, QStringLiteral("message.created")).size(), 0);
        QCOMPARE(resultData(budi->command(QStringLiteral("list_notes"),
                                          {{QLatin1String("conversation_id"), chat}}))
                     .value(QLatin1String("notes"))
                     .toArray(),
                 QJsonArray{note});
    }

    void shouldLetAgentsTransferOnlyTheirOwnChatsAndSupervisorsAny()
    {
        const qint64 queued =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        const qint64 budisChat =
            m_harness->receiveInbound(QStringLiteral("628222"), QStringLiteral("Halo"));
        QVERIFY(m_harness->assignDirectly(budisChat, m_budiId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const auto transferTo = [](qint64 chat, const QString &username) {
            return QJsonObject{{QLatin1String("conversation_id"), chat},
                               {QLatin1String("username"), username}};
        };
        QCOMPARE(errorCode(sari->command(QStringLiteral("transfer"),
                                         transferTo(queued, QStringLiteral("budi")))),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("transfer"),
                                         transferTo(budisChat, QStringLiteral("sari")))),
                 QStringLiteral("forbidden"));

        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(errorCode(rina->command(QStringLiteral("transfer"),
                                         transferTo(budisChat, QStringLiteral("nobody")))),
                 QStringLiteral("not_found"));
        QCOMPARE(errorCode(rina->command(QStringLiteral("transfer"),
                                         transferTo(budisChat, QStringLiteral("budi")))),
                 QStringLiteral("conflict"));
        QJsonObject blankNote = transferTo(budisChat, QStringLiteral("sari"));
        blankNote.insert(QLatin1String("note"), QLatin1String("   "));
        QCOMPARE(errorCode(rina->command(QStringLiteral("transfer"), blankNote)),
                 QStringLiteral("invalid_argument"));
        // A note that mentions someone who will not see the chat refuses the whole transfer.
        QJsonObject hiddenMention = transferTo(budisChat, QStringLiteral("sari"));
        hiddenMention.insert(QLatin1String("note"), QLatin1String("@budi tolong bantu"));
        QCOMPARE(errorCode(rina->command(QStringLiteral("transfer"), hiddenMention)),
                 QStringLiteral("forbidden"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE "
                                                 "assignee_id = %1")
                                      .arg(m_budiId)),
                 1);

        const QJsonObject moved = rina->command(QStringLiteral("transfer"),
                                                transferTo(budisChat, QStringLiteral("sari")));
        QVERIFY2(isOk(moved), qPrintable(errorCode(moved)));
        QVERIFY(resultData(moved).value(QLatin1String("note")).isNull());
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM notes")), 0);
        QVERIFY(isOk(sari->command(QStringLiteral("history"),
                                   {{QLatin1String("conversation_id"), budisChat}})));
    }

    void shouldRefuseBadNotes_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("code");
        const QJsonValue chat(1);
        QTest::newRow("empty text") << QStringLiteral("add_note") << noteArgs(1, QString())
                                    << QStringLiteral("invalid_argument");
        QTest::newRow("only blanks")
            << QStringLiteral("add_note") << noteArgs(1, QStringLiteral(" \n\t "))
            << QStringLiteral("invalid_argument");
        QTest::newRow("text too long")
            << QStringLiteral("add_note") << noteArgs(1, QString(4097, QLatin1Char('x')))
            << QStringLiteral("invalid_argument");
        QTest::newRow("text not a string")
            << QStringLiteral("add_note")
            << QJsonObject{{QLatin1String("conversation_id"), chat}, {QLatin1String("text"), 5}}
            << QStringLiteral("invalid_argument");
        QTest::newRow("no conversation") << QStringLiteral("add_note")
                                         << QJsonObject{{QLatin1String("text"), QLatin1String("x")}}
                                         << QStringLiteral("invalid_argument");
        QTest::newRow("unknown conversation")
            << QStringLiteral("add_note") << noteArgs(999, QStringLiteral("x"))
            << QStringLiteral("not_found");
        QTest::newRow("unknown argument")
            << QStringLiteral("add_note")
            << QJsonObject{{QLatin1String("conversation_id"), chat},
                           {QLatin1String("text"), QLatin1String("x")},
                           {QLatin1String("to"), QLatin1String("628111")}}
            << QStringLiteral("invalid_argument");
        QTest::newRow("list_notes without conversation")
            << QStringLiteral("list_notes") << QJsonObject{} << QStringLiteral("invalid_argument");
        QTest::newRow("list_notes of unknown conversation")
            << QStringLiteral("list_notes") << QJsonObject{{QLatin1String("conversation_id"), 999}}
            << QStringLiteral("not_found");
        QTest::newRow("list_mentions with arguments")
            << QStringLiteral("list_mentions") << QJsonObject{{QLatin1String("limit"), 5}}
            << QStringLiteral("invalid_argument");
    }

    void shouldRefuseBadNotes()
    {
        QFETCH(QString, command);
        QFETCH(QJsonObject, args);
        QFETCH(QString, code);
        QCOMPARE(m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo")), 1);
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(errorCode(sari->command(command, args)), code);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM notes")), 0);
    }

private:
    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sariId = 0;
    qint64 m_budiId = 0;
    qint64 m_rinaId = 0;
};

QTEST_GUILESS_MAIN(tst_NoteCommands)
#include "tst_notecommands.moc"
