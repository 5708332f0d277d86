#include "reportcsv.h"

#include <algorithm>

namespace Serambi::Relay::Reports {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

QString number(qint64 value)
{
    return QString::number(value);
}

QString amount(double value)
{
    return QString::number(value, 'f', 2);
}

// A mean rating with two decimals; empty when there are no ratings.
QString rating(const Protocol::CsatFigures &csat)
{
    return csat.count > 0 ? amount(csat.average) : QString();
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

} // namespace

QList<ReportTable> reportTables(const Protocol::ReportPayload &report)
{
    QList<ReportTable> tables;
    ReportTable summary{
        QStringLiteral("summary"), {QStringLiteral("figure"), QStringLiteral("value")}, {}};
    const auto add = [&summary](const char *figure, const QString &value) {
        summary.rows.append({QLatin1String(figure), value});
    };
    add("from", report.from.toString(Qt::ISODate));
    add("to", report.to.toString(Qt::ISODate));
    add("agent", report.agent);
    add("first_responses", number(report.firstResponse.count));
    add("first_response_median_s", seconds(report.firstResponse.medianMs));
    add("first_response_p90_s", seconds(report.firstResponse.p90Ms));
    add("resolutions", number(report.resolution.count));
    add("resolution_median_s", seconds(report.resolution.medianMs));
    add("resolution_p90_s", seconds(report.resolution.p90Ms));
    add("ai_only_chats", number(report.aiOnlyChats));
    add("drafts_approved_unchanged", number(report.draftsApproved));
    add("drafts_edited", number(report.draftsEdited));
    add("drafts_discarded", number(report.draftsDiscarded));
    add("average_edit_distance", QString::number(report.averageEditDistance, 'f', 1));
    add("ai_abstained", number(report.abstained));
    add("csat_ratings", number(report.csat.count));
    add("csat_average", rating(report.csat));
    tables.append(summary);

    ReportTable days{QStringLiteral("days"),
                     {QStringLiteral("day"), QStringLiteral("chats"),
                      QStringLiteral("customer_messages"), QStringLiteral("sent_messages")},
                     {}};
    for (const Protocol::DayVolume &day : report.days)
        days.rows.append({day.day.toString(Qt::ISODate), number(day.chats), number(day.inbound),
                          number(day.outbound)});
    tables.append(days);

    ReportTable hours{
        QStringLiteral("hours"), {QStringLiteral("hour"), QStringLiteral("customer_messages")}, {}};
    for (qsizetype hour = 0; hour < report.inboundByHour.size(); ++hour)
        hours.rows.append({number(hour), number(report.inboundByHour.at(hour))});
    tables.append(hours);

    ReportTable handoffs{
        QStringLiteral("handoffs"), {QStringLiteral("reason"), QStringLiteral("chats")}, {}};
    for (const Protocol::HandoffCount &handoff : report.handoffs)
        handoffs.rows.append({handoff.reason, number(handoff.count)});
    tables.append(handoffs);

    ReportTable agents{QStringLiteral("agents"),
                       {QStringLiteral("username"), QStringLiteral("name"), QStringLiteral("chats"),
                        QStringLiteral("replies"), QStringLiteral("response_median_s"),
                        QStringLiteral("response_p90_s"), QStringLiteral("csat_ratings"),
                        QStringLiteral("csat_average")},
                       {}};
    for (const Protocol::AgentFigures &agent : report.agents)
        agents.rows.append({agent.username, agent.displayName, number(agent.chats),
                            number(agent.responses.count), seconds(agent.responses.medianMs),
                            seconds(agent.responses.p90Ms), number(agent.csat.count),
                            rating(agent.csat)});
    tables.append(agents);

    ReportTable cost{QStringLiteral("meta_cost"),
                     {QStringLiteral("month"), QStringLiteral("category"),
                      QStringLiteral("messages"), QStringLiteral("billable"),
                      QStringLiteral("rate"), QStringLiteral("cost"), QStringLiteral("currency")},
                     {}};
    for (const Protocol::MetaCostLine &line : report.metaCost)
        cost.rows.append({line.month, line.category, number(line.messages), number(line.billable),
                          QString::number(line.rate), amount(line.cost), report.currency});
    tables.append(cost);
    return tables;
}

QString toCsv(const QList<ReportTable> &tables)
{
    QString out;
    for (const ReportTable &table : tables) {
        out += csvLine({table.name});
        out += csvLine(table.header);
        for (const QStringList &row : table.rows)
            out += csvLine(row);
        out += QLatin1String("\r\n");
    }
    return out;
}

QString toText(const QList<ReportTable> &tables)
{
    QString out;
    for (const ReportTable &table : tables) {
        QList<qsizetype> widths;
        for (const QString &title : table.header)
            widths.append(title.size());
        for (const QStringList &row : table.rows) {
            for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
                widths[i] = std::max(widths[i], row.at(i).size());
        }
        const auto line = [&widths](const QStringList &fields) {
            QStringList padded;
            for (qsizetype i = 0; i < fields.size(); ++i)
                padded.append(fields.at(i).leftJustified(widths.value(i)));
            return padded.join(QLatin1String("  ")).trimmed() + QLatin1Char('\n');
        };
        out += table.name + QLatin1Char('\n') + line(table.header);
        for (const QStringList &row : table.rows)
            out += line(row);
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace Serambi::Relay::Reports
