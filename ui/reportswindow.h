#pragma once

#include "app/reportsloader.h"

#include <QDialog>

class QChartView;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace Serambi::Ui {

// Reports for supervisors and admins (docs/console.md, "Reports"): a period of Asia/Jakarta
// days (Load, F5), the volumes by day and hour as tables and charts, response and resolution
// times, the AI's figures and handoff reasons, the agents, Meta's estimated cost per month, and
// the audit log with older pages. Every table has its own CSV export.
class ReportsWindow : public QDialog
{
    Q_OBJECT

public:
    explicit ReportsWindow(App::ReportsLoader *loader, QWidget *parent = nullptr);

    void setPeriod(const QDate &from, const QDate &to);
    void load();
    // Writes the table with objectName to path as CSV; false when there is no such table or
    // the file cannot be written.
    bool exportTable(const QString &objectName, const QString &path) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QTableWidget *addTable(const char *objectName);
    QWidget *withExport(QTableWidget *table);
    void retranslateUi();
    void showReport();
    void showAudit();
    void showError(const QString &errorCode);

    App::ReportsLoader *m_loader;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QPushButton *m_load;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QTableWidget *m_days;
    QTableWidget *m_hours;
    QTableWidget *m_summary;
    QTableWidget *m_handoffs;
    QTableWidget *m_agents;
    QTableWidget *m_cost;
    QLabel *m_costTotal;
    QTableWidget *m_audit;
    QPushButton *m_older;
    QChartView *m_dayChart;
    QChartView *m_hourChart;
    QList<QPushButton *> m_exportButtons;
};

} // namespace Serambi::Ui
