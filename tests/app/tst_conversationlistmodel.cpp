// The chat list and its tabs: what an agent sees in which tab, in which order, and what a
// search finds.
#include "app/conversationfilterproxy.h"
#include "app/conversationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::App;
namespace Protocol = Serambi::Protocol;
using Filter = ConversationFilterProxy::Filter;
using Roles = ConversationListModel::Roles;

namespace {
constexpr qint64 T0 = 1764200000000;

Message inbound(qint64 id, qint64 conversationId, const QString &text, qint64 at)
{
    Message m;
    m.id = id;
    m.conversationId = conversationId;
    m.direction = Protocol::Direction::In;
    m.type = QStringLiteral("text");
    m.text = text;
    m.status = QStringLiteral("received");
    m.sender = QStringLiteral("customer");
    m.timestamp = at;
    return m;
}

Conversation conversation(qint64 id, const QString &name, const QString &state,
                          const QString &assignee = {})
{
    Conversation c;
    c.id = id;
    c.name = name;
    c.waId = QStringLiteral("62811000%1").arg(id);
    Protocol::conversationStateFromName(state, &c.state);
    c.aiMode = Protocol::AiMode::Draft;
    c.assignee = assignee;
    return c;
}

QList<qint64> idsOf(const ConversationFilterProxy &proxy)
{
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.conversationIdAt(row));
    return ids;
}
} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT

private:
    ConversationList sample() const
    {
        Conversation waitingLong =
            conversation(1, QStringLiteral("Budi"), QStringLiteral("queued"));
        waitingLong.applyMessage(inbound(10, 1, QStringLiteral("Paket saya belum sampai"), T0));
        Conversation mineWaiting = conversation(2, QStringLiteral("Siti"),
                                                QStringLiteral("assigned"), QStringLiteral("ayu"));
        mineWaiting.applyMessage(inbound(20, 2, QStringLiteral("Ongkir ke Bandung?"), T0 + 60000));
        Conversation othersChat = conversation(3, QStringLiteral("Dewi"),
                                               QStringLiteral("assigned"), QStringLiteral("rudi"));
        othersChat.applyMessage(inbound(30, 3, QStringLiteral("Halo"), T0 + 1000));
        Conversation botChat = conversation(4, QString(), QStringLiteral("bot"));
        Message answered = inbound(40, 4, QStringLiteral("Jam buka?"), T0 + 2000);
        botChat.applyMessage(answered);
        Message reply = answered;
        reply.id = 41;
        reply.direction = Protocol::Direction::Out;
        reply.sender = QStringLiteral("ai");
        reply.text = QStringLiteral("Kami buka jam 08.00");
        reply.timestamp = T0 + 3000;
        botChat.applyMessage(reply);
        Conversation done = conversation(5, QStringLiteral("Eko"), QStringLiteral("resolved"),
                                         QStringLiteral("ayu"));
        done.lastMessageAt = T0 + 500;
        return {waitingLong, mineWaiting, othersChat, botChat, done};
    }

