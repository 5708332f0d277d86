// The offline drafter's order answers on the order-questions evaluation set
// (tests/data/ai/orders/, written before tuning; docs/ai.md, "Order questions"): Siti's orders
// stored in a real SQLite file as the webhooks store them, her questions in slang, with typos
// and order numbers in many forms. Another customer's order is never told, on either split;
// the accuracy of each split is printed and held to what docs/ai.md reports.
#include "ai/orderdrafter.h"
#include "ai/orderintent.h"
#include "integrations/commerce/shoporderrepo.h"
#include "integrations/commerce/storedorders.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/storereader.h"
#include "store/writetxn.h"
#include "support/testdata.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Serambi::Relay;

namespace {

const QString Siti = QStringLiteral("6281234567001");

ShopOrder order(qint64 id, const QString &waId, const QString &status, int day)
{
    ShopOrder o;
    o.id = id;
    o.number = QStringLiteral("INV-%1").arg(id, 4, 10, QLatin1Char('0'));
    o.status = status;
    o.currency = QStringLiteral("IDR");
    o.totalHundredths = 35000000;
    o.createdUtc = QDateTime(QDate(2026, 11, day), QTime(3, 15), Qt::UTC);
    o.modifiedUtc = o.createdUtc;
    o.billingWaId = waId;
    o.items = {{QStringLiteral("Gamis Katun Rayon"), 2}};
    return o;
}

struct Row
{
    QString kind;
    QString expected;
    QString message;
};

QList<Row> readSet(const QString &name)
{
    QList<Row> rows;
    const QStringList lines =
        QString::fromUtf8(Serambi::Test::readData(QStringLiteral("ai/orders/") + name))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QStringList columns = line.split(QLatin1Char('\t'));
        if (columns.size() == 3)
            rows.append({columns.at(0), columns.at(1), columns.at(2)});
    }
    return rows;
}

QStringList orderNumbersIn(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("INV-\\d{4}"));
    QStringList numbers;
    auto matches = number.globalMatch(text);
    while (matches.hasNext())
        numbers.append(matches.next().captured(0));
    return numbers;
}

} // namespace

