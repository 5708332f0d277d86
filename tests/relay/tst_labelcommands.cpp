// Labels through a real WebSocket on loopback: supervisors manage the team's list, whoever sees
// a chat labels it, every console that may see the chat follows live, and every refusal.
#include "support/relay/hubharness.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

QJsonObject resultData(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

bool isOk(const QJsonObject &result)
{
    return result.value(QLatin1String("ok")).toBool();
}

QJsonObject labelArgs(const QString &name, const QString &color, qint64 id = 0)
{
    QJsonObject args{{QLatin1String("name"), name}, {QLatin1String("color"), color}};
    if (id != 0)
        args.insert(QLatin1String("id"), id);
    return args;
}

QJsonObject labelChatArgs(qint64 chat, const QList<qint64> &add, const QList<qint64> &remove = {})
{
    QJsonObject args{{QLatin1String("conversation_id"), chat}};
    QJsonArray adding;
    for (const qint64 id : add)
        adding.append(id);
    QJsonArray removing;
    for (const qint64 id : remove)
        removing.append(id);
    if (!adding.isEmpty())
        args.insert(QLatin1String("add"), adding);
    if (!removing.isEmpty())
        args.insert(QLatin1String("remove"), removing);
    return args;
}

QList<QJsonObject> eventsOfKind(const ProtocolClient &console, qint64 conversationId,
                                const QString &kind)
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : console.events(conversationId)) {
        if (event.value(QLatin1String("kind")).toString() == kind)
            found.append(event);
    }
    return found;
}

QJsonArray labelsOf(const QJsonObject &object)
{
    return object.value(QLatin1String("labels")).toArray();
}

// The chat in a snapshot frame.
QJsonObject chatInSnapshot(const QJsonObject &snapshot, qint64 chat)
{
    for (const QJsonValue &c : snapshot.value(QLatin1String("conversations")).toArray()) {
        if (c.toObject().value(QLatin1String("id")).toInteger() == chat)
            return c.toObject();
    }
    return {};
}

} // namespace

