// Business hours as an owner writes them: a weekly schedule in Asia/Jakarta with a lunch break,
// a short Saturday, Sunday closed and a holiday; when the business is open, when it next opens,
// and how a reply names that moment to the customer; schedules that cannot be read are refused
// with the part that is wrong.
#include "config/businesshours.h"

#include <QTest>

using namespace Serambi::Relay;

namespace {

const QTimeZone Jakarta(QByteArrayLiteral("Asia/Jakarta"));

// A moment of Jakarta's wall clock. 2026-12-04 is a Friday.
QDateTime wib(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Jakarta);
}

BusinessHours shopHours()
{
    QString problem;
    const auto hours = BusinessHours::parse(
        QStringLiteral("mon-fri 08:00-12:00 13:00-17:00; sat 09:00-13:00"),
        QStringLiteral("Asia/Jakarta"), QStringLiteral("2026-12-07"), &problem);
    return hours.value_or(BusinessHours());
}

} // namespace

class TestBusinessHours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBeAlwaysOpenWhenNoScheduleIsConfigured()
    {
        QString problem;
        const auto hours = BusinessHours::parse({}, {}, {}, &problem);
        QVERIFY2(hours, qPrintable(problem));
        QVERIFY(hours->alwaysOpen());
        QVERIFY(hours->isOpen(wib(6, 3)));
        QCOMPARE(hours->nextOpening(wib(6, 3)), wib(6, 3));
    }

    void shouldKnowWhenTheShopIsOpen_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("open");
        QTest::newRow("friday morning") << wib(4, 8) << true;
        QTest::newRow("friday before opening") << wib(4, 7, 59) << false;
        QTest::newRow("lunch break") << wib(4, 12, 30) << false;
        QTest::newRow("friday afternoon") << wib(4, 16, 59) << true;
        QTest::newRow("friday at closing") << wib(4, 17) << false;
        QTest::newRow("saturday morning") << wib(5, 10) << true;
        QTest::newRow("saturday afternoon") << wib(5, 14) << false;
        QTest::newRow("sunday") << wib(6, 10) << false;
        QTest::newRow("monday holiday") << wib(7, 10) << false;
        QTest::newRow("tuesday") << wib(8, 10) << true;
        // 02:00 UTC is 09:00 in Jakarta.
        QTest::newRow("tuesday, seen in UTC")
            << QDateTime(QDate(2026, 12, 8), QTime(2, 0), QTimeZone::utc()) << true;
    }

    void shouldKnowWhenTheShopIsOpen()
    {
        QFETCH(QDateTime, at);
        QFETCH(bool, open);
        QCOMPARE(shopHours().isOpen(at), open);
    }

    void shouldFindTheNextOpeningPastLunchWeekendsAndHolidays_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("opening");
        QTest::newRow("open now") << wib(4, 9) << wib(4, 9);
        QTest::newRow("after lunch") << wib(4, 12, 15) << wib(4, 13);
        QTest::newRow("friday evening") << wib(4, 18) << wib(5, 9);
        QTest::newRow("saturday afternoon, past sunday and the holiday") << wib(5, 14) << wib(8, 8);
        QTest::newRow("early tuesday") << wib(8, 6) << wib(8, 8);
    }

    void shouldFindTheNextOpeningPastLunchWeekendsAndHolidays()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, opening);
        const auto next = shopHours().nextOpening(from);
        QVERIFY(next);
        QCOMPARE(next->toMSecsSinceEpoch(), opening.toMSecsSinceEpoch());
    }

    void shouldSayWhenItOpensInTheCustomersLanguage()
    {
        QCOMPARE(describeOpening(wib(4, 13), wib(4, 12), Jakarta, QStringLiteral("id")),
                 QStringLiteral("hari ini pukul 13.00"));
        QCOMPARE(describeOpening(wib(5, 9), wib(4, 18), Jakarta, QStringLiteral("id")),
                 QStringLiteral("besok pukul 09.00"));
        QCOMPARE(describeOpening(wib(8, 8), wib(5, 14), Jakarta, QStringLiteral("id")),
                 QStringLiteral("Selasa, 8 Desember pukul 08.00"));
        QCOMPARE(describeOpening(wib(5, 9), wib(4, 18), Jakarta, QStringLiteral("en")),
                 QStringLiteral("tomorrow at 09:00"));
        QCOMPARE(describeOpening(wib(8, 8), wib(5, 14), Jakarta, QStringLiteral("en")),
                 QStringLiteral("Tuesday 8 December at 08:00"));
    }

    void shouldOpenOnJakartasClockWhateverTheRelaysZone()
    {
        // A shop in Makassar (UTC+8): 08:00 there is 07:00 in Jakarta.
        QString problem;
        const auto hours =
            BusinessHours::parse(QStringLiteral("mon-sun 08:00-20:00"),
                                 QStringLiteral("Asia/Makassar"), QString(), &problem);
        QVERIFY2(hours, qPrintable(problem));
        QVERIFY(!hours->isOpen(wib(4, 6, 59)));
        QVERIFY(hours->isOpen(wib(4, 7)));
        QCOMPARE(hours->nextOpening(wib(4, 20))->toMSecsSinceEpoch(),
                 wib(5, 7).toMSecsSinceEpoch());
    }

    void shouldRefuseWhatItCannotRead_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("holidays");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown day") << QStringLiteral("senin 08:00-17:00") << QString()
                                     << QString() << QStringLiteral("senin 08:00-17:00");
        QTest::newRow("no span") << QStringLiteral("mon-fri") << QString() << QString()
                                 << QStringLiteral("mon-fri");
        QTest::newRow("backwards days") << QStringLiteral("fri-mon 08:00-17:00") << QString()
                                        << QString() << QStringLiteral("fri-mon");
        QTest::newRow("bad time") << QStringLiteral("mon 8-17") << QString() << QString()
                                  << QStringLiteral("8-17");
        QTest::newRow("past midnight") << QStringLiteral("fri 20:00-02:00") << QString()
                                       << QString() << QStringLiteral("24:00");
        QTest::newRow("hour 25") << QStringLiteral("mon 08:00-25:00") << QString() << QString()
                                 << QStringLiteral("08:00-25:00");
        QTest::newRow("only separators") << QStringLiteral(" ; ") << QString() << QString()
                                         << QStringLiteral("no opening hours");
        QTest::newRow("zone") << QStringLiteral("mon 08:00-17:00") << QStringLiteral("WIB")
                              << QString() << QStringLiteral("unknown time zone \"WIB\"");
        QTest::newRow("holiday") << QStringLiteral("mon 08:00-17:00") << QString()
                                 << QStringLiteral("2026-12-25, 25/12/2026")
                                 << QStringLiteral("25/12/2026");
    }

    void shouldRefuseWhatItCannotRead()
    {
        QFETCH(QString, schedule);
        QFETCH(QString, zone);
        QFETCH(QString, holidays);
        QFETCH(QString, problem);
        QString said;
        QVERIFY(!BusinessHours::parse(schedule, zone, holidays, &said));
        QVERIFY2(said.contains(problem), qPrintable(said));
    }
};

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
