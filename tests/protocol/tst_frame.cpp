#include "protocol/frame.h"
#include "protocol/types.h"
#include "protocol/version.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Protocol;

class TestFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRoundTripAFrame()
    {
        const QJsonObject frame{
            {QStringLiteral("type"), QStringLiteral("command")},
            {QStringLiteral("id"), QStringLiteral("c-1")},
            {QStringLiteral("args"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("Halo kak 🙏")}}}};
        DecodeError error;
        const auto decoded = decodeFrame(encodeFrame(frame), &error);
        QVERIFY(decoded);
        QCOMPARE(*decoded, frame);
    }

    void shouldRefuseWhatIsNotAFrame_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("bad_frame");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("bad_frame");
        QTest::newRow("no type") << QByteArray(R"({"id":"x"})") << QStringLiteral("bad_frame");
        QTest::newRow("numeric type") << QByteArray(R"({"type":3})") << QStringLiteral("bad_frame");
        QTest::newRow("too large")
            << QByteArray(MaxFrameBytes + 1, ' ') << QStringLiteral("frame_too_large");
    }

    void shouldRefuseWhatIsNotAFrame()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        DecodeError error;
        QVERIFY(!decodeFrame(text, &error));
        QCOMPARE(errorCodeName(error.code), code);
        QVERIFY(!error.detail.isEmpty());
    }

    void shouldNameEveryErrorCodeUniquely()
    {
        QSet<QString> names;
        for (int i = 0; i <= int(ErrorCode::RoleChanged); ++i) {
            const QString name = errorCodeName(ErrorCode(i));
            ErrorCode back;
            QVERIFY2(errorCodeFromName(name, &back), qPrintable(name));
            QCOMPARE(int(back), i);
            names.insert(name);
        }
        QCOMPARE(names.size(), int(ErrorCode::RoleChanged) + 1);
    }

    void shouldCarryTheCommandIdInResults()
    {
        const QJsonObject ok = resultOk(QStringLiteral("c-9"), {{QStringLiteral("n"), 1}});
        QCOMPARE(ok.value(QStringLiteral("id")).toString(), QStringLiteral("c-9"));
        QVERIFY(ok.value(QStringLiteral("ok")).toBool());
        const QJsonObject bad = resultError(QStringLiteral("c-10"), ErrorCode::WindowClosed);
        QCOMPARE(bad.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")),
                 QStringLiteral("window_closed"));
        QVERIFY(!bad.value(QStringLiteral("ok")).toBool());
    }

    void shouldNeverRankAStatusBelowAnEarlierOne()
    {
        const QList<MessageStatus> order{MessageStatus::Pending, MessageStatus::Accepted,
                                         MessageStatus::Sent,    MessageStatus::Delivered,
                                         MessageStatus::Read,    MessageStatus::Played};
        for (int i = 1; i < order.size(); ++i)
            QVERIFY(messageStatusRank(order[i]) > messageStatusRank(order[i - 1]));
        for (const QString &name : {QStringLiteral("bot"), QStringLiteral("queued"),
                                    QStringLiteral("assigned"), QStringLiteral("resolved")}) {
            ConversationState state;
            QVERIFY(conversationStateFromName(name, &state));
            QCOMPARE(conversationStateName(state), name);
        }
    }
};

QTEST_GUILESS_MAIN(TestFrame)
#include "tst_frame.moc"
