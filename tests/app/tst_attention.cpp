// Attention on its own: when a change to a chat is worth a notification, and which chat Ctrl+J
// opens next.
#include "app/attention.h"
#include "app/conversationlistmodel.h"

#include <QDateTime>
#include <QTest>

using namespace Serambi::App;
namespace Protocol = Serambi::Protocol;
using Reason = Attention::Reason;

namespace {
const QString Me = QStringLiteral("ayu");

Conversation chat(qint64 id, const QString &state, const QString &assignee = {},
                  qint64 waitingSince = 0)
{
    Conversation c;
    c.id = id;
    c.waId = QStringLiteral("62812000%1").arg(id);
    Protocol::conversationStateFromName(state, &c.state);
    c.assignee = assignee;
    c.waitingSince = waitingSince;
    c.lastMessageAt = waitingSince;
    return c;
}
} // namespace

class TestAttention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNotifyWhenSomeoneElseAssignsAChatToMe()
    {
        const Conversation before = chat(1, QStringLiteral("queued"));
        const Conversation after = chat(1, QStringLiteral("assigned"), QStringLiteral("Ayu"));
        QCOMPARE(Attention::reasonFor(&before, after, Me, false), Reason::AssignedToMe);
    }

    void shouldNotNotifyMeOfAChatITookMyself()
    {
        const Conversation before = chat(1, QStringLiteral("queued"));
        const Conversation after = chat(1, QStringLiteral("assigned"), Me);
        QVERIFY(!Attention::reasonFor(&before, after, Me, true));
    }

    void shouldNotNotifyAgainForAChatThatWasAlreadyMine()
    {
        const Conversation before = chat(1, QStringLiteral("assigned"), Me);
        const Conversation after = chat(1, QStringLiteral("assigned"), Me, 1000);
        QVERIFY(!Attention::reasonFor(&before, after, Me, false));
    }

    void shouldNotifyWhenAChatMovesToTheHumanQueue()
    {
        const Conversation before = chat(1, QStringLiteral("bot"));
        const Conversation after = chat(1, QStringLiteral("queued"));
        QCOMPARE(Attention::reasonFor(&before, after, Me, false), Reason::HumanRequested);
        QCOMPARE(Attention::reasonFor(nullptr, after, Me, false), Reason::HumanRequested);
        QVERIFY2(!Attention::reasonFor(&after, after, Me, false), "already in the queue");
    }

    void shouldOpenTheMostUrgentChatThatNeedsMeAndGoRound()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ConversationListModel list;
        list.setCurrentUsername(Me);
        list.resetConversations({
            chat(1, QStringLiteral("queued"), {}, now - 60000),    // waits 1 min
            chat(2, QStringLiteral("queued"), {}, now - 600000),   // waits 10 min: first
            chat(3, QStringLiteral("bot"), {}, now - 900000),      // the AI answers
            chat(4, QStringLiteral("assigned"), Me, now - 300000), // mine, waiting 5 min
            chat(5, QStringLiteral("assigned"), QStringLiteral("budi"), now - 999999),
            chat(6, QStringLiteral("resolved")),
        });
        QCOMPARE(Attention::next(&list, 0), 2);
        QCOMPARE(Attention::next(&list, 2), 4);
        QCOMPARE(Attention::next(&list, 4), 1);
        QCOMPARE(Attention::next(&list, 1), 2);
        QCOMPARE(Attention::next(&list, 2, true), 1);
        QCOMPARE(Attention::next(&list, 3), 2);
        QCOMPARE(Attention::next(&list, 0, true), 1);
    }

    void shouldSayNoneWhenOnlyTheOpenChatNeedsMe()
    {
        ConversationListModel list;
        list.setCurrentUsername(Me);
        list.resetConversations(
            {chat(1, QStringLiteral("queued")), chat(2, QStringLiteral("bot"))});
        QCOMPARE(Attention::next(&list, 1), 0);
        QCOMPARE(Attention::next(&list, 2), 1);
        list.resetConversations({});
        QCOMPARE(Attention::next(&list, 0), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttention)
#include "tst_attention.moc"
