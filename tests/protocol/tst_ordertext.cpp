// How an order is told to a customer: Rupiah the Indonesian way (integers only) and the status
// sentence the console inserts and the drafter writes.
#include "protocol/ordertext.h"

#include <QTest>

using namespace Serambi::Protocol;

namespace {

OrderPayload order(const QString &status)
{
    OrderPayload o;
    o.shop = QStringLiteral("woocommerce");
    o.number = QStringLiteral("INV-0117");
    o.status = status;
    o.currency = QStringLiteral("IDR");
    o.totalHundredths = 35000000;
    return o;
}

} // namespace

class TestOrderText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rupiahIsFormattedTheIndonesianWay()
    {
        QCOMPARE(formatRupiah(125000000), QStringLiteral("Rp 1.250.000"));
        QCOMPARE(formatRupiah(35000000), QStringLiteral("Rp 350.000"));
        QCOMPARE(formatRupiah(50000), QStringLiteral("Rp 500"));
        QCOMPARE(formatRupiah(125050), QStringLiteral("Rp 1.250,50"));
        QCOMPARE(formatRupiah(-1250000), QStringLiteral("-Rp 12.500"));
        QCOMPARE(formatRupiah(0), QStringLiteral("Rp 0"));
        QCOMPARE(formatRupiah(99999999999999999), QStringLiteral("Rp 999.999.999.999.999,99"));
    }

    void aShippedOrderNamesCourierAndTrackingNumber()
    {
        OrderPayload shipped = order(QStringLiteral("completed"));
        shipped.courier = QStringLiteral("JNE");
        shipped.trackingNumber = QStringLiteral("JNE0012345678");
        QCOMPARE(orderStatusSentence(shipped),
                 QStringLiteral("Pesanan INV-0117 (Rp 350.000) sudah dikirim. Kurir: JNE, nomor "
                                "resi: JNE0012345678."));
        shipped.courier.clear();
        QCOMPARE(orderStatusSentence(shipped),
                 QStringLiteral(
                     "Pesanan INV-0117 (Rp 350.000) sudah dikirim. Nomor resi: JNE0012345678."));
    }

    void everyStatusHasItsWords_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("pending") << "pending"
                                 << "Pesanan INV-0117 (Rp 350.000) menunggu pembayaran.";
        QTest::newRow("processing") << "processing"
                                    << "Pesanan INV-0117 (Rp 350.000) sedang kami proses.";
        QTest::newRow("on-hold") << "on-hold"
                                 << "Pesanan INV-0117 (Rp 350.000) menunggu konfirmasi "
                                    "pembayaran.";
        QTest::newRow("cancelled") << "cancelled"
                                   << "Pesanan INV-0117 (Rp 350.000) dibatalkan.";
        QTest::newRow("refunded") << "refunded"
                                  << "Pesanan INV-0117 (Rp 350.000) sudah dikembalikan dananya.";
        QTest::newRow("failed") << "failed"
                                << "Pesanan INV-0117 (Rp 350.000) gagal dibayar.";
        QTest::newRow("the shop's own") << "packed"
                                        << "Pesanan INV-0117 (Rp 350.000) berstatus \"packed\".";
    }

    void everyStatusHasItsWords()
    {
        QFETCH(QString, status);
        QFETCH(QString, sentence);
        QCOMPARE(orderStatusSentence(order(status)), sentence);
    }
};

QTEST_GUILESS_MAIN(TestOrderText)
#include "tst_ordertext.moc"
