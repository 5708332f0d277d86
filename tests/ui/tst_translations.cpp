// The Indonesian translation is complete and up to date: every entry of
// translations/serambi_id.ts is translated, and lupdate run over today's sources finds no
// string the file lacks and none it holds in vain.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString TsPath = QStringLiteral(SERAMBI_SOURCE_DIR "/translations/serambi_id.ts");
// English plurals only (lupdate -pluralonly): "%n second(s)" as "1 second", "2 seconds".
const QString PluralsPath = QStringLiteral(SERAMBI_SOURCE_DIR "/translations/serambi_en.ts");

struct Entry
{
    QString context;
    QString source;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList forms;       // the translation, or its numerus forms
    bool numerus = false;

    QString key() const { return context + QLatin1String(" | ") + source; }
};

QString unescape(QString text)
{
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&apos;"), QLatin1String("'"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

// A small reader for the .ts format lupdate writes (Qt Xml is not a dependency).
QList<Entry> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression contextRe(QStringLiteral("<context>(.*?)</context>"),
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression nameRe(QStringLiteral("<name>(.*?)</name>"));
    static const QRegularExpression messageRe(QStringLiteral("<message([^>]*)>(.*?)</message>"),
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression sourceRe(QStringLiteral("<source>(.*?)</source>"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression translationRe(
        QStringLiteral("<translation(?:\\s+type=\"(\\w+)\")?\\s*(?:/>|>(.*?)</translation>)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression formRe(QStringLiteral("<numerusform>(.*?)</numerusform>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QList<Entry> entries;
    for (auto context = contextRe.globalMatch(text); context.hasNext();) {
        const QString block = context.next().captured(1);
        const QString name = unescape(nameRe.match(block).captured(1));
        for (auto message = messageRe.globalMatch(block); message.hasNext();) {
            const auto match = message.next();
            Entry entry;
            entry.context = name;
            entry.numerus = match.captured(1).contains(QLatin1String("numerus=\"yes\""));
            const QString body = match.captured(2);
            entry.source = unescape(sourceRe.match(body).captured(1));
            const auto translation = translationRe.match(body);
            entry.translationType = translation.captured(1);
            const QString content = translation.captured(2);
            if (entry.numerus) {
                for (auto form = formRe.globalMatch(content); form.hasNext();)
                    entry.forms.append(unescape(form.next().captured(1)));
            } else {
                entry.forms.append(unescape(content));
            }
            entries.append(entry);
        }
    }
    return entries;
}

QSet<QString> keys(const QList<Entry> &entries)
{
    QSet<QString> result;
    for (const Entry &entry : entries)
        result.insert(entry.key());
    return result;
}

QStringList sources()
{
    const QDir root(QStringLiteral(SERAMBI_SOURCE_DIR));
    QStringList files;
    // The same files console/CMakeLists.txt gives lupdate: ui/ and ui/bubbles/.
    for (const QString &folder : {QStringLiteral("ui"), QStringLiteral("ui/bubbles")}) {
        const QDir dir(root.filePath(folder));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files))
            files.append(dir.filePath(name));
    }
    files.append(root.filePath(QStringLiteral("console/main.cpp")));
    return files;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldTranslateEveryEntryOfTheIndonesianFile()
    {
        const QList<Entry> entries = readTs(TsPath);
        QVERIFY2(entries.size() > 100, "translations/serambi_id.ts is missing or nearly empty");
        QStringList problems;
        static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        for (const Entry &entry : entries) {
            if (!entry.translationType.isEmpty()) {
                problems.append(entry.translationType + QLatin1String(": ") + entry.key());
                continue;
            }
            if (entry.forms.isEmpty() || entry.forms.contains(QString())) {
                problems.append(QStringLiteral("empty: ") + entry.key());
                continue;
            }
            // Every placeholder of the source must survive in the translation.
            for (auto it = placeholder.globalMatch(entry.source); it.hasNext();) {
                const QString token = it.next().captured(0);
                for (const QString &form : entry.forms) {
                    if (!form.contains(token))
                        problems.append(QStringLiteral("lost %1: ").arg(token) + entry.key());
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldHoldExactlyTheStringsOfTodaysSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString regenerated = dir.filePath(QStringLiteral("serambi_id.ts"));
        QVERIFY(QFile::copy(TsPath, regenerated));
        QFile::setPermissions(regenerated, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SERAMBI_LUPDATE),
                      QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                  QStringLiteral("none"), QStringLiteral("-silent")}
                          << sources() << QStringLiteral("-ts") << regenerated);
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        const QList<Entry> committed = readTs(TsPath);
        const QList<Entry> fresh = readTs(regenerated);
        QStringList untranslated;
        for (const Entry &entry : fresh) {
            if (!entry.translationType.isEmpty())
                untranslated.append(entry.key());
        }
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("strings in the sources without an Indonesian "
                                           "translation (run the update_translations target, "
                                           "then translate):\n") +
                            untranslated.join(QLatin1Char('\n'))));
        const QSet<QString> stale = keys(committed) - keys(fresh);
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("entries no longer in the sources (run the "
                                           "update_translations target):\n") +
                            QStringList(stale.values()).join(QLatin1Char('\n'))));
    }

    void shouldSpellOutEveryEnglishPlural()
    {
        QSet<QString> numerus;
        for (const Entry &entry : readTs(TsPath)) {
            if (entry.numerus)
                numerus.insert(entry.key());
        }
        const QList<Entry> plurals = readTs(PluralsPath);
        QCOMPARE(keys(plurals), numerus);
        QStringList problems;
        for (const Entry &entry : plurals) {
            if (!entry.translationType.isEmpty() || entry.forms.size() != 2 ||
                entry.forms.contains(QString()))
                problems.append(QStringLiteral("not both forms: ") + entry.key());
            for (const QString &form : entry.forms) {
                if (form.contains(QLatin1String("(s)")) || !form.contains(QLatin1String("%n")))
                    problems.append(QStringLiteral("form \"%1\": ").arg(form) + entry.key());
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
