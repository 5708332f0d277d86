// The rating question the relay sends when a chat is resolved: a list message within Meta's
// limits (the relay's own interactive validation) for the default texts and the longest ones
// [csat] allows, whose rows name the survey and the score.
#include "config/csatconfig.h"
#include "csat/csatsurvey.h"
#include "protocol/interactivelimits.h"

#include <QJsonArray>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Relay;

class TestCsatQuestion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldStayWithinMetasListLimits_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("button");
        const CsatSettings defaults;
        QTest::newRow("defaults") << defaults.question << defaults.button;
        QTest::newRow("longest") << QString(MaxCsatQuestionCharacters, QLatin1Char('q'))
                                 << QString(MaxCsatButtonCharacters, QLatin1Char('b'));
    }

    void shouldStayWithinMetasListLimits()
    {
        QFETCH(QString, question);
        QFETCH(QString, button);
        CsatSettings settings;
        settings.question = question;
        settings.button = button;
        const QJsonObject list = Csat::questionInteractive(settings, 9007199254740991LL);
        const QList<Protocol::LimitProblem> problems = Protocol::checkInteractive(list);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).describe()));
    }

    void shouldNameTheSurveyAndTheScoreInEveryRow()
    {
        const QJsonObject list = Csat::questionInteractive(CsatSettings(), 42);
        const QJsonArray rows = list.value(QLatin1String("action"))
                                    .toObject()
                                    .value(QLatin1String("sections"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("rows"))
                                    .toArray();
        QCOMPARE(rows.size(), 5);
        for (int score = 1; score <= 5; ++score) {
            const QJsonObject row = rows.at(score - 1).toObject();
            QCOMPARE(row.value(QLatin1String("id")).toString(),
                     QStringLiteral("csat:42:%1").arg(score));
            QVERIFY(row.value(QLatin1String("title"))
                        .toString()
                        .startsWith(QString::number(score) + QLatin1Char(' ')));
        }
        QCOMPARE(Csat::answerId(42, 3), QStringLiteral("csat:42:3"));
    }
};

QTEST_GUILESS_MAIN(TestCsatQuestion)
#include "tst_csatquestion.moc"
