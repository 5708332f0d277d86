// The handoff detector on single messages and on conversations: a complaint that escalates
// across turns hands the chat over, the same words without that history do not, and a
// customer asking several different questions is not an escalation.
#include "ai/handoffdetector.h"

#include <QTest>

using namespace Serambi::Relay;

class TestHandoffDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHandOverWhenAComplaintEscalatesAcrossTurns_data()
    {
        QTest::addColumn<QStringList>("history");
        QTest::addColumn<QString>("message");
        QTest::newRow("third message on the same order, time waited")
            << QStringList{QStringLiteral("kak pesanan saya blm dikirim"),
                           QStringLiteral("kak pesanan saya gimana")}
            << QStringLiteral("udah 5 hari loh ini");
        QTest::newRow("calls for attention, then shouting")
            << QStringList{QStringLiteral("halo kak"), QStringLiteral("kak??")}
            << QStringLiteral("ADMIN KEMANA");
        QTest::newRow("displeasure again")
            << QStringList{QStringLiteral("kecewa sama paketnya")} << QStringLiteral("payah");
    }

    void shouldHandOverWhenAComplaintEscalatesAcrossTurns()
    {
        QFETCH(QStringList, history);
        QFETCH(QString, message);
        const HandoffDetector detector;
        QCOMPARE(detector.reasonFor(message), QString());
        QCOMPARE(detector.reasonFor(message, history), QLatin1String(HandoffReason::Anger));
    }

    void shouldNotHandOverDifferentQuestionsOrAFirstFollowUp()
    {
        const HandoffDetector detector;
        QCOMPARE(detector.reasonFor(QStringLiteral("kalo cod bisa ga? udah 2 hari nunggu jawaban"),
                                    {QStringLiteral("ongkir ke bandung brp kak"),
                                     QStringLiteral("stok gamis hitam ada?")}),
                 QString());
        QCOMPARE(detector.reasonFor(QStringLiteral("kok resinya ga update dari kemarin"),
                                    {QStringLiteral("kak paket saya belum sampai")}),
                 QString());
        QCOMPARE(detector.reasonFor(QStringLiteral("KAK GAMIS NAVY READY GA")), QString());
        QCOMPARE(detector.reasonFor(QStringLiteral("KALO COD BISA GA KAK"),
                                    {QStringLiteral("KAK GAMIS NAVY READY GA")}),
                 QString());
        QCOMPARE(detector.reasonFor(QStringLiteral("size chart gamis ada min?")), QString());
    }

    void shouldReadColloquialAndInflectedRequestsForAPerson_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("-in suffix, -nya") << QStringLiteral("panggilin operatornya dong");
        QTest::newRow("is anybody there") << QStringLiteral("ada yang jaga ga nih");
        QTest::newRow("English contact") << QStringLiteral("can someone from your team contact me");
    }

    void shouldReadColloquialAndInflectedRequestsForAPerson()
    {
        QFETCH(QString, message);
        QCOMPARE(HandoffDetector().reasonFor(message),
                 QLatin1String(HandoffReason::CustomerRequest));
    }

    void shouldCountIntensifiedDispleasureAsAnger()
    {
        const HandoffDetector detector;
        QCOMPARE(
            detector.reasonFor(QStringLiteral("Saya sangat kecewa dengan pelayanan toko ini.")),
            QLatin1String(HandoffReason::Anger));
        QCOMPARE(detector.reasonFor(QStringLiteral("saya kecewa")), QString());
    }
};

QTEST_GUILESS_MAIN(TestHandoffDetector)
#include "tst_handoffdetector.moc"