private Q_SLOTS:
    void shouldPassTheModelTesterThroughResetsInsertsUpdatesAndRemovals()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConversationFilterProxy proxy(Filter::All);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrentUsername(QStringLiteral("ayu"));
        model.resetConversations(sample());
        Conversation changed = *model.conversation(3);
        changed.unread = 4;
        model.upsertConversation(changed);
        model.upsertConversation(conversation(6, QStringLiteral("Fajar"), QStringLiteral("bot")));
        model.setDraftReady(6, true);
        model.removeConversation(1);
        proxy.setSearchText(QStringLiteral("fajar"));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(proxy.rowCount(), 1);
    }

    void shouldShowNameNumberPreviewAndWindow()
    {
        ConversationListModel model;
        model.resetConversations(sample());
        const QModelIndex budi = model.index(model.rowOf(1));
        QCOMPARE(budi.data(Roles::NameRole).toString(), QStringLiteral("Budi"));
        QCOMPARE(budi.data(Roles::PhoneRole).toString(), QStringLiteral("+628110001"));
        QCOMPARE(budi.data(Roles::PreviewRole).toString(),
                 QStringLiteral("Paket saya belum sampai"));
        QCOMPARE(budi.data(Roles::PreviewDirectionRole).toString(), QStringLiteral("in"));
        QCOMPARE(budi.data(Roles::WaitingSinceRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(T0));
        QCOMPARE(budi.data(Roles::WindowClosesAtRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(T0 + 24LL * 3600 * 1000));
        const QModelIndex unnamed = model.index(model.rowOf(4));
        QCOMPARE(unnamed.data(Roles::NameRole).toString(), QStringLiteral("+628110004"));
        QVERIFY2(!unnamed.data(Roles::WaitingSinceRole).toDateTime().isValid(),
                 "an answered customer is not waiting");
    }

    void shouldFilterEachTab()
    {
        ConversationListModel model;
        model.setCurrentUsername(QStringLiteral("ayu"));
        model.resetConversations(sample());
        ConversationFilterProxy mine(Filter::Mine);
        ConversationFilterProxy queue(Filter::Queue);
        ConversationFilterProxy all(Filter::All);
        ConversationFilterProxy resolved(Filter::Resolved);
        for (ConversationFilterProxy *proxy : {&mine, &queue, &all, &resolved})
            proxy->setSourceModel(&model);
        QCOMPARE(idsOf(mine), QList<qint64>{2});
        QCOMPARE(idsOf(resolved), QList<qint64>{5});
        QCOMPARE(idsOf(queue).size(), 2);
        QVERIFY(idsOf(queue).contains(1) && idsOf(queue).contains(4));
        QCOMPARE(idsOf(all).size(), 4);
        all.setFilter(Filter::Resolved);
        QCOMPARE(idsOf(all), QList<qint64>{5});
    }

    void shouldPutTheMostUrgentFirst()
    {
        ConversationListModel model;
        model.setCurrentUsername(QStringLiteral("ayu"));
        model.resetConversations(sample());
        ConversationFilterProxy all(Filter::All);
        all.setSourceModel(&model);
        // Needing my attention, longest wait first; then another agent's waiting customer;
        // then the chat the AI answered.
        QCOMPARE(idsOf(all), (QList<qint64>{1, 2, 3, 4}));
        model.setDraftReady(4, true);
        QCOMPARE(idsOf(all), (QList<qint64>{1, 2, 4, 3}));
        QVERIFY(model.index(model.rowOf(4)).data(Roles::NeedsAttentionRole).toBool());
        QVERIFY(!model.index(model.rowOf(3)).data(Roles::NeedsAttentionRole).toBool());
    }

    void shouldSearchByNameNumberAndMessageText()
    {
        ConversationListModel model;
        model.resetConversations(sample());
        ConversationFilterProxy all(Filter::All);
        all.setSourceModel(&model);
        all.setSearchText(QStringLiteral("SITI"));
        QCOMPARE(idsOf(all), QList<qint64>{2});
        all.setSearchText(QStringLiteral("+628110003"));
        QCOMPARE(idsOf(all), QList<qint64>{3});
        all.setSearchText(QStringLiteral("bandung ongkir"));
        QCOMPARE(idsOf(all), QList<qint64>{2});
        all.setSearchText(QStringLiteral("jam 08.00"));
        QCOMPARE(idsOf(all), QList<qint64>{4});
        all.setSearchText(QString());
        QCOMPARE(all.rowCount(), 4);
    }

    void shouldForgetTheWordsOfAnEditedOrDeletedLastMessage()
    {
        ConversationListModel model;
        model.resetConversations(sample());
        ConversationFilterProxy all(Filter::All);
        all.setSourceModel(&model);

        // A relay's conversation.updated after the customer edited, then deleted, the last one.
        Conversation edited = *model.conversation(2);
        edited.lastMessage.text = QStringLiteral("Ongkir ke Surabaya?");
        edited.lastMessage.editedAt = T0 + 90000;
        edited.carryLocalState(*model.conversation(2));
        model.upsertConversation(edited);
        all.setSearchText(QStringLiteral("bandung"));
        QCOMPARE(all.rowCount(), 0);
        all.setSearchText(QStringLiteral("surabaya"));
        QCOMPARE(idsOf(all), QList<qint64>{2});

        Conversation deleted = *model.conversation(2);
        Message revoked = deleted.lastMessage;
        revoked.text.clear();
        revoked.revokedAt = T0 + 120000;
        deleted.applyMessage(revoked);
        model.upsertConversation(deleted);
        QCOMPARE(all.rowCount(), 0);
        const QModelIndex row = model.index(model.rowOf(2));
        QVERIFY(row.data(Roles::PreviewMessageRole).value<Message>().isRevoked());
        QVERIFY(row.data(Roles::PreviewRole).toString().isEmpty());
    }

    void shouldAnnounceTheUnreadTotal()
    {
        ConversationListModel model;
        QSignalSpy total(&model, &ConversationListModel::unreadTotalChanged);
        ConversationList list = sample();
        list[0].unread = 2;
        list[1].unread = 3;
        model.resetConversations(list);
        QCOMPARE(model.unreadTotal(), 5);
        Conversation read = *model.conversation(1);
        read.unread = 0;
        model.upsertConversation(read);
        QCOMPARE(model.unreadTotal(), 3);
        QCOMPARE(total.last().first().toInt(), 3);
    }

    void shouldFilterAndSearchByLabelAndShowItsChips()
    {
        // By name, as Labels::all() holds them.
        const LabelList labels{{9, QStringLiteral("Komplain"), QStringLiteral("#d93025")},
                               {8, QStringLiteral("Menunggu transfer"), QStringLiteral("#1a73e8")},
                               {7, QStringLiteral("VIP"), QStringLiteral("#f29900")}};
        ConversationList list = sample();
        list[0].labelIds = {7, 9}; // Budi
        list[1].labelIds = {8};    // Siti
        list[2].labelIds = {7};    // Dewi
        ConversationListModel model;
        model.resetConversations(list);
        model.setLabels(labels);
        ConversationFilterProxy all(Filter::All);
        all.setSourceModel(&model);
        all.setLabels(labels);

        // Chips by name, with their colours.
        const QVariantList chips = model.index(model.rowOf(1)).data(Roles::LabelsRole).toList();
        QCOMPARE(chips.size(), 2);
        QCOMPARE(chips.at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Komplain"));
        QCOMPARE(chips.at(1).toMap().value(QStringLiteral("color")).toString(),
                 QStringLiteral("#f29900"));

        // The label filter keeps the tab's order; the search narrows it further.
        all.setLabelFilter(7);
        QCOMPARE(idsOf(all), (QList<qint64>{1, 3}));
        all.setSearchText(QStringLiteral("dewi"));
        QCOMPARE(idsOf(all), QList<qint64>{3});
        all.setSearchText(QString());
        all.setLabelFilter(0);
        QCOMPARE(all.rowCount(), 4);

        // label:name in the search, ignoring case; quotes for a name with a space; with words.
        all.setSearchText(QStringLiteral("label:vip"));
        QCOMPARE(idsOf(all), (QList<qint64>{1, 3}));
        all.setSearchText(QStringLiteral("label:VIP label:komplain"));
        QCOMPARE(idsOf(all), QList<qint64>{1});
        all.setSearchText(QStringLiteral("label:\"menunggu transfer\""));
        QCOMPARE(idsOf(all), QList<qint64>{2});
        all.setSearchText(QStringLiteral("halo label:vip"));
        QCOMPARE(idsOf(all), QList<qint64>{3});
        all.setSearchText(QStringLiteral("label:nothing"));
        QCOMPARE(all.rowCount(), 0);
        all.setSearchText(QStringLiteral("label:")); // still being typed
        QCOMPARE(all.rowCount(), 4);

        // A label renamed: label:name follows; a label deleted leaves every chat.
        all.setSearchText(QStringLiteral("label:gold"));
        QCOMPARE(all.rowCount(), 0);
        LabelList renamed = labels;
        renamed[2].name = QStringLiteral("Gold");
        all.setLabels(renamed);
        QCOMPARE(idsOf(all), (QList<qint64>{1, 3}));
        const ConversationList dropped = model.dropLabel(7);
        QCOMPARE(dropped.size(), 2);
        QCOMPARE(model.conversation(1)->labelIds, QList<qint64>{9});
        QCOMPARE(all.rowCount(), 0);
    }

    void shouldLabelAChatLive()
    {
        ConversationListModel model;
        model.resetConversations(sample());
        model.setLabels({{7, QStringLiteral("VIP"), QStringLiteral("#f29900")}});
        ConversationFilterProxy all(Filter::All);
        all.setSourceModel(&model);
        all.setLabelFilter(7);
        QCOMPARE(all.rowCount(), 0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setConversationLabels(2, {7}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(idsOf(all), QList<qint64>{2});
        QVERIFY(!model.setConversationLabels(42, {7}));
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
