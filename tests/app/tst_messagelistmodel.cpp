// The open chat: order, day separators, quotes, reactions, unsupported types and paging.
#include "app/messagelistmodel.h"

#include "support/testdata.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Serambi::App;
namespace Protocol = Serambi::Protocol;
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
    m.direction = Protocol::directionFromName(direction).value_or(Protocol::Direction::In);
    m.type = QStringLiteral("text");
    m.text = text;
    m.status =
        direction == QLatin1String("in") ? QStringLiteral("received") : QStringLiteral("sent");
    m.sender =
        direction == QLatin1String("in") ? QStringLiteral("customer") : QStringLiteral("agent");
    m.timestamp = at;
    return m;
}

Message reaction(qint64 id, const QString &target, const QString &emoji,
                 const QString &direction = QStringLiteral("in"))
{
    Message m = message(id, emoji, Day2 + id, direction);
    m.type = QStringLiteral("reaction");
    m.content = {{QStringLiteral("reaction"), QJsonObject{{QStringLiteral("message_id"), target},
                                                          {QStringLiteral("emoji"), emoji}}}};
    return m;
}

// An inbound message from a webhook fixture in tests/data/webhooks/.
Message fromWebhook(const QString &fixture, qint64 id)
{
    const QJsonObject webhook =
        QJsonDocument::fromJson(
            Serambi::Test::readData(QStringLiteral("webhooks/%1.json").arg(fixture)))
            .object();
    const QJsonObject content = webhook.value(QStringLiteral("entry"))[0]
                                    .toObject()
                                    .value(QStringLiteral("changes"))[0]
                                    .toObject()
                                    .value(QStringLiteral("value"))
                                    .toObject()
                                    .value(QStringLiteral("messages"))[0]
                                    .toObject();
    Message m = message(id, QString(), Day2 + id);
    m.wamid = content.value(QStringLiteral("id")).toString();
    m.type = content.value(QStringLiteral("type")).toString();
    m.content = content;
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

    void shouldKeepTheNewestReactionOfEachSide()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(7);
        model.mergeMessages(
            {message(30, QStringLiteral("Paketnya sudah sampai"), Day2),
             message(31, QStringLiteral("Syukurlah"), Day2, QStringLiteral("out"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.mergeMessages(
            {reaction(40, QStringLiteral("wamid.31"), QStringLiteral("👍")),
             reaction(41, QStringLiteral("wamid.30"), QStringLiteral("🙏"), QStringLiteral("out"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(Roles::ReactionRole).toString(), QStringLiteral("👍"));
        QCOMPARE(model.index(0).data(Roles::ReactionRole).toString(), QStringLiteral("🙏"));
        QCOMPARE(changed.size(), 2);

        // The customer changes their mind; an older reaction arriving late changes nothing.
        model.mergeMessages({reaction(42, QStringLiteral("wamid.31"), QStringLiteral("❤️"))});
        model.mergeMessages({reaction(39, QStringLiteral("wamid.31"), QStringLiteral("😡"))});
        QCOMPARE(model.index(1).data(Roles::ReactionRole).toString(), QStringLiteral("❤️"));
        // Both sides on one message: the customer's first.
        model.mergeMessages(
            {reaction(-2, QStringLiteral("wamid.31"), QStringLiteral("✅"), QStringLiteral("out"))});
        QCOMPARE(model.index(1).data(Roles::ReactionRole).toString(), QStringLiteral("❤️✅"));
        // The relay confirms the agent's reaction; then the customer removes theirs.
        model.mergeMessages(
            {reaction(43, QStringLiteral("wamid.31"), QStringLiteral("✅"), QStringLiteral("out")),
             reaction(44, QStringLiteral("wamid.31"), QString())});
        QCOMPARE(model.index(1).data(Roles::ReactionRole).toString(), QStringLiteral("✅"));
    }

    void shouldShowAReactionThatArrivedBeforeItsMessage()
    {
        MessageListModel model;
        model.setConversation(7);
        const Message removed = fromWebhook(QStringLiteral("reaction_removed"), 51);
        const Message heart = fromWebhook(QStringLiteral("reaction"), 50);
        model.mergeMessages({heart});
        QCOMPARE(model.rowCount(), 0);
        Message offer =
            message(12, QStringLiteral("Pesanan dikirim hari ini"), Day1, QStringLiteral("out"));
        offer.wamid = heart.reactionTarget();
        model.addOlderPage(7, {offer}, true);
        QCOMPARE(model.index(0).data(Roles::ReactionRole).toString(), QStringLiteral("❤️"));
        model.mergeMessages({removed});
        QCOMPARE(model.index(0).data(Roles::ReactionRole).toString(), QString());
    }

    void shouldKnowWhichMessageOfferedThePickedChoice()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(7);
        const Message picked = fromWebhook(QStringLiteral("interactive_list_reply"), 60);
        const Message tapped = fromWebhook(QStringLiteral("button_template"), 61);
        model.mergeMessages({picked, tapped});
        QCOMPARE(model.index(0).data(Roles::OfferedByRole).toLongLong(), 0);
        QCOMPARE(model.index(0).data(Roles::ReplyToRole).toString(), picked.contextId());

        Message list = message(20, QStringLiteral("Pilih pengiriman"), Day1, QStringLiteral("out"));
        list.type = QStringLiteral("interactive");
        list.wamid = picked.contextId();
        Message other = message(21, QStringLiteral("Lacak di sini"), Day1, QStringLiteral("out"));
        other.type = QStringLiteral("template");
        other.wamid = tapped.contextId();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addOlderPage(7, {list, other}, true);
        QCOMPARE(model.index(2).data(Roles::OfferedByRole).toLongLong(), 20);
        QCOMPARE(model.index(2).data(Roles::QuotedTextRole).toString(),
                 QStringLiteral("Pilih pengiriman"));
        QCOMPARE(model.index(3).data(Roles::OfferedByRole).toLongLong(), 21);
        QVERIFY(!changed.isEmpty());
        // A text that merely quotes a message picked nothing.
        Message quoting = message(70, QStringLiteral("?"), Day2);
        quoting.replyTo = list.wamid;
        model.mergeMessages({quoting});
        QCOMPARE(model.index(4).data(Roles::OfferedByRole).toLongLong(), 0);
    }

    void shouldExposeTheMediaOfAMessage()
    {
        MessageListModel model;
        model.setConversation(7);
        Message voice = fromWebhook(QStringLiteral("audio_voice"), 80);
        voice.media.state = QStringLiteral("pending");
        voice.media.mimeType = QStringLiteral("audio/ogg");
        model.mergeMessages({voice});
        QCOMPARE(model.index(0).data(Roles::MediaStateRole).toString(), QStringLiteral("pending"));
        QCOMPARE(model.index(0).data(Roles::MediaKeyRole).toString(), QString());
        voice.media = {QStringLiteral("ready"),
                       QStringLiteral("9f86d0"),
                       QStringLiteral("audio/ogg"),
                       5120,
                       QString(),
                       QString()};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.mergeMessages({voice});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(Roles::MediaStateRole).toString(), QStringLiteral("ready"));
        QCOMPARE(model.index(0).data(Roles::MediaKeyRole).toString(), QStringLiteral("9f86d0"));
        QCOMPARE(model.index(0).data(Roles::MediaSizeRole).toLongLong(), 5120);
        QCOMPARE(model.index(0).data(Roles::MediaMimeTypeRole).toString(),
                 QStringLiteral("audio/ogg"));
    }

    void shouldCallUnknownTypesUnsupported()
    {
        MessageListModel model;
        model.setConversation(7);
        Message odd = message(1, QString(), Day1);
        odd.type = QStringLiteral("unsupported");
        Message order = message(3, QString(), Day1);
        order.type = QStringLiteral("order");
        model.mergeMessages({odd, message(2, QStringLiteral("ok"), Day1), order});
        QCOMPARE(model.index(0).data(Roles::SupportedRole).toBool(), false);
        QCOMPARE(model.index(1).data(Roles::SupportedRole).toBool(), true);
        QCOMPARE(model.index(2).data(Roles::SupportedRole).toBool(), true);
    }

    void shouldChangeTheSameRowWhenTheCustomerEditsOrDeletes()
    {
        MessageListModel model;
        model.setConversation(7);
        Message original = fromWebhook(QStringLiteral("coexistence_text"), 1);
        original.text = QStringLiteral("ukuran M");
        model.mergeMessages({original, fromWebhook(QStringLiteral("system_identity_changed"), 2)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // message.updated after an edit, then after a revoke (docs/protocol.md).
        Message edited = original;
        edited.text = QStringLiteral("ukuran L");
        edited.editedAt = Day2 + 60000;
        model.mergeMessages({Message::fromJson(edited.toJson())});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(Roles::TextRole).toString(), QStringLiteral("ukuran L"));
        QVERIFY(model.index(0).data(Roles::EditedRole).toBool());
        QVERIFY(!model.index(0).data(Roles::RevokedRole).toBool());

        Message revoked = edited;
        revoked.text.clear();
        revoked.content = {{QStringLiteral("id"), original.wamid},
                           {QStringLiteral("type"), QStringLiteral("text")}};
        revoked.revokedAt = Day2 + 120000;
        model.mergeMessages({Message::fromJson(revoked.toJson())});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0).data(Roles::TextRole).toString().isEmpty());
        QVERIFY(model.index(0).data(Roles::RevokedRole).toBool());
        QCOMPARE(changed.size(), 2);

        // A system notice is a kind the console shows.
        QVERIFY(model.index(1).data(Roles::SupportedRole).toBool());
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
