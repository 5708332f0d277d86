#include "reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace Serambi::Ui {

namespace {

class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    static QChart *bars(const QString &title, const QStringList &categories,
                        const QList<std::pair<QString, QList<int>>> &sets)
    {
        auto *series = new QBarSeries;
        int highest = 1;
        for (const auto &[name, values] : sets) {
            auto *set = new QBarSet(name);
            for (const int value : values) {
                set->append(value);
                highest = std::max(highest, value);
            }
            series->append(set);
        }
        auto *chart = new QChart;
        chart->setTitle(title);
        chart->addSeries(series);
        auto *xAxis = new QBarCategoryAxis;
        xAxis->append(categories);
        if (categories.size() > 12) { // every hour's label still fits under its bar
            QFont small = xAxis->labelsFont();
            small.setPointSizeF(small.pointSizeF() * 0.7);
            xAxis->setLabelsFont(small);
        }
        chart->addAxis(xAxis, Qt::AlignBottom);
        series->attachAxis(xAxis);
        // Whole numbers only: the top is a multiple of the four intervals between the ticks.
        auto *yAxis = new QValueAxis;
        yAxis->setRange(0, (highest + 3) / 4 * 4);
        yAxis->setTickCount(5);
        yAxis->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(yAxis, Qt::AlignLeft);
        series->attachAxis(yAxis);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->legend()->setVisible(sets.size() > 1);
        return chart;
    }

    static QChart *daily(const Protocol::ReportPayload &report)
    {
        QStringList days;
        QList<int> chats;
        QList<int> inbound;
        const QLocale locale;
        for (const Protocol::DayVolume &day : report.days) {
            days.append(locale.toString(day.day, QStringLiteral("d MMM")));
            chats.append(day.chats);
            inbound.append(day.inbound);
        }
        return bars(tr("Chats and customer messages by day"), days,
                    {{tr("Chats"), chats}, {tr("Customer messages"), inbound}});
    }

    static QChart *hourly(const Protocol::ReportPayload &report)
    {
        QStringList hours;
        for (qsizetype hour = 0; hour < report.inboundByHour.size(); ++hour)
            hours.append(QString::number(hour));
        return bars(tr("Customer messages by hour (WIB)"), hours,
                    {{tr("Customer messages"), report.inboundByHour}});
    }
};

} // namespace

QChart *dailyVolumeChart(const Protocol::ReportPayload &report)
{
    return ReportCharts::daily(report);
}

QChart *hourlyVolumeChart(const Protocol::ReportPayload &report)
{
    return ReportCharts::hourly(report);
}

} // namespace Serambi::Ui
