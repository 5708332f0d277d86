// The Reports window against a real relay and the WhatsApp simulator on loopback: a supervisor
// opens it with Ctrl+Shift+G and sees the figures the relay's report command returns for the
// period, the chart of the days, the audit log of an assignment; a table exported as CSV is the
// table; agents have no such window. With CSAT on, a customer's rating shows in the chat's header
// (English and Indonesian) and in the Agents table and the summary. With SERAMBI_SCREENSHOT_DIR
// set, the window is also saved there in English and Indonesian (scripts/screenshots.sh).
#include "app/consolecontroller.h"
#include "app/session.h"
#include "protocol/reportpayloads.h"
#include "sim/simulator.h"
#include "support/protocolclient.h"
#include "support/window/windowfixture.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/reportswindow.h"

#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Serambi;
using namespace Serambi::Test;

namespace {

QStringList column(const QTableWidget *table, int column)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return out;
}

QDate todayInJakarta()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(7 * 3600)).date();
}

} // namespace

class TestReportsWindow : public QObject, public Test::WindowFixture
{
    Q_OBJECT

private:
    Ui::ReportsWindow *openReports()
    {
        QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        return m_window->findChild<Ui::ReportsWindow *>(QStringLiteral("reportsWindow"));
    }

    void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SERAMBI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(100); // the layout follows a language change through posted events
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(startLoopback(&error), qPrintable(error));
        openWindow();
    }

    void cleanup() { closeWindow(); }

    void shouldShowTheRelaysFiguresAndExportATable()
    {
        ProtocolClient budi;
        QVERIFY(budi.signIn(m_loop->agentsUrl(), Supervisor, SupervisorPassword));
        QVERIFY(budi.subscribe(0).value(QLatin1String("type")).toString().size() > 0);
        QVERIFY(!customerWrites(QStringLiteral("Halo, paket saya belum sampai")).isEmpty());
        QVERIFY(!customerWrites(QStringLiteral("Tolong dicek ya")).isEmpty());
        const QJsonObject conversation = budi.waitForEvent([](const QJsonObject &event) {
            return event.value(QLatin1String("kind")).toString() ==
                   QLatin1String("conversation.updated");
        });
        const qint64 chat = conversation.value(QLatin1String("conversation_id")).toInteger();
        QVERIFY(chat > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            budi.command(QStringLiteral("history"), {{QLatin1String("conversation_id"), chat}})
                    .value(QLatin1String("data"))
                    .toObject()
                    .value(QLatin1String("messages"))
                    .toArray()
                    .size() >= 2,
            Timeout);
        QVERIFY(budi.command(QStringLiteral("assign"), {{QLatin1String("conversation_id"), chat},
                                                        {QLatin1String("username"), Agent}})
                    .value(QLatin1String("ok"))
                    .toBool());

        QVERIFY(signIn(Supervisor, SupervisorPassword));
        Ui::ReportsWindow *reports = openReports();
        QVERIFY(reports);
        QVERIFY(reports->isVisible());
        auto *days = reports->findChild<QTableWidget *>(QStringLiteral("reportDaysTable"));
        QTRY_COMPARE_WITH_TIMEOUT(days->rowCount(), 7, Timeout);

        // The window shows what the relay computes for the same week.
        const QDate today = todayInJakarta();
        const QJsonObject result =
            budi.command(QStringLiteral("report"),
                         {{QLatin1String("from"), today.addDays(-6).toString(Qt::ISODate)},
                          {QLatin1String("to"), today.toString(Qt::ISODate)}});
        const auto expected = Protocol::ReportPayload::fromJson(result.value(QLatin1String("data"))
                                                                    .toObject()
                                                                    .value(QLatin1String("report"))
                                                                    .toObject());
        QCOMPARE(expected.days.last().inbound, 2);
        QCOMPARE(column(days, 0).last(), today.toString(Qt::ISODate));
        QCOMPARE(column(days, 2).last(), QStringLiteral("2"));
        QCOMPARE(column(days, 1).last(), QString::number(expected.days.last().chats));
        auto *chart = reports->findChild<QChartView *>(QStringLiteral("reportDayChart"));
        QVERIFY(chart->chart());
        QVERIFY(!chart->chart()->series().isEmpty());
        auto *summary = reports->findChild<QTableWidget *>(QStringLiteral("reportSummaryTable"));
        QCOMPARE(column(summary, 0).first(), QStringLiteral("First response"));

        // The audit log names who assigned the chat to whom.
        auto *audit = reports->findChild<QTableWidget *>(QStringLiteral("auditTable"));
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 1, Timeout);
        QCOMPARE(audit->item(0, 1)->text(), Supervisor);
        QCOMPARE(audit->item(0, 2)->text(), QStringLiteral("Assigned"));
        QCOMPARE(audit->item(0, 4)->text(), Agent);

        // A table exported as CSV is the table.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("days.csv"));
        QVERIFY(reports->exportTable(QStringLiteral("reportDaysTable"), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        QVERIFY2(csv.startsWith(QLatin1String("Day,Chats,Customer messages,Sent messages\r\n")),
                 qPrintable(csv));
        QVERIFY(csv.contains(
            QStringLiteral("%1,%2,2,%3\r\n")
                .arg(today.toString(Qt::ISODate), column(days, 1).last(), column(days, 3).last())));
        QCOMPARE(csv.count(QLatin1String("\r\n")), 8);
        QVERIFY(!reports->exportTable(QStringLiteral("reportDaysTable"),
                                      dir.filePath(QStringLiteral("missing/days.csv"))));

        saveScreenshot(reports, QStringLiteral("reports-en.png"));
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(reports->windowTitle(), QStringLiteral("Laporan"));
        saveScreenshot(reports, QStringLiteral("reports-id.png"));
        reports->findChild<QTabWidget *>(QStringLiteral("reportTabs"))->setCurrentIndex(4);
        saveScreenshot(reports, QStringLiteral("audit-log-id.png"));
        m_language->apply(QStringLiteral("en"));
        QTRY_COMPARE(reports->windowTitle(), QStringLiteral("Reports"));
    }

    void shouldShowTheCustomersRatingInTheChatAndTheReports()
    {
        // The relay again, asking for ratings.
        m_loop->stopRelay();
        Relay::RelayConfig config = m_loop->relayConfig();
        config.csat.enabled = true;
        QString error;
        QVERIFY2(m_loop->startRelay(config, &error), qPrintable(error));

        ProtocolClient ayu;
        QVERIFY(ayu.signIn(m_loop->agentsUrl(), Agent, AgentPassword));
        QVERIFY(!ayu.subscribe(0).isEmpty());
        const QString wamid = customerWrites(QStringLiteral("Paketnya sudah sampai, makasih"));
        const QJsonObject arrived = ayu.waitForEvent([&](const QJsonObject &event) {
            return event.value(QLatin1String("data"))
                       .toObject()
                       .value(QLatin1String("wamid"))
                       .toString() == wamid;
        });
        const qint64 chat = arrived.value(QLatin1String("conversation_id")).toInteger();
        QVERIFY(chat > 0);
        const QJsonObject args{{QLatin1String("conversation_id"), chat}};
        QVERIFY(ayu.command(QStringLiteral("take_over"), args).value(QLatin1String("ok")).toBool());
        QVERIFY(ayu.command(QStringLiteral("resolve"), args).value(QLatin1String("ok")).toBool());
        // The customer picks 4 in the rating list (survey 1).
        QString tapError;
        QVERIFY2(
            !m_sim->customers()
                 .sendMessage(CustomerWaId,
                              {{QStringLiteral("type"), QStringLiteral("interactive")},
                               {QStringLiteral("list_reply"),
                                QJsonObject{{QStringLiteral("id"), QStringLiteral("csat:1:4")},
                                            {QStringLiteral("title"), QStringLiteral("4 ⭐⭐⭐⭐")}}}},
                              &tapError)
                 .isEmpty(),
            qPrintable(tapError));
        QVERIFY(!ayu.waitForEvent([](const QJsonObject &event) {
                        return event.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("csat"))
                            .isObject();
                    })
                     .isEmpty());

        QVERIFY(signIn(Supervisor, SupervisorPassword));
        QTRY_VERIFY_WITH_TIMEOUT(chatOf(CustomerName) != 0, Timeout);
        m_window->openConversation(chatOf(CustomerName));
        auto *rating = m_window->findChild<QLabel *>(QStringLiteral("customerRatingLabel"));
        QVERIFY(rating);
        QTRY_VERIFY_WITH_TIMEOUT(rating->isVisible(), Timeout);
        QCOMPARE(rating->text(), QStringLiteral("Customer rating: 4/5"));
        m_language->apply(QStringLiteral("id"));
        QTRY_COMPARE(rating->text(), QStringLiteral("Penilaian pelanggan: 4/5"));
        m_language->apply(QStringLiteral("en"));
        QTRY_COMPARE(rating->text(), QStringLiteral("Customer rating: 4/5"));

        Ui::ReportsWindow *reports = openReports();
        QVERIFY(reports);
        auto *agents = reports->findChild<QTableWidget *>(QStringLiteral("reportAgentsTable"));
        QTRY_COMPARE_WITH_TIMEOUT(agents->rowCount(), 1, Timeout);
        QCOMPARE(agents->horizontalHeaderItem(5)->text(), QStringLiteral("Customer rating"));
        QCOMPARE(agents->item(0, 0)->text(), AgentName);
        QCOMPARE(agents->item(0, 5)->text(), QStringLiteral("4.00/5"));
        QCOMPARE(agents->item(0, 6)->text(), QStringLiteral("1"));
        auto *summary = reports->findChild<QTableWidget *>(QStringLiteral("reportSummaryTable"));
        const qsizetype row = column(summary, 0).indexOf(QStringLiteral("Customer rating"));
        QVERIFY(row >= 0);
        QCOMPARE(summary->item(int(row), 1)->text(), QStringLiteral("4.00/5, ratings: 1"));
    }

    void shouldNotOpenReportsForAnAgent()
    {
        QVERIFY(signIn(Agent, AgentPassword));
        QVERIFY(!openReports());
    }
};

QTEST_MAIN(TestReportsWindow)
#include "tst_reportswindow.moc"
