#include "integrations/commerce/shoporderrepo.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/writetxn.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Serambi::Relay;

namespace {

const QString Shop = QStringLiteral("woocommerce");
const QString Siti = QStringLiteral("6281234567001");
const QString Budi = QStringLiteral("6281234567002");

ShopOrder order(qint64 id, const QString &waId, const QString &status, int modifiedHour)
{
    ShopOrder o;
    o.id = id;
    o.number = QStringLiteral("INV-%1").arg(id, 4, 10, QLatin1Char('0'));
    o.status = status;
    o.currency = QStringLiteral("IDR");
    o.totalHundredths = 35000000;
    o.createdUtc = QDateTime(QDate(2026, 11, int(id % 28) + 1), QTime(3, 15), Qt::UTC);
    o.modifiedUtc = QDateTime(QDate(2026, 11, 30), QTime(modifiedHour, 0), Qt::UTC);
    o.billingWaId = waId;
    o.items = {{QStringLiteral("Gamis Katun Rayon"), 2}, {QStringLiteral("Jilbab Voal"), 1}};
    return o;
}

} // namespace

class TestShopOrderRepo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    int m_files = 0;

private Q_SLOTS:
    void init()
    {
        m_db =
            openDatabase(m_dir.filePath(QStringLiteral("orders.sqlite")), QStringLiteral("orders"));
        QString error;
        QVERIFY2(migrate(m_db, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        closeDatabase(QStringLiteral("orders"));
    }

    void aDeliveryIsTakenOnce()
    {
        WriteTxn txn(m_db, 1000);
        QVERIFY(ShopOrderRepo::takeDelivery(txn, Shop, QStringLiteral("36e520eb")));
        QVERIFY(!ShopOrderRepo::takeDelivery(txn, Shop, QStringLiteral("36e520eb")));
        QVERIFY(ShopOrderRepo::takeDelivery(txn, Shop, QStringLiteral("36e520ec")));
        QVERIFY(ShopOrderRepo::takeDelivery(txn, QStringLiteral("othershop"),
                                            QStringLiteral("36e520eb")));
        QVERIFY(!txn.takeFailed());
    }

    void anOrderRoundTrips()
    {
        WriteTxn txn(m_db, 1000);
        ShopOrder shipped = order(117, Siti, QStringLiteral("completed"), 9);
        shipped.courier = QStringLiteral("JNE");
        shipped.trackingNumber = QStringLiteral("JNE0012345678");
        QCOMPARE(ShopOrderRepo::save(txn, Shop, shipped), ShopOrderRepo::Stored::Written);
        const QList<ShopOrder> orders = ShopOrderRepo::forCustomer(m_db, Siti);
        QCOMPARE(orders.size(), 1);
        const ShopOrder &read = orders.first();
        QCOMPARE(read.number, QStringLiteral("INV-0117"));
        QCOMPARE(read.status, QStringLiteral("completed"));
        QCOMPARE(read.totalHundredths, qint64(35000000));
        QCOMPARE(read.createdUtc, shipped.createdUtc);
        QCOMPARE(read.modifiedUtc, shipped.modifiedUtc);
        QCOMPARE(read.courier, QStringLiteral("JNE"));
        QCOMPARE(read.trackingNumber, QStringLiteral("JNE0012345678"));
        QCOMPARE(read.items.size(), 2);
        QCOMPARE(read.items.at(0).name, QStringLiteral("Gamis Katun Rayon"));
        QCOMPARE(read.items.at(0).quantity, 2);
    }

    void anOlderUpdateNeverOverwritesANewerOne()
    {
        WriteTxn txn(m_db, 1000);
        QCOMPARE(ShopOrderRepo::save(txn, Shop, order(117, Siti, QStringLiteral("completed"), 9)),
                 ShopOrderRepo::Stored::Written);
        // "processing" was modified at 08:00 but arrives after "completed" (09:00).
        QCOMPARE(ShopOrderRepo::save(txn, Shop, order(117, Siti, QStringLiteral("processing"), 8)),
                 ShopOrderRepo::Stored::Stale);
        QCOMPARE(ShopOrderRepo::forCustomer(m_db, Siti).first().status,
                 QStringLiteral("completed"));
        ShopOrder refunded = order(117, Siti, QStringLiteral("refunded"), 10);
        refunded.items = {{QStringLiteral("Gamis Katun Rayon"), 1}};
        QCOMPARE(ShopOrderRepo::save(txn, Shop, refunded), ShopOrderRepo::Stored::Written);
        const ShopOrder read = ShopOrderRepo::forCustomer(m_db, Siti).first();
        QCOMPARE(read.status, QStringLiteral("refunded"));
        QCOMPARE(read.items.size(), 1);
    }

    void aCustomerSeesOnlyTheirOwnOrdersNewestFirst()
    {
        WriteTxn txn(m_db, 1000);
        ShopOrderRepo::save(txn, Shop, order(117, Siti, QStringLiteral("completed"), 9));
        ShopOrderRepo::save(txn, Shop, order(118, Siti, QStringLiteral("processing"), 9));
        ShopOrderRepo::save(txn, Shop, order(120, Budi, QStringLiteral("on-hold"), 9));
        ShopOrderRepo::save(txn, Shop, order(121, QString(), QStringLiteral("pending"), 9));
        const QList<ShopOrder> siti = ShopOrderRepo::forCustomer(m_db, Siti);
        QCOMPARE(siti.size(), 2);
        QCOMPARE(siti.at(0).number, QStringLiteral("INV-0118"));
        QCOMPARE(siti.at(1).number, QStringLiteral("INV-0117"));
        QCOMPARE(ShopOrderRepo::forCustomer(m_db, Budi).size(), 1);
        // Orders without a billing phone belong to nobody.
        QVERIFY(ShopOrderRepo::forCustomer(m_db, QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShopOrderRepo)
#include "tst_shoporderrepo.moc"
