// The open chat: order, day separators, quotes, reactions, unsupported types and paging.
#include "app/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::App;
using Roles = MessageListModel::Roles;

namespace {
const qint64 Day1 = QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toMSecsSinceEpoch();
const qint64 Day2 = QDateTime(QDate(2026, 3, 3), QTime(9, 0)).toMSecsSinceEpoch();

Message message(qint64 id, const QString &text, qint64 at,
                const QString &direction = QStringLiteral("in"))
{
    Message m;
    m.id = id;
    m.conversationId = 7;
    m.wamid = QStringLiteral("wamid.%1").arg(id);
    m.direction = direction;
    m.type = QStringLiteral("text");
    m.text = text;
    m.status =
        direction == QLatin1String("in") ? QStringLiteral("received") : QStringLiteral("sent");
    m.sender =
        direction == QLatin1String("in") ? QStringLiteral("customer") : QStringLiteral("agent");
    m.timestamp = at;
    return m;
}

QList<qint64> idsOf(const MessageListModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row).data(Roles::IdRole).toLongLong());
    return ids;
}
} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldKeepMessagesOldestFirstWithPendingSendsLast()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(7);
        Message pending = message(-1, QStringLiteral("Baik kak"), Day2, QStringLiteral("out"));
        pending.status = QStringLiteral("queued-offline");
        model.mergeMessages({message(12, QStringLiteral("b"), Day1 + 2), pending,
                             message(10, QStringLiteral("a"), Day1)});
        model.mergeMessages({message(11, QStringLiteral("a2"), Day1 + 1)});
        QCOMPARE(idsOf(model), (QList<qint64>{10, 11, 12, -1}));
        QCOMPARE(model.index(3).data(Roles::StatusRole).toString(),
                 QStringLiteral("queued-offline"));
        model.removeMessage(-1);
        Message updated = message(12, QStringLiteral("b"), Day1 + 2);
        updated.status = QStringLiteral("read");
        model.mergeMessages({updated});
        QCOMPARE(idsOf(model), (QList<qint64>{10, 11, 12}));
        QCOMPARE(model.index(2).data(Roles::StatusRole).toString(), QStringLiteral("read"));
        Message otherChat = message(13, QStringLiteral("x"), Day1);
        otherChat.conversationId = 8;
        model.mergeMessages({otherChat});
        QCOMPARE(model.rowCount(), 3);
    }

    void shouldMarkTheFirstMessageOfEachDay()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(7);
        model.mergeMessages({message(1, QStringLiteral("a"), Day1),
                             message(2, QStringLiteral("b"), Day1 + 60000),
                             message(3, QStringLiteral("c"), Day2)});
        QCOMPARE(model.index(0).data(Roles::IsFirstOfDayRole).toBool(), true);
        QCOMPARE(model.index(1).data(Roles::IsFirstOfDayRole).toBool(), false);
        QCOMPARE(model.index(2).data(Roles::IsFirstOfDayRole).toBool(), true);
    }

    void shouldResolveQuotesAndShowReactionsWithoutReactionRows()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(7);
        Message reply =
            message(20, QStringLiteral("Sudah dikirim kak"), Day2, QStringLiteral("out"));
        reply.replyTo = QStringLiteral("wamid.5");
        Message reaction = message(21, QString(), Day2 + 1);
        reaction.type = QStringLiteral("reaction");
        reaction.content = {{QStringLiteral("reaction"),
                             QJsonObject{{QStringLiteral("message_id"), QStringLiteral("wamid.20")},
                                         {QStringLiteral("emoji"), QStringLiteral("🙏")}}}};
        model.mergeMessages({reply, reaction});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Roles::ReactionRole).toString(), QStringLiteral("🙏"));
        QCOMPARE(model.index(0).data(Roles::QuotedTextRole).toString(), QString());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addOlderPage(7, {message(5, QStringLiteral("Resi saya mana?"), Day1)}, true);
        QCOMPARE(model.index(1).data(Roles::QuotedTextRole).toString(),
                 QStringLiteral("Resi saya mana?"));
        QCOMPARE(model.index(1).data(Roles::QuotedSenderRole).toString(),
                 QStringLiteral("customer"));
        QVERIFY(!changed.isEmpty());
    }

    void shouldCallUnknownTypesUnsupported()
    {
        MessageListModel model;
        model.setConversation(7);
        Message odd = message(1, QString(), Day1);
        odd.type = QStringLiteral("unsupported");
        model.mergeMessages({odd, message(2, QStringLiteral("ok"), Day1)});
        QCOMPARE(model.index(0).data(Roles::SupportedRole).toBool(), false);
        QCOMPARE(model.index(1).data(Roles::SupportedRole).toBool(), true);
    }

    void shouldFetchOnePageAtATimeUntilTheStart()
    {
        MessageListModel model;
        // No QAbstractItemModelTester here: it calls fetchMore() itself.
        QSignalSpy requested(&model, &MessageListModel::olderPageRequested);
        model.setConversation(7);
        model.mergeMessages({message(100, QStringLiteral("newest"), Day2)});
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(1).toLongLong(), 100);
        QVERIFY2(!model.canFetchMore({}), "one page request in flight at most");
        model.fetchMore({});
        QCOMPARE(requested.size(), 1);
        model.addOlderPage(
            7, {message(98, QStringLiteral("a"), Day1), message(99, QStringLiteral("b"), Day1)},
            false);
        QCOMPARE(idsOf(model), (QList<qint64>{98, 99, 100}));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(requested.last().at(1).toLongLong(), 98);
        model.addOlderPage(7, {}, true);
        QVERIFY2(!model.canFetchMore({}), "nothing older exists");
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
