// protocol/ is the one vocabulary of the wire: every command, event kind and error code it
// names is documented in docs/protocol.md, and everything documented there is named in it.
#include "protocol/commands.h"
#include "protocol/errorcode.h"
#include "protocol/events.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Serambi::Protocol;

namespace {

// The first-column names of the tables under the headings that start with one of prefixes,
// up to the next heading of the same or a higher level.
QSet<QString> documentedNames(const QStringList &headings)
{
    QFile file(QStringLiteral(SERAMBI_SOURCE_DIR "/docs/protocol.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression heading(QStringLiteral("^(#+) (.*)$"));
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z_.]+)` \\|"));
    QSet<QString> names;
    int level = 0; // inside a wanted section of this level; 0 = outside
    for (const QString &line : lines) {
        const auto h = heading.match(line);
        if (h.hasMatch()) {
            const int hLevel = int(h.captured(1).size());
            if (level && hLevel <= level)
                level = 0;
            if (headings.contains(h.captured(2)))
                level = hLevel;
            continue;
        }
        const auto r = row.match(line);
        if (level && r.hasMatch())
            names.insert(r.captured(1));
    }
    return names;
}

} // namespace

class TestVocabulary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldNameEveryDocumentedCommandAndNoOther()
    {
        const QSet<QString> documented =
            documentedNames({QStringLiteral("Commands"), QStringLiteral("Rich-message commands")});
        QVERIFY(!documented.isEmpty());
        QSet<QString> named;
        const QList<Command> commands = allCommands();
        for (Command command : commands) {
            const QString name = commandName(command);
            QCOMPARE(commandFromName(name), std::optional<Command>(command));
            named.insert(name);
        }
        QCOMPARE(named, documented);
        QCOMPARE(commandFromName(QStringLiteral("launch_missiles")), std::nullopt);
    }

    void shouldNameEveryDocumentedEventKindAndNoOther()
    {
        const QSet<QString> documented =
            documentedNames({QStringLiteral("Events"), QStringLiteral("Rich-message events")});
        QVERIFY(!documented.isEmpty());
        QSet<QString> named;
        const QList<EventKind> kinds = allEventKinds();
        for (EventKind kind : kinds) {
            const QString name = eventKindName(kind);
            QCOMPARE(eventKindFromName(name), std::optional<EventKind>(kind));
            named.insert(name);
        }
        QCOMPARE(named, documented);
        QCOMPARE(eventKindFromName(QStringLiteral("message.exploded")), std::nullopt);
    }

    void shouldNameEveryDocumentedErrorCodeAndNoOther()
    {
        const QSet<QString> documented = documentedNames({QStringLiteral("Error codes")});
        QVERIFY(!documented.isEmpty());
        QSet<QString> named;
        const QList<ErrorCode> codes = allErrorCodes();
        for (ErrorCode code : codes) {
            const QString name = errorCodeName(code);
            ErrorCode parsed = ErrorCode::Internal;
            QVERIFY2(errorCodeFromName(name, &parsed), qPrintable(name));
            QCOMPARE(parsed, code);
            named.insert(name);
        }
        QCOMPARE(named, documented);
    }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