class tst_LabelCommands : public QObject
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

    void shouldLetASupervisorManageTheListAndTellEveryConsole()
    {
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(sari->subscribe(0)), QStringLiteral("snapshot"));

        const QJsonObject created =
            rina->command(QStringLiteral("save_label"),
                          labelArgs(QStringLiteral(" VIP "), QStringLiteral("#FFAA00")));
        QVERIFY2(isOk(created), qPrintable(errorCode(created)));
        const QJsonObject label = resultData(created).value(QLatin1String("label")).toObject();
        const qint64 id = label.value(QLatin1String("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(label.value(QLatin1String("name")).toString(), QStringLiteral("VIP"));
        QCOMPARE(label.value(QLatin1String("color")).toString(), QStringLiteral("#ffaa00"));

        // An agent's console hears of it, with who made it.
        QTRY_COMPARE(eventsOfKind(*sari, 0, QStringLiteral("label.updated")).size(), 1);
        const QJsonObject data = eventsOfKind(*sari, 0, QStringLiteral("label.updated"))
                                     .first()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QCOMPARE(data.value(QLatin1String("label")).toObject(), label);
        QCOMPARE(data.value(QLatin1String("by")).toObject().value(QLatin1String("id")).toInteger(),
                 m_rinaId);

        // Rename and recolour keep the id; the list is by name.
        QVERIFY(isOk(
            rina->command(QStringLiteral("save_label"), labelArgs(QStringLiteral("Pelanggan VIP"),
                                                                  QStringLiteral("#00aa00"), id))));
        QVERIFY(
            isOk(rina->command(QStringLiteral("save_label"),
                               labelArgs(QStringLiteral("Komplain"), QStringLiteral("#cc0000")))));
        const QJsonArray list =
            labelsOf(resultData(sari->command(QStringLiteral("list_labels"), {})));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Komplain"));
        QCOMPARE(list.at(1).toObject(),
                 (QJsonObject{{QLatin1String("id"), id},
                              {QLatin1String("name"), QLatin1String("Pelanggan VIP")},
                              {QLatin1String("color"), QLatin1String("#00aa00")}}));
        QTRY_COMPARE(eventsOfKind(*sari, 0, QStringLiteral("label.updated")).size(), 3);
    }

    void shouldRefuseAgentsManagingLabels()
    {
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const qint64 id =
            resultData(rina->command(QStringLiteral("save_label"),
                                     labelArgs(QStringLiteral("VIP"), QStringLiteral("#ffaa00"))))
                .value(QLatin1String("label"))
                .toObject()
                .value(QLatin1String("id"))
                .toInteger();
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(
            errorCode(sari->command(QStringLiteral("save_label"),
                                    labelArgs(QStringLiteral("Baru"), QStringLiteral("#123456")))),
            QStringLiteral("forbidden"));
        QCOMPARE(errorCode(sari->command(
                     QStringLiteral("save_label"),
                     labelArgs(QStringLiteral("Ganti"), QStringLiteral("#123456"), id))),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            errorCode(sari->command(QStringLiteral("delete_label"), {{QLatin1String("id"), id}})),
            QStringLiteral("forbidden"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM labels WHERE name = 'VIP'")),
                 1);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM labels")), 1);
    }

    void shouldRefuseBadLabels_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty name") << labelArgs(QString(), QStringLiteral("#ffaa00"))
                                    << QStringLiteral("invalid_argument");
        QTest::newRow("blank name") << labelArgs(QStringLiteral("   "), QStringLiteral("#ffaa00"))
                                    << QStringLiteral("invalid_argument");
        QTest::newRow("too long") << labelArgs(QString(33, QLatin1Char('x')),
                                               QStringLiteral("#ffaa00"))
                                  << QStringLiteral("invalid_argument");
        QTest::newRow("duplicate, other case")
            << labelArgs(QStringLiteral("vip"), QStringLiteral("#ffaa00"))
            << QStringLiteral("conflict");
        QTest::newRow("colour name") << labelArgs(QStringLiteral("Baru"), QStringLiteral("red"))
                                     << QStringLiteral("invalid_argument");
        QTest::newRow("short colour") << labelArgs(QStringLiteral("Baru"), QStringLiteral("#fa0"))
                                      << QStringLiteral("invalid_argument");
        QTest::newRow("no colour") << QJsonObject{{QLatin1String("name"), QLatin1String("Baru")}}
                                   << QStringLiteral("invalid_argument");
        QTest::newRow("unknown id")
            << labelArgs(QStringLiteral("Baru"), QStringLiteral("#ffaa00"), 999)
            << QStringLiteral("not_found");
    }

    void shouldRefuseBadLabels()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, code);
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(rina->command(QStringLiteral("save_label"),
                                   labelArgs(QStringLiteral("VIP"), QStringLiteral("#ffaa00")))));
        QCOMPARE(errorCode(rina->command(QStringLiteral("save_label"), args)), code);
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM labels")), 1);
        QCOMPARE(m_harness->count(QStringLiteral(
                     "SELECT COUNT(*) FROM labels WHERE name = 'VIP' AND color = '#ffaa00'")),
                 1);
        QCOMPARE(
            errorCode(rina->command(QStringLiteral("delete_label"), {{QLatin1String("id"), 999}})),
            QStringLiteral("not_found"));
    }

    void shouldLabelAChatForThoseWhoSeeItOnly()
    {
        const qint64 id = createLabel(QStringLiteral("VIP"));
        const qint64 sarisChat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        QVERIFY(m_harness->assignDirectly(sarisChat, m_sariId));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        for (ProtocolClient *console : {sari.get(), budi.get(), rina.get()})
            QCOMPARE(frameType(console->subscribe(0)), QStringLiteral("snapshot"));

        const QJsonObject result = sari->command(QStringLiteral("set_conversation_labels"),
                                                 labelChatArgs(sarisChat, {id}));
        QVERIFY2(isOk(result), qPrintable(errorCode(result)));
        QCOMPARE(labelsOf(resultData(result)), QJsonArray{id});

        QTRY_COMPARE(eventsOfKind(*rina, sarisChat, QStringLiteral("conversation.labeled")).size(),
                     1);
        const QJsonObject data =
            eventsOfKind(*rina, sarisChat, QStringLiteral("conversation.labeled"))
                .first()
                .value(QLatin1String("data"))
                .toObject();
        QCOMPARE(labelsOf(data), QJsonArray{id});
        QCOMPARE(data.value(QLatin1String("added")).toArray(), QJsonArray{id});
        QCOMPARE(data.value(QLatin1String("by")).toObject().value(QLatin1String("id")).toInteger(),
                 m_sariId);
        QCOMPARE(eventsOfKind(*sari, sarisChat, QStringLiteral("conversation.labeled")).size(), 1);
        // Budi may not see Sari's chat: neither its labels nor the change reach him.
        const qint64 queue =
            m_harness->receiveInbound(QStringLiteral("628999"), QStringLiteral("Antri"));
        QTRY_COMPARE(eventsOfKind(*budi, queue, QStringLiteral("message.created")).size(), 1);
        QCOMPARE(budi->events(sarisChat).size(), 0);
        QCOMPARE(errorCode(budi->command(QStringLiteral("set_conversation_labels"),
                                         labelChatArgs(sarisChat, {}, {id}))),
                 QStringLiteral("forbidden"));

        // A console that comes later gets the labels with the chat.
        auto later = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(labelsOf(chatInSnapshot(later->subscribe(0), sarisChat)), QJsonArray{id});

        // Adding it again changes nothing and tells nobody; removing it is one more event.
        QVERIFY(isOk(sari->command(QStringLiteral("set_conversation_labels"),
                                   labelChatArgs(sarisChat, {id}))));
        const QJsonObject removed = sari->command(QStringLiteral("set_conversation_labels"),
                                                  labelChatArgs(sarisChat, {}, {id}));
        QCOMPARE(labelsOf(resultData(removed)), QJsonArray{});
        QTRY_COMPARE(eventsOfKind(*rina, sarisChat, QStringLiteral("conversation.labeled")).size(),
                     2);
        QCOMPARE(eventsOfKind(*rina, sarisChat, QStringLiteral("conversation.labeled"))
                     .last()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("removed"))
                     .toArray(),
                 QJsonArray{id});
    }

    void shouldRefuseBadChatLabelling()
    {
        const qint64 id = createLabel(QStringLiteral("VIP"));
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const auto code = [&sari](const QJsonObject &args) {
            return errorCode(sari->command(QStringLiteral("set_conversation_labels"), args));
        };
        QCOMPARE(code(labelChatArgs(chat, {999})), QStringLiteral("not_found"));
        QCOMPARE(code(labelChatArgs(chat, {id}, {999})), QStringLiteral("not_found"));
        QCOMPARE(code(labelChatArgs(4242, {id})), QStringLiteral("not_found"));
        QCOMPARE(code(labelChatArgs(chat, {})), QStringLiteral("invalid_argument"));
        QCOMPARE(code(labelChatArgs(chat, {id}, {id})), QStringLiteral("invalid_argument"));
        QCOMPARE(code({{QLatin1String("conversation_id"), chat},
                       {QLatin1String("add"), QJsonArray{QLatin1String("VIP")}}}),
                 QStringLiteral("invalid_argument"));
        QCOMPARE(m_harness->count(QStringLiteral("SELECT COUNT(*) FROM conversation_labels")), 0);
    }

    void shouldTakeADeletedLabelOffEveryChat()
    {
        const qint64 vip = createLabel(QStringLiteral("VIP"));
        const qint64 other = createLabel(QStringLiteral("Komplain"));
        const qint64 first =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        const qint64 second =
            m_harness->receiveInbound(QStringLiteral("628222"), QStringLiteral("Halo"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QVERIFY(isOk(rina->command(QStringLiteral("set_conversation_labels"),
                                   labelChatArgs(first, {vip, other}))));
        QVERIFY(isOk(rina->command(QStringLiteral("set_conversation_labels"),
                                   labelChatArgs(second, {vip}))));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        QCOMPARE(frameType(sari->subscribe(0)), QStringLiteral("snapshot"));

        const QJsonObject deleted =
            rina->command(QStringLiteral("delete_label"), {{QLatin1String("id"), vip}});
        QVERIFY2(isOk(deleted), qPrintable(errorCode(deleted)));
        QTRY_COMPARE(eventsOfKind(*sari, 0, QStringLiteral("label.deleted")).size(), 1);
        QCOMPARE(eventsOfKind(*sari, 0, QStringLiteral("label.deleted"))
                     .first()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("label"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("VIP"));

        const QJsonObject snapshot = m_harness->loggedIn(QStringLiteral("sari"))->subscribe(0);
        QCOMPARE(labelsOf(chatInSnapshot(snapshot, first)), QJsonArray{other});
        QCOMPARE(labelsOf(chatInSnapshot(snapshot, second)), QJsonArray{});
        QCOMPARE(labelsOf(resultData(sari->command(QStringLiteral("list_labels"), {}))).size(), 1);
    }

    void shouldApplyAResentLabellingOnce()
    {
        const qint64 id = createLabel(QStringLiteral("VIP"));
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("628111"), QStringLiteral("Halo"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject first =
            sari->command(QStringLiteral("set_conversation_labels"), labelChatArgs(chat, {id}),
                          QStringLiteral("label-1"));
        QVERIFY(isOk(first));
        QCOMPARE(sari->command(QStringLiteral("set_conversation_labels"), labelChatArgs(chat, {id}),
                               QStringLiteral("label-1")),
                 first);
        QCOMPARE(m_harness->count(QStringLiteral(
                     "SELECT COUNT(*) FROM events WHERE kind = 'conversation.labeled'")),
                 1);
    }

private:
    qint64 createLabel(const QString &name)
    {
        // Each console numbers its commands from 1: a command id of its own, or the relay would
        // answer a second label's save with the first one's recorded result.
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        return resultData(rina->command(QStringLiteral("save_label"),
                                        labelArgs(name, QStringLiteral("#336699")),
                                        QStringLiteral("create-") + name))
            .value(QLatin1String("label"))
            .toObject()
            .value(QLatin1String("id"))
            .toInteger();
    }

    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sariId = 0;
    qint64 m_budiId = 0;
    qint64 m_rinaId = 0;
};

QTEST_GUILESS_MAIN(tst_LabelCommands)
#include "tst_labelcommands.moc"