class TestOrderDrafts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<StoredOrders> m_orders;

    std::optional<DraftResult> answer(const QString &text, const QString &waId = Siti) const
    {
        OrderDrafter drafter(m_orders.get(), nullptr);
        DraftRequest request;
        request.conversationId = 1;
        request.messageId = 1;
        request.text = text;
        request.customerWaId = waId;
        return drafter.answer(request);
    }

    // Whether the draft for row is what the set expects; privacy is checked by the caller.
    bool correct(const Row &row, const std::optional<DraftResult> &draft) const
    {
        if (row.kind == QLatin1String("other"))
            return !draft;
        if (!draft)
            return false;
        const QStringList told = orderNumbersIn(draft->text);
        if (row.expected == QLatin1String("unknown"))
            return told.isEmpty();
        if (row.expected == QLatin1String("all"))
            return told == QStringList{QStringLiteral("INV-0118"), QStringLiteral("INV-0117")};
        return told == QStringList{row.expected};
    }

    double accuracy(const QString &set)
    {
        const QList<Row> rows = readSet(set);
        int right = 0;
        for (const Row &row : rows) {
            const auto draft = answer(row.message);
            if (draft) {
                for (const QString &number : orderNumbersIn(draft->text)) {
                    if (number != QLatin1String("INV-0117") && number != QLatin1String("INV-0118"))
                        qFatal("%s told %s", qPrintable(row.message), qPrintable(number));
                }
            }
            if (correct(row, draft))
                ++right;
            else
                qInfo("%s: wrong for \"%s\": %s", qPrintable(set), qPrintable(row.message),
                      draft ? qPrintable(draft->text) : "no order answer");
        }
        const double share = double(right) / double(rows.size());
        qInfo("%s: %d of %d right (%.1f%%)", qPrintable(set), right, int(rows.size()), 100 * share);
        return share;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("relay.sqlite"));
        m_db = openDatabase(path, QStringLiteral("orders"));
        QString error;
        QVERIFY2(migrate(m_db, &error), qPrintable(error));
        WriteTxn txn(m_db, 1000);
        const QString shop = QStringLiteral("woocommerce");
        ShopOrder shipped = order(117, Siti, QStringLiteral("completed"), 28);
        shipped.courier = QStringLiteral("JNE");
        shipped.trackingNumber = QStringLiteral("JNE0012345678");
        QCOMPARE(ShopOrderRepo::save(txn, shop, shipped), ShopOrderRepo::Stored::Written);
        QCOMPARE(ShopOrderRepo::save(txn, shop, order(118, Siti, QStringLiteral("processing"), 29)),
                 ShopOrderRepo::Stored::Written);
        QCOMPARE(ShopOrderRepo::save(
                     txn, shop,
                     order(120, QStringLiteral("6281234567002"), QStringLiteral("on-hold"), 30)),
                 ShopOrderRepo::Stored::Written);
        ShopOrder dewis =
            order(121, QStringLiteral("6281234567003"), QStringLiteral("completed"), 30);
        dewis.courier = QStringLiteral("SiCepat");
        dewis.trackingNumber = QStringLiteral("004512345678");
        QCOMPARE(ShopOrderRepo::save(txn, shop, dewis), ShopOrderRepo::Stored::Written);
        // Andi's phone contains Siti's number.
        QCOMPARE(ShopOrderRepo::save(txn, shop,
                                     order(122, QStringLiteral("62812345670011"),
                                           QStringLiteral("processing"), 30)),
                 ShopOrderRepo::Stored::Written);
        m_reader = std::make_unique<StoreReader>(path);
        QVERIFY2(m_reader->open(&error), qPrintable(error));
        m_orders = std::make_unique<StoredOrders>(m_reader.get());
    }

    void cleanupTestCase()
    {
        m_orders.reset();
        m_reader.reset();
        m_db = QSqlDatabase();
        closeDatabase(QStringLiteral("orders"));
    }

    void answersWithStatusCourierAndTrackingNumber()
    {
        const auto draft = answer(QStringLiteral("pesanan saya INV-0117 sudah dikirim belum?"));
        QVERIFY(draft);
        QCOMPARE(draft->text, QStringLiteral("Halo Kak. Pesanan INV-0117 (Rp 350.000) sudah "
                                             "dikirim. Kurir: JNE, nomor resi: JNE0012345678."));
        QVERIFY(draft->confidence >= 0.8);
        const auto formal =
            answer(QStringLiteral("Selamat siang, saya ingin menanyakan status pesanan INV-0118."));
        QVERIFY(formal);
        QVERIFY2(formal->text.startsWith(QLatin1String("Halo Bapak/Ibu. Pesanan INV-0118")),
                 qPrintable(formal->text));
    }

    void neverTellsAnotherCustomersOrder()
    {
        for (const QString &question :
             {QStringLiteral("pesanan INV-0122 sudah dikirim?"),
              QStringLiteral("resi INV-0121 berapa kak"), QStringLiteral("order 120 gimana")}) {
            const auto draft = answer(question);
            QVERIFY(draft);
            QVERIFY2(orderNumbersIn(draft->text).isEmpty(), qPrintable(draft->text));
            QVERIFY(!draft->text.contains(QLatin1String("SiCepat")));
            QVERIFY(draft->confidence < 0.8);
        }
        // Andi asks without a number: only his own order.
        const auto andis =
            answer(QStringLiteral("paket sy udh sampe mana"), QStringLiteral("62812345670011"));
        QVERIFY(andis);
        QCOMPARE(orderNumbersIn(andis->text), QStringList{QStringLiteral("INV-0122")});
        // A customer no shop has orders of, or without a phone number, is left to the
        // knowledge base, even when they name someone's order.
        QVERIFY(
            !answer(QStringLiteral("paket sy udh sampe mana"), QStringLiteral("6281299999999")));
        QVERIFY(!answer(QStringLiteral("pesanan INV-0117 sudah dikirim?"),
                        QStringLiteral("6281299999999")));
        QVERIFY(!answer(QStringLiteral("paket sy udh sampe mana"), QString()));
    }

    void orderNumbersInManyForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reference");
        QTest::newRow("INV-0117") << "pesanan INV-0117?"
                                  << "117";
        QTest::newRow("inv0117") << "inv0117 resinya mana"
                                 << "117";
        QTest::newRow("inv 0117") << "status inv 0117"
                                  << "117";
        QTest::newRow("#INV-0117") << "order #INV-0117 gimana"
                                   << "117";
        QTest::newRow("#0117") << "order #0117 belum nyampe"
                               << "117";
        QTest::newRow("no 117") << "no pesanan 117 sudah sampai mana"
                                << "117";
        QTest::newRow("none") << "paket sy udh sampe mana"
                              << "";
    }

    void orderNumbersInManyForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, reference);
        const auto question = recogniseOrderQuestion(text);
        QVERIFY(question);
        QCOMPARE(question->reference, reference);
        QVERIFY(orderNumberMatches(QStringLiteral("INV-0117"), QStringLiteral("117")));
        QVERIFY(!orderNumberMatches(QStringLiteral("INV-0117"), QStringLiteral("17")));
        QVERIFY(!orderNumberMatches(QStringLiteral("INV-1117"), QStringLiteral("117")));
    }

    void evaluationSet()
    {
        // What docs/ai.md reports: every question of the sets the recogniser was built with,
        // 22 of the 24 of the blind set (scored once, not tuned on).
        QCOMPARE(accuracy(QStringLiteral("tune.tsv")), 1.0);
        QCOMPARE(accuracy(QStringLiteral("heldout.tsv")), 1.0);
        QVERIFY(accuracy(QStringLiteral("blind.tsv")) >= 22.0 / 24.0);
    }
};

QTEST_GUILESS_MAIN(TestOrderDrafts)
#include "tst_orderdrafts.moc"
