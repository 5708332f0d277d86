#include "protocol/commandargs.h"
#include "protocol/commands.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi::Protocol;

namespace {
QLatin1String key(const char *name)
{
    return QLatin1String(name);
}
} // namespace

// The argument shapes docs/protocol.md ("Argument limits") promises, checked where both the
// relay and the console can reach them.
class tst_CommandArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommandRefusesAnArgumentItDoesNotTake()
    {
        for (const Command command : allCommands()) {
            const std::optional<QString> problem =
                checkCommandArguments(command, {{key("smuggled"), 1}});
            QVERIFY2(problem, commandName(command).data());
            QCOMPARE(*problem, QStringLiteral("smuggled: unknown field"));
        }
    }

    void everyCommandTakesNoArgumentsAtAll()
    {
        // Missing arguments are the command's own business (it answers invalid_argument).
        for (const Command command : allCommands())
            QVERIFY2(!checkCommandArguments(command, {}), commandName(command).data());
    }

    void aTextAsTheConsoleSendsItPasses()
    {
        QVERIFY(!checkCommandArguments(Command::SendText, {{key("conversation_id"), 7},
                                                           {key("text"), QStringLiteral("Halo")},
                                                           {key("reply_to"), key("wamid.AbC=")},
                                                           {key("draft_id"), 3}}));
    }

    void limitsAreTheDocumentedOnes()
    {
        const QString tooLongWamid(ArgumentLimits::Wamid + 1, QLatin1Char('a'));
        QCOMPARE(checkCommandArguments(Command::SendText, {{key("reply_to"), tooLongWamid}}),
                 std::optional<QString>(QStringLiteral("reply_to: at most 128 characters")));
        QCOMPARE(checkCommandArguments(Command::SendMedia,
                                       {{key("filename"), QStringLiteral("../etc/passwd")}}),
                 std::optional<QString>(QStringLiteral(
                     "filename: must be a file name without a path or control characters")));
        QCOMPARE(checkCommandArguments(Command::Assign, {{key("username"), 5}}),
                 std::optional<QString>(QStringLiteral("username: must be a string")));
    }

    void mediaGoesOnlyByARelayKey()
    {
        const QString sha(64, QLatin1Char('a'));
        QVERIFY(!checkCommandArguments(Command::SendMedia, {{key("media"), sha}}));
        QCOMPARE(checkCommandArguments(Command::SendMedia, {{key("media"), sha.toUpper()}}),
                 std::optional<QString>(QStringLiteral("media: must be a key from POST /media")));
        // Inside an interactive message Meta's objects go by id or link, never by relay key.
        QCOMPARE(
            checkCommandArguments(
                Command::SendInteractive,
                {{key("interactive"),
                  QJsonObject{{key("header"),
                               QJsonObject{{key("image"), QJsonObject{{key("media"), sha}}}}}}}}),
            std::optional<QString>(
                QStringLiteral("interactive.header.image.media: unknown field")));
    }
};

QTEST_GUILESS_MAIN(tst_CommandArgs)
#include "tst_commandargs.moc"
