// The customer panel beside the chat, against a real relay and the WhatsApp simulator on
// loopback, with orders arriving as WooCommerce's signed webhooks: the chat's customer's
// orders (never the customer whose phone merely contains hers), updated live when the shop
// ships one, "Insert order status" into the composer, Ctrl+Shift+O, both languages.
// With SERAMBI_SCREENSHOT_DIR set, the window is also saved there in English and Indonesian.
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/messagelistmodel.h"
#include "app/session.h"
#include "support/window/windowfixture.h"
#include "support/wooorder.h"
#include "ui/composer.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Test;

namespace {

QByteArray body(const WooOrder &order)
{
    return QJsonDocument(wooOrderJson(order)).toJson(QJsonDocument::Compact);
}

WooOrder sitisOrder()
{
    WooOrder order;
    order.items = {{QStringLiteral("Gamis Katun Rayon"), 2}, {QStringLiteral("Jilbab Voal"), 1}};
    return order;
}

WooOrder shipped(WooOrder order)
{
    order.status = QStringLiteral("completed");
    order.modified = QStringLiteral("2026-11-29T08:00:00");
    order.courier = QStringLiteral("JNE");
    order.trackingNumber = QStringLiteral("JNE0012345678");
    return order;
}

} // namespace

class TestCustomerPanel : public QObject, public Test::WindowFixture
{
    Q_OBJECT

private:
    QStringList shownOrders() const
    {
        QStringList texts;
        auto *list = child<QListWidget>("customerOrders");
        if (!list->isVisible())
            return texts;
        for (int row = 0; row < list->count(); ++row)
            texts.append(list->item(row)->text());
        return texts;
    }

    void saveScreenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("SERAMBI_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void showsOnlyTheCustomersOrdersAndFollowsTheShop()
    {
        QCOMPARE(m_loop->postWooWebhook(body(sitisOrder()), QStringLiteral("d-1")), 200);
        WooOrder andis; // his phone contains Siti's number
        andis.id = 122;
        andis.number = QStringLiteral("INV-0122");
        andis.billingPhone = QStringLiteral("0812-3456-70011");
        QCOMPARE(m_loop->postWooWebhook(body(andis), QStringLiteral("d-2")), 200);
        QVERIFY(!customerWrites(QStringLiteral("Pesanan saya sudah dikirim belum?")).isEmpty());
        QVERIFY(openCustomerChat());

        QTRY_COMPARE_WITH_TIMEOUT(shownOrders().size(), 1, Timeout);
        const QString order = shownOrders().constFirst();
        QVERIFY2(order.startsWith(QStringLiteral("INV-0117 · Processing\n28 Nov 2026\n")),
                 qPrintable(order));
        QVERIFY(order.contains(QStringLiteral("2 × Gamis Katun Rayon\n1 × Jilbab Voal")));
        QVERIFY(order.contains(QLatin1String("Rp 350.000")));
        QVERIFY(!order.contains(QLatin1String("tracking")));

        // The shop ships it: the panel changes without the agent doing anything.
        QCOMPARE(m_loop->postWooWebhook(body(shipped(sitisOrder())), QStringLiteral("d-3")), 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            shownOrders().value(0).contains(QLatin1String("JNE, tracking number JNE0012345678")),
            Timeout);
        QVERIFY(shownOrders().constFirst().startsWith(QStringLiteral("INV-0117 · Completed")));
        QCOMPARE(shownOrders().size(), 1);
        saveScreenshot(QStringLiteral("customer-panel-en.png"));
    }

    void insertsTheOrderStatusIntoTheReply()
    {
        QCOMPARE(m_loop->postWooWebhook(body(shipped(sitisOrder())), QStringLiteral("d-1")), 200);
        QVERIFY(!customerWrites(QStringLiteral("Paket sy udh sampe mana")).isEmpty());
        QVERIFY(openCustomerChat());
        QTRY_COMPARE_WITH_TIMEOUT(shownOrders().size(), 1, Timeout);

        // Ctrl+Shift+O moves to the orders; Enter inserts the selected one's status.
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        auto *orders = child<QListWidget>("customerOrders");
        QTRY_VERIFY(orders->hasFocus());
        QTest::keyClick(orders, Qt::Key_Return);
        auto *composer = child<Ui::Composer>("composer");
        const QString sentence = QStringLiteral(
            "Pesanan INV-0117 (Rp 350.000) sudah dikirim. Kurir: JNE, nomor resi: JNE0012345678.");
        QCOMPARE(composer->toPlainText(), sentence);
        QVERIFY(composer->hasFocus());

        // The button does the same, at the cursor.
        composer->setPlainText(QStringLiteral("Halo kak. "));
        composer->moveCursor(QTextCursor::End);
        QTest::mouseClick(child<QPushButton>("insertOrderStatus"), Qt::LeftButton);
        QCOMPARE(composer->toPlainText(), QStringLiteral("Halo kak. ") + sentence);
    }

    void saysSoWhenThereAreNoOrdersInEitherLanguage()
    {
        QVERIFY(!customerWrites(QStringLiteral("Halo")).isEmpty());
        QVERIFY(openCustomerChat());
        auto *empty = child<QLabel>("customerOrdersEmpty");
        QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), Timeout);
        QCOMPARE(empty->text(),
                 QStringLiteral("No shop orders with this customer's phone number."));
        QVERIFY(!child<QPushButton>("insertOrderStatus")->isEnabled());
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(child<QLabel>("customerOrdersTitle")->text(),
                     QStringLiteral("Pesanan pelanggan"));
        QTRY_COMPARE(empty->text(),
                     QStringLiteral("Tidak ada pesanan toko dengan nomor telepon pelanggan ini."));
    }

    void showsTheOrdersInIndonesian()
    {
        QCOMPARE(m_loop->postWooWebhook(body(shipped(sitisOrder())), QStringLiteral("d-1")), 200);
        WooOrder newer;
        newer.id = 118;
        newer.number = QStringLiteral("INV-0118");
        newer.total = QStringLiteral("1250000.50");
        newer.created = QStringLiteral("2026-12-01T02:00:00");
        newer.modified = newer.created;
        newer.items = {{QStringLiteral("Mukena Katun Jepang"), 1}};
        QCOMPARE(m_loop->postWooWebhook(body(newer), QStringLiteral("d-2")), 200);
        m_language->apply(QStringLiteral("id"));
        QVERIFY(!customerWrites(QStringLiteral("Pesanan saya gimana kak?")).isEmpty());
        QVERIFY(openCustomerChat());
        QTRY_COMPARE_WITH_TIMEOUT(shownOrders().size(), 2, Timeout);
        QVERIFY2(shownOrders().at(0).startsWith(QStringLiteral("INV-0118 · Diproses\n1 Des 2026")),
                 qPrintable(shownOrders().at(0)));
        QVERIFY(shownOrders().at(0).contains(QLatin1String("Rp 1.250.000,50")));
        QVERIFY(shownOrders().at(1).contains(QLatin1String("JNE, nomor resi JNE0012345678")));
        saveScreenshot(QStringLiteral("customer-panel-id.png"));
    }
};

QTEST_MAIN(TestCustomerPanel)
#include "tst_customerpanel.moc"
