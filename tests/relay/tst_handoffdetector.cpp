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

    // Requests for a person worded in ways no list holds: the patterns (passing the chat on
    // towards someone, talking with someone the customer wants to, being called, a bot refused)
    // recognise them whatever the person is called.
    void shouldRecogniseRequestsForAPersonFromTheirPattern_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("pass on towards an unknown role")
            << QStringLiteral("tolong sambungkan saya ke bagian gudang");
        QTest::newRow("forward the chat") << QStringLiteral("teruskan pesan ini ke kepala toko");
        QTest::newRow("hand over, colloquial") << QStringLiteral("oper ke mbak kasirnya aja");
        QTest::newRow("talk with someone") << QStringLiteral("mau ngobrol sama apotekernya");
        QTest::newRow("someone to talk to")
            << QStringLiteral("ada teknisi yang bisa diajak diskusi?");
        QTest::newRow("call me") << QStringLiteral("tolong telpon saya aja kak");
        QTest::newRow("ask directly") << QStringLiteral("saya mau tanya langsung ya");
        QTest::newRow("human or bot") << QStringLiteral("ini manusia atau bot sih");
        QTest::newRow("no templates") << QStringLiteral("jangan balas pakai template dong");
        QTest::newRow("English escalation")
            << QStringLiteral("please escalate this to your supervisor");
        QTest::newRow("is there any staff") << QStringLiteral("is there any staff online?");
    }

    void shouldRecogniseRequestsForAPersonFromTheirPattern()
    {
        QFETCH(QString, message);
        QCOMPARE(HandoffDetector().reasonFor(message),
                 QLatin1String(HandoffReason::CustomerRequest));
    }

    // Questions a knowledge base answers that use the same words: money or goods sent somewhere,
    // a service bought for someone, a courier who calls.
    void shouldNotTakeQuestionsWithTheSameWordsForRequests_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("transfer to an account")
            << QStringLiteral("mau transfer ke rekening mandiri bisa?");
        QTest::newRow("asking about shipping")
            << QStringLiteral("mau tanya ongkir ke solo berapa ya");
        QTest::newRow("bought for staff")
            << QStringLiteral("mau MCU untuk karyawan, paket lengkap berapa?");
        QTest::newRow("courier calls") << QStringLiteral("kurirnya nanti telpon saya dulu?");
        QTest::newRow("consultation is a service")
            << QStringLiteral("mau konsultasi dengan dokter gigi hari sabtu bisa?");
    }

    void shouldNotTakeQuestionsWithTheSameWordsForRequests()
    {
        QFETCH(QString, message);
        QCOMPARE(HandoffDetector().reasonFor(message), QString());
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
