#include "reportswindow.h"

#include "errortext.h"
#include "reportcharts.h"

#include "app/tablecsv.h"
#include "protocol/reportpayloads.h"

#include <QChartView>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {

// Reports count Asia/Jakarta days; the console shows the times in WIB too.
const QTimeZone Jakarta(7 * 3600);

QDate todayInJakarta()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(Jakarta).date();
}

void fill(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < rows.at(row).size(); ++column) {
            auto *item = new QTableWidgetItem(rows.at(row).at(column));
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
}

void setHeaders(QTableWidget *table, const QStringList &headers)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// What the audit log's action and result say, in the user's language; a name this build does
// not know is shown as the relay sent it.
QString actionText(const QString &action)
{
    static const std::pair<const char *, const char *> Actions[] = {
        {"assign", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Assigned")},
        {"auto_assign", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Assigned automatically")},
        {"transfer", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Transferred")},
        {"take_over", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Took over")},
        {"hand_back", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Handed back to the AI")},
        {"resolve", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Resolved")},
        {"set_ai_mode", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Changed the AI mode")},
        {"user.role", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Changed the role")},
        {"user.disable", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Disabled the user")},
        {"user.enable", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Enabled the user")},
        {"user.password", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Changed the password")},
        {"user.revoke", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "Ended the sessions")},
        {"bot", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "with the AI")},
        {"queued", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "waiting in the queue")},
        {"assigned", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "assigned")},
        {"resolved", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "resolved")},
        {"auto", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "AI answers")},
        {"draft", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "AI drafts")},
        {"off", QT_TRANSLATE_NOOP("Serambi::Ui::ReportsWindow", "AI off")},
    };
    for (const auto &[name, text] : Actions) {
        if (action == QLatin1String(name))
            return QCoreApplication::translate("Serambi::Ui::ReportsWindow", text);
    }
    return action;
}

} // namespace

ReportsWindow::ReportsWindow(App::ReportsLoader *loader, QWidget *parent)
    : QDialog(parent)
    , m_loader(loader)
    , m_fromLabel(new QLabel(this))
    , m_from(new QDateEdit(this))
    , m_toLabel(new QLabel(this))
    , m_to(new QDateEdit(this))
    , m_load(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_days(addTable("reportDaysTable"))
    , m_hours(addTable("reportHoursTable"))
    , m_summary(addTable("reportSummaryTable"))
    , m_handoffs(addTable("reportHandoffsTable"))
    , m_agents(addTable("reportAgentsTable"))
    , m_cost(addTable("reportCostTable"))
    , m_costTotal(new QLabel(this))
    , m_audit(addTable("auditTable"))
    , m_older(new QPushButton(this))
    , m_dayChart(new QChartView(this))
    , m_hourChart(new QChartView(this))
{
    setObjectName(QStringLiteral("reportsWindow"));
    m_from->setObjectName(QStringLiteral("reportFromEdit"));
    m_to->setObjectName(QStringLiteral("reportToEdit"));
    m_load->setObjectName(QStringLiteral("reportLoadButton"));
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_costTotal->setObjectName(QStringLiteral("reportCostTotal"));
    m_older->setObjectName(QStringLiteral("auditOlderButton"));
    m_dayChart->setObjectName(QStringLiteral("reportDayChart"));
    m_hourChart->setObjectName(QStringLiteral("reportHourChart"));
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    for (QLabel *label : {m_fromLabel, m_toLabel}) // the whole word, in every language
        label->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    setPeriod(todayInJakarta().addDays(-6), todayInJakarta());
    for (QChartView *view : {m_dayChart, m_hourChart}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
    }

    auto *period = new QHBoxLayout;
    period->addWidget(m_fromLabel);
    period->addWidget(m_from);
    period->addWidget(m_toLabel);
    period->addWidget(m_to);
    period->addWidget(m_load);
    period->addWidget(m_status, 1);

    auto *volumes = new QWidget(this);
    auto *volumesLayout = new QHBoxLayout(volumes);
    auto *volumeTables = new QVBoxLayout;
    volumeTables->addWidget(withExport(m_days), 2);
    volumeTables->addWidget(withExport(m_hours), 1);
    auto *charts = new QVBoxLayout;
    charts->addWidget(m_dayChart);
    charts->addWidget(m_hourChart);
    volumesLayout->addLayout(volumeTables, 2);
    volumesLayout->addLayout(charts, 3);

    auto *times = new QWidget(this);
    auto *timesLayout = new QHBoxLayout(times);
    timesLayout->addWidget(withExport(m_summary), 3);
    timesLayout->addWidget(withExport(m_handoffs), 2);

    auto *cost = new QWidget(this);
    auto *costLayout = new QVBoxLayout(cost);
    costLayout->addWidget(withExport(m_cost));
    costLayout->addWidget(m_costTotal);

    auto *audit = new QWidget(this);
    auto *auditLayout = new QVBoxLayout(audit);
    auditLayout->addWidget(withExport(m_audit));
    auditLayout->addWidget(m_older, 0, Qt::AlignLeft);

    m_tabs->addTab(volumes, {});
    m_tabs->addTab(times, {});
    m_tabs->addTab(withExport(m_agents), {});
    m_tabs->addTab(cost, {});
    m_tabs->addTab(audit, {});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addWidget(m_tabs, 1);
    resize(1100, 720);

    connect(m_load, &QPushButton::clicked, this, &ReportsWindow::load);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this,
            &ReportsWindow::load);
    connect(m_older, &QPushButton::clicked, m_loader, &App::ReportsLoader::loadOlderAudit);
    connect(m_loader, &App::ReportsLoader::reportLoaded, this, &ReportsWindow::showReport);
    connect(m_loader, &App::ReportsLoader::auditChanged, this, &ReportsWindow::showAudit);
    connect(m_loader, &App::ReportsLoader::failed, this, &ReportsWindow::showError);
    retranslateUi();
}

QTableWidget *ReportsWindow::addTable(const char *objectName)
{
    auto *table = new QTableWidget(this);
    table->setObjectName(QLatin1String(objectName));
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QWidget *ReportsWindow::withExport(QTableWidget *table)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *button = new QPushButton(box);
    button->setObjectName(table->objectName() + QStringLiteral("Export"));
    m_exportButtons.append(button);
    layout->addWidget(table, 1);
    layout->addWidget(button, 0, Qt::AlignRight);
    connect(button, &QPushButton::clicked, this, [this, table] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export as CSV"), table->objectName() + QStringLiteral(".csv"),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportTable(table->objectName(), path))
            m_status->setText(tr("The file could not be written."));
    });
    return box;
}

void ReportsWindow::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReportsWindow::load()
{
    m_status->setText(tr("Loading…"));
    if (m_loader->loadReport(m_from->date(), m_to->date()))
        m_loader->loadAudit();
}

bool ReportsWindow::exportTable(const QString &objectName, const QString &path) const
{
    const auto *table = findChild<QTableWidget *>(objectName);
    return table && App::writeTableCsv(*table->model(), path);
}

void ReportsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ReportsWindow::retranslateUi()
{
    setWindowTitle(tr("Reports"));
    m_fromLabel->setText(tr("&From"));
    m_toLabel->setText(tr("&To"));
    m_load->setText(tr("&Load"));
    m_load->setToolTip(tr("Load the report for these days (F5); days are Jakarta time (WIB)"));
    m_older->setText(tr("&Older entries"));
    for (QPushButton *button : std::as_const(m_exportButtons))
        button->setText(tr("Export CSV…"));
    m_tabs->setTabText(0, tr("Volumes"));
    m_tabs->setTabText(1, tr("Times and AI"));
    m_tabs->setTabText(2, tr("Agents"));
    m_tabs->setTabText(3, tr("Meta cost"));
    m_tabs->setTabText(4, tr("Audit log"));
    setHeaders(m_days, {tr("Day"), tr("Chats"), tr("Customer messages"), tr("Sent messages")});
    setHeaders(m_hours, {tr("Hour (WIB)"), tr("Customer messages")});
    setHeaders(m_summary, {tr("Figure"), tr("Value")});
    setHeaders(m_handoffs, {tr("Handoff reason"), tr("Chats")});
    setHeaders(m_agents, {tr("Agent"), tr("Chats handled"), tr("Replies"), tr("Median response"),
                          tr("90% answered within"), tr("Customer rating"), tr("Ratings")});
    setHeaders(m_cost, {tr("Month"), tr("Category"), tr("Messages"), tr("Billable"), tr("Rate"),
                        tr("Estimated cost")});
    setHeaders(m_audit,
               {tr("When (WIB)"), tr("Who"), tr("Action"), tr("Chat"), tr("Whom"), tr("Result")});
    showReport();
    showAudit();
}

namespace {

QString durationText(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return ReportsWindow::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return ReportsWindow::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return ReportsWindow::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

// A mean rating out of 5, or a dash when there are none.
QString ratingText(const Protocol::CsatFigures &csat)
{
    return csat.count == 0
               ? QStringLiteral("–")
               : ReportsWindow::tr("%1/5").arg(QLocale().toString(csat.average, 'f', 2));
}

} // namespace

void ReportsWindow::showReport()
{
    const Protocol::ReportPayload &report = m_loader->report();
    if (!report.from.isValid())
        return;
    m_status->setText(tr("%1 to %2")
                          .arg(QLocale().toString(report.from, QLocale::ShortFormat),
                               QLocale().toString(report.to, QLocale::ShortFormat)));
    QList<QStringList> rows;
    for (const Protocol::DayVolume &day : report.days)
        rows.append({day.day.toString(Qt::ISODate), number(day.chats), number(day.inbound),
                     number(day.outbound)});
    fill(m_days, rows);
    rows.clear();
    for (qsizetype hour = 0; hour < report.inboundByHour.size(); ++hour)
        rows.append({QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')),
                     number(report.inboundByHour.at(hour))});
    fill(m_hours, rows);
    const auto stats = [](const Protocol::DurationStats &s) {
        return s.count == 0 ? tr("none")
                            : tr("median %1, 90% within %2 (%n chats)", nullptr, s.count)
                                  .arg(durationText(s.medianMs), durationText(s.p90Ms));
    };
    fill(m_summary,
         {{tr("First response"), stats(report.firstResponse)},
          {tr("Resolution"), stats(report.resolution)},
          {tr("Chats the AI handled alone"), number(report.aiOnlyChats)},
          {tr("Drafts approved unchanged"), number(report.draftsApproved)},
          {tr("Drafts edited before sending"), number(report.draftsEdited)},
          {tr("Drafts discarded"), number(report.draftsDiscarded)},
          {tr("Average edit of an edited draft"),
           tr("%1 characters").arg(QLocale().toString(report.averageEditDistance, 'f', 1))},
          {tr("Questions the AI could not answer"), number(report.abstained)},
          {tr("Customer rating"),
           report.csat.count == 0
               ? tr("none")
               : tr("%1, ratings: %2").arg(ratingText(report.csat), number(report.csat.count))}});
    rows.clear();
    for (const Protocol::HandoffCount &handoff : report.handoffs)
        rows.append({handoff.reason.isEmpty() ? tr("(none given)") : handoff.reason,
                     number(handoff.count)});
    fill(m_handoffs, rows);
    rows.clear();
    for (const Protocol::AgentFigures &agent : report.agents)
        rows.append({agent.displayName, number(agent.chats), number(agent.responses.count),
                     durationText(agent.responses.medianMs), durationText(agent.responses.p90Ms),
                     ratingText(agent.csat), number(agent.csat.count)});
    fill(m_agents, rows);
    rows.clear();
    double total = 0;
    for (const Protocol::MetaCostLine &line : report.metaCost) {
        rows.append({line.month, line.category, number(line.messages), number(line.billable),
                     QLocale().toString(line.rate, 'f', 2), QLocale().toString(line.cost, 'f', 2)});
        total += line.cost;
    }
    fill(m_cost, rows);
    m_costTotal->setText(tr("Estimated total: %1 %2 (billable messages × the rates in relay.ini)")
                             .arg(report.currency, QLocale().toString(total, 'f', 2)));
    // QChartView takes the new chart and only releases the one it showed: delete that one.
    for (auto [view, chart] : {std::pair{m_dayChart, dailyVolumeChart(report)},
                               std::pair{m_hourChart, hourlyVolumeChart(report)}}) {
        QChart *previous = view->chart();
        view->setChart(chart);
        delete previous;
    }
}

void ReportsWindow::showAudit()
{
    QList<QStringList> rows;
    for (const Protocol::AuditEntry &entry : m_loader->audit()) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(entry.at, Jakarta);
        // Without an actor: the relay itself, or `serambi-relay user …` at its command line.
        const QString actor = !entry.actor.isEmpty()                       ? entry.actor
                              : entry.action == Protocol::AutoAssignAction ? tr("(the relay)")
                                                                           : tr("(command line)");
        rows.append({QLocale().toString(at, QStringLiteral("yyyy-MM-dd HH:mm:ss")), actor,
                     actionText(entry.action),
                     entry.conversationId ? QString::number(entry.conversationId) : QString(),
                     entry.subject, actionText(entry.detail)});
    }
    fill(m_audit, rows);
    m_older->setEnabled(m_loader->moreAudit());
}

void ReportsWindow::showError(const QString &errorCode)
{
    m_status->setText(ErrorText::forName(errorCode));
}

} // namespace Serambi::Ui
