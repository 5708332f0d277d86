#include "reportquery.h"

#include "protocol/events.h"
#include "protocol/payloads.h"
#include "store/dialect.h"
#include "store/statementcache.h"

#include <QJsonDocument>
#include <QMap>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

namespace Serambi::Relay::Reports {

namespace {

using Protocol::ReportPayload;

constexpr qint64 JakartaOffsetMs = 7LL * 3600 * 1000;
constexpr qint64 DayMs = 24LL * 3600 * 1000;

// The chats a report looks at: every conversation, or those the agent sent a message in during
// the period, and or those in the team's queue. Binds: agent id, agent id, from, to, team id,
// team id.
const QLatin1String ScopeCte(
    "WITH scope(id) AS (SELECT id FROM conversations WHERE (? = 0 OR id IN (SELECT "
    "conversation_id FROM messages WHERE sender_id = ? AND timestamp >= ? AND timestamp < ?)) "
    "AND (? = 0 OR team_id = ?)) ");

// The messages the relay sent for customer-satisfaction surveys (the rating question and the
// thank-you) in an agent's name: never an agent's answer.
const QLatin1String CsatMessages(
    "(SELECT question_message_id FROM csat_surveys WHERE question_message_id IS NOT NULL UNION "
    "SELECT thanks_message_id FROM csat_surveys WHERE thanks_message_id IS NOT NULL)");

class Query
{
public:
    Query(QSqlDatabase &db, const QString &sql, const ReportRequest &request)
        : m_query(db, ScopeCte + sql)
        , m_fromMs(jakartaMidnightMs(request.from))
        , m_toMs(jakartaMidnightMs(request.to.addDays(1)))
    {
        m_query.addBindValue(request.agentId);
        m_query.addBindValue(request.agentId);
        bindPeriod();
        m_query.addBindValue(request.teamId);
        m_query.addBindValue(request.teamId);
    }
    void bindPeriod()
    {
        m_query.addBindValue(m_fromMs);
        m_query.addBindValue(m_toMs);
    }
    void bind(const QVariant &value) { m_query.addBindValue(value); }
    bool run(QString *error)
    {
        if (m_query.exec())
            return true;
        *error = m_query.lastError();
        return false;
    }
    bool next() { return m_query.next(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    QString text(int column) const { return m_query.value(column).toString(); }
    double number(int column) const { return m_query.value(column).toDouble(); }

private:
    PreparedQuery m_query;
    qint64 m_fromMs;
    qint64 m_toMs;
};

QString conversationUpdated()
{
    return Protocol::eventKindName(Protocol::EventKind::ConversationUpdated);
}

bool readVolumes(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report,
                 QString *error)
{
    Query days(db,
               QStringLiteral(
                   "SELECT (timestamp + %1) / %2 AS day, COUNT(DISTINCT CASE WHEN direction = "
                   "'in' THEN conversation_id END), SUM(CASE WHEN direction = 'in' THEN 1 ELSE 0 "
                   "END), SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) "
                   "FROM messages WHERE timestamp >= ? AND timestamp < ? AND conversation_id IN "
                   "(SELECT id FROM scope) GROUP BY day")
                   .arg(JakartaOffsetMs)
                   .arg(DayMs),
               request);
    days.bindPeriod();
    if (!days.run(error))
        return false;
    QHash<qint64, Protocol::DayVolume> byDay;
    const QDate epoch(1970, 1, 1);
    while (days.next()) {
        byDay.insert(days.integer(0), {epoch.addDays(days.integer(0)), int(days.integer(1)),
                                       int(days.integer(2)), int(days.integer(3))});
    }
    for (QDate day = request.from; day <= request.to; day = day.addDays(1)) {
        Protocol::DayVolume volume{day, 0, 0, 0};
        report.days.append(byDay.value(epoch.daysTo(day), volume));
    }
    Query hours(
        db,
        QStringLiteral("SELECT ((timestamp + %1) / 3600000) % 24 AS hour, COUNT(*) FROM "
                       "messages WHERE direction = 'in' AND timestamp >= ? AND "
                       "timestamp < ? AND conversation_id IN (SELECT id FROM scope) GROUP BY hour")
            .arg(JakartaOffsetMs),
        request);
    hours.bindPeriod();
    if (!hours.run(error))
        return false;
    report.inboundByHour = QList<int>(24, 0);
    while (hours.next())
        report.inboundByHour[int(hours.integer(0))] = int(hours.integer(1));
    return true;
}

// Every reply in the period (an AI or agent message right after a customer message) with how
// long the customer had waited since the first message of theirs it answers.
bool readResponses(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report,
                   QString *error)
{
    Query replies(
        db,
        QStringLiteral(
            ", turns AS (SELECT id, conversation_id, direction, sender_kind, sender_id, timestamp, "
            "SUM(CASE WHEN direction = 'out' THEN 1 ELSE 0 END) OVER w AS turn, LAG(direction) "
            "OVER w AS previous FROM "
            "messages WHERE conversation_id IN (SELECT id FROM scope) WINDOW w AS (PARTITION BY "
            "conversation_id "
            "ORDER BY timestamp, id)), "
            "waits AS (SELECT conversation_id, turn, MIN(timestamp) AS since FROM turns WHERE "
            "direction = 'in' GROUP BY conversation_id, turn) "
            "SELECT r.conversation_id, r.sender_kind, COALESCE(r.sender_id, 0), "
            "r.timestamp - w.since FROM turns r JOIN waits w ON w.conversation_id = "
            "r.conversation_id AND w.turn = r.turn - 1 WHERE r.direction = 'out' AND "
            "r.previous = 'in' AND r.sender_kind IN ('ai', 'agent') AND r.timestamp >= ? AND "
            "r.timestamp < ? AND r.id NOT IN %1 ORDER BY r.conversation_id, r.timestamp")
            .arg(CsatMessages),
        request);
    replies.bindPeriod();
    if (!replies.run(error))
        return false;
    QList<qint64> first;
    QMap<qint64, QList<qint64>> byAgent;
    qint64 lastConversation = 0;
    while (replies.next()) {
        const qint64 waited = replies.integer(3);
        if (replies.integer(0) != lastConversation) {
            first.append(waited);
            lastConversation = replies.integer(0);
        }
        if (replies.text(1) == QLatin1String("agent"))
            byAgent[replies.integer(2)].append(waited);
    }
    report.firstResponse = durationStats(first);

    Query agents(
        db,
        QStringLiteral(
            "SELECT u.id, u.username, u.display_name, COUNT(DISTINCT "
            "m.conversation_id) FROM messages m JOIN users u ON u.id = "
            "m.sender_id WHERE m.sender_kind = 'agent' AND m.timestamp >= ? "
            "AND m.timestamp < ? AND m.conversation_id IN (SELECT id FROM scope) AND m.id NOT IN "
            "%1 AND (? = 0 OR u.id = ?) GROUP BY u.id ORDER BY u.username")
            .arg(CsatMessages),
        request);
    agents.bindPeriod();
    agents.bind(request.agentId);
    agents.bind(request.agentId);
    if (!agents.run(error))
        return false;
    while (agents.next()) {
        report.agents.append({agents.text(1),
                              agents.text(2),
                              int(agents.integer(3)),
                              durationStats(byAgent.value(agents.integer(0))),
                              {}});
    }
    return true;
}

double roundedAverage(double average)
{
    return std::round(100.0 * average) / 100.0;
}

// Customers' ratings given in the period, of the chats in scope: overall and by the agent who
// resolved the chat. An agent rated in the period joins the agents' table even without a
// message of theirs in it.
bool readCsat(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report, QString *error)
{
    const QString rated = QStringLiteral(
        "FROM csat_surveys s WHERE s.score IS NOT NULL AND s.answered_at >= ? AND s.answered_at "
        "< ? AND s.conversation_id IN (SELECT id FROM scope)");
    Query overall(db, QStringLiteral("SELECT COUNT(*), AVG(s.score * 1.0) ") + rated, request);
    overall.bindPeriod();
    if (!overall.run(error) || !overall.next())
        return false;
    report.csat = {int(overall.integer(0)), roundedAverage(overall.number(1))};

    Query byAgent(db,
                  QStringLiteral("SELECT u.username, u.display_name, COUNT(*), AVG(s.score * 1.0) "
                                 "FROM csat_surveys s JOIN users u ON u.id = s.agent_id WHERE "
                                 "s.score IS NOT NULL AND s.answered_at >= ? AND s.answered_at < "
                                 "? AND s.conversation_id IN (SELECT id FROM scope) AND (? = 0 OR "
                                 "u.id = ?) GROUP BY u.id, u.username, u.display_name"),
                  request);
    byAgent.bindPeriod();
    byAgent.bind(request.agentId);
    byAgent.bind(request.agentId);
    if (!byAgent.run(error))
        return false;
    bool joined = false;
    while (byAgent.next()) {
        const Protocol::CsatFigures csat{int(byAgent.integer(2)),
                                         roundedAverage(byAgent.number(3))};
        auto it = std::find_if(report.agents.begin(), report.agents.end(), [&](const auto &agent) {
            return agent.username == byAgent.text(0);
        });
        if (it != report.agents.end()) {
            it->csat = csat;
            continue;
        }
        Protocol::AgentFigures agent;
        agent.username = byAgent.text(0);
        agent.displayName = byAgent.text(1);
        agent.csat = csat;
        report.agents.append(agent);
        joined = true;
    }
    if (joined)
        std::sort(report.agents.begin(), report.agents.end(),
                  [](const auto &a, const auto &b) { return a.username < b.username; });
    return true;
}

// Chats entering a state: conversation.updated events whose state differs from the chat's
// previous one.
QString transitions()
{
    return QStringLiteral(
        ", changes AS (SELECT seq, conversation_id, state, data, created_at, LAG(state) OVER "
        "(PARTITION BY conversation_id ORDER BY seq) AS previous FROM events WHERE kind = ? AND "
        "conversation_id IN (SELECT id FROM scope)), "
        "entered AS (SELECT * FROM changes WHERE previous IS NULL OR previous != state) ");
}

bool readResolutions(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report,
                     QString *error)
{
    // A chat starts with the first customer message after its previous resolution.
    Query resolved(
        db,
        transitions() +
            QStringLiteral(
                ", resolutions AS (SELECT conversation_id, created_at, LAG(created_at) OVER "
                "(PARTITION BY conversation_id ORDER BY seq) AS previous_at FROM entered WHERE "
                "state = 'resolved') "
                "SELECT r.created_at - (SELECT MIN(m.timestamp) FROM messages m WHERE "
                "m.conversation_id = r.conversation_id AND m.direction = 'in' AND m.timestamp > "
                "COALESCE(r.previous_at, -1) AND m.timestamp <= r.created_at) FROM resolutions r "
                "WHERE r.created_at >= ? AND r.created_at < ?"),
        request);
    resolved.bind(conversationUpdated());
    resolved.bindPeriod();
    if (!resolved.run(error))
        return false;
    QList<qint64> durations;
    while (resolved.next()) {
        if (!resolved.text(0).isEmpty()) // a chat resolved before the customer wrote
            durations.append(resolved.integer(0));
    }
    report.resolution = durationStats(durations);

    Query queued(db,
                 transitions() + QStringLiteral("SELECT data FROM entered WHERE state = 'queued' "
                                                "AND created_at >= ? AND created_at < ?"),
                 request);
    queued.bind(conversationUpdated());
    queued.bindPeriod();
    if (!queued.run(error))
        return false;
    QMap<QString, int> reasons;
    while (queued.next()) {
        const auto conversation = Protocol::ConversationPayload::fromJson(
            QJsonDocument::fromJson(queued.text(0).toUtf8()).object());
        ++reasons[conversation.handoffReason];
    }
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        report.handoffs.append({it.key(), it.value()});
    std::stable_sort(report.handoffs.begin(), report.handoffs.end(),
                     [](const auto &a, const auto &b) { return a.count > b.count; });
    return true;
}

bool readAi(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report, QString *error)
{
    // Answered by the AI in the period, with no agent message and never waiting for or held by
    // a human.
    Query aiOnly(
        db,
        QStringLiteral(
            "SELECT COUNT(DISTINCT conversation_id) FROM messages a WHERE a.sender_kind = 'ai' "
            "AND a.timestamp >= ? AND a.timestamp < ? AND a.conversation_id IN (SELECT id FROM "
            "scope) AND NOT "
            "EXISTS (SELECT 1 FROM messages h WHERE h.conversation_id = a.conversation_id AND "
            "h.sender_kind = 'agent' AND h.timestamp >= ? AND h.timestamp < ? AND h.id NOT IN "
            "%1) AND NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.conversation_id = a.conversation_id AND e.kind = ? "
            "AND e.state IN ('queued', 'assigned') AND e.created_at >= ? AND e.created_at < ?)")
            .arg(CsatMessages),
        request);
    aiOnly.bindPeriod();
    aiOnly.bindPeriod();
    aiOnly.bind(conversationUpdated());
    aiOnly.bindPeriod();
    if (!aiOnly.run(error) || !aiOnly.next())
        return false;
    report.aiOnlyChats = int(aiOnly.integer(0));

    Query discarded(db,
                    QStringLiteral("SELECT COUNT(*) FROM drafts WHERE state = 'discarded' AND "
                                   "created_at >= ? AND created_at < ? AND conversation_id IN "
                                   "(SELECT id FROM scope)"),
                    request);
    discarded.bindPeriod();
    if (!discarded.run(error) || !discarded.next())
        return false;
    report.draftsDiscarded = int(discarded.integer(0));

    // An approved draft and what the agent sent with it, stored in the same transaction.
    Query approved(
        db,
        QStringLiteral("SELECT d.text, m.text FROM drafts d JOIN messages m ON m.id = (SELECT "
                       "MIN(id) FROM messages WHERE conversation_id = d.conversation_id AND "
                       "direction = 'out' AND created_at = d.updated_at) WHERE d.state = "
                       "'approved' AND m.sender_kind = 'agent' AND d.created_at >= ? AND "
                       "d.created_at < ? AND d.conversation_id IN (SELECT id FROM scope)"),
        request);
    approved.bindPeriod();
    if (!approved.run(error))
        return false;
    qint64 distances = 0;
    while (approved.next()) {
        if (approved.text(0) == approved.text(1)) {
            ++report.draftsApproved;
            continue;
        }
        ++report.draftsEdited;
        distances += editDistance(approved.text(0), approved.text(1));
    }
    if (report.draftsEdited > 0)
        report.averageEditDistance =
            std::round(10.0 * double(distances) / report.draftsEdited) / 10.0;

    Query abstained(db,
                    QStringLiteral("SELECT COUNT(*) FROM kb_suggestions WHERE reason = "
                                   "'abstained' AND created_at >= ? AND created_at < ? AND "
                                   "conversation_id IN (SELECT id FROM scope)"),
                    request);
    abstained.bindPeriod();
    if (!abstained.run(error) || !abstained.next())
        return false;
    report.abstained = int(abstained.integer(0));
    return true;
}

bool readMetaCost(QSqlDatabase &db, const ReportRequest &request, ReportPayload &report,
                  QString *error)
{
    Query cost(
        db,
        QStringLiteral(
            "SELECT %1 AS month, "
            "pricing_category, COUNT(*), SUM(CASE WHEN pricing_type = 'regular' THEN 1 ELSE "
            "0 END) FROM messages "
            "WHERE direction = 'out' AND pricing_category IS NOT NULL AND timestamp >= ? "
            "AND timestamp < ? AND conversation_id IN (SELECT id FROM scope) GROUP BY month, "
            "pricing_category ORDER BY month, pricing_category")
            // The WIB month of the message's timestamp.
            .arg(yearMonthSql(engineOf(db),
                              QStringLiteral("(timestamp + %1) / 1000").arg(JakartaOffsetMs))),
        request);
    cost.bindPeriod();
    if (!cost.run(error))
        return false;
    report.currency = request.currency;
    while (cost.next()) {
        Protocol::MetaCostLine line;
        line.month = cost.text(0);
        line.category = cost.text(1);
        line.messages = int(cost.integer(2));
        line.billable = int(cost.integer(3));
        line.rate = request.rates.value(line.category);
        line.cost = std::round(100.0 * line.billable * line.rate) / 100.0;
        report.metaCost.append(line);
    }
    return true;
}

} // namespace

bool readPeriod(const QString &from, const QString &to, ReportRequest *request, QString *problem)
{
    const QDate first = QDate::fromString(from, Qt::ISODate);
    const QDate last = QDate::fromString(to, Qt::ISODate);
    if (!first.isValid() || !last.isValid() || from.size() != 10 || to.size() != 10) {
        *problem = QStringLiteral("from and to must be dates as YYYY-MM-DD");
        return false;
    }
    if (last < first) {
        *problem = QStringLiteral("to must not be before from");
        return false;
    }
    if (first.daysTo(last) + 1 > MaxReportDays) {
        *problem = QStringLiteral("a report covers at most %1 days").arg(MaxReportDays);
        return false;
    }
    request->from = first;
    request->to = last;
    return true;
}

std::optional<Protocol::ReportPayload> compute(QSqlDatabase &db, const ReportRequest &request,
                                               QString *error)
{
    ReportPayload report;
    report.from = request.from;
    report.to = request.to;
    report.agent = request.agentUsername;
    report.team = request.teamName;
    if (!readVolumes(db, request, report, error) || !readResponses(db, request, report, error) ||
        !readCsat(db, request, report, error) || !readResolutions(db, request, report, error) ||
        !readAi(db, request, report, error) || !readMetaCost(db, request, report, error))
        return std::nullopt;
    return report;
}

qint64 jakartaMidnightMs(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() - JakartaOffsetMs;
}

Protocol::DurationStats durationStats(QList<qint64> durations)
{
    if (durations.isEmpty())
        return {};
    std::sort(durations.begin(), durations.end());
    const auto rank = [&](double p) {
        const auto index = qsizetype(std::ceil(p * double(durations.size()))) - 1;
        return durations.at(std::clamp<qsizetype>(index, 0, durations.size() - 1));
    };
    return {int(durations.size()), rank(0.5), rank(0.9)};
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const int substitution = diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, substitution});
            diagonal = above;
        }
    }
    return row.back();
}

} // namespace Serambi::Relay::Reports
