#include "reportpayloads.h"

#include "keys.h"

#include <QJsonArray>

namespace Serambi::Protocol {

namespace {
const QLatin1String DaysKey("days");
const QLatin1String DayKey("day");
const QLatin1String ChatsKey("chats");
const QLatin1String InboundKey("inbound");
const QLatin1String OutboundKey("outbound");
const QLatin1String InboundByHourKey("inbound_by_hour");
const QLatin1String MedianKey("median_ms");
const QLatin1String P90Key("p90_ms");
const QLatin1String FirstResponseKey("first_response");
const QLatin1String ResolutionKey("resolution");
const QLatin1String ResponsesKey("responses");
const QLatin1String AiKey("ai");
const QLatin1String AiOnlyChatsKey("ai_only_chats");
const QLatin1String ApprovedKey("drafts_approved");
const QLatin1String EditedKey("drafts_edited");
const QLatin1String DiscardedKey("drafts_discarded");
const QLatin1String EditDistanceKey("average_edit_distance");
const QLatin1String HandoffsKey("handoffs");
const QLatin1String ReasonKey("reason");
const QLatin1String MetaCostKey("meta_cost");
const QLatin1String CurrencyKey("currency");
const QLatin1String LinesKey("lines");
const QLatin1String MonthKey("month");
const QLatin1String CategoryKey("category");
const QLatin1String BillableKey("billable");
const QLatin1String RateKey("rate");
const QLatin1String CostKey("cost");
const QLatin1String AtKey("at");
const QLatin1String ActorKey("actor");
const QLatin1String ActionKey("action");
const QLatin1String SubjectKey("subject");
const QLatin1String DetailKey("detail");
const QLatin1String CsatKey("csat");
const QLatin1String AverageKey("average");

QJsonObject statsToJson(const DurationStats &stats)
{
    return {{Key::Count, stats.count}, {MedianKey, stats.medianMs}, {P90Key, stats.p90Ms}};
}

DurationStats statsFromJson(const QJsonObject &json)
{
    return {json.value(Key::Count).toInt(), json.value(MedianKey).toInteger(),
            json.value(P90Key).toInteger()};
}

QJsonObject csatToJson(const CsatFigures &csat)
{
    return {{Key::Count, csat.count}, {AverageKey, csat.average}};
}

CsatFigures csatFromJson(const QJsonObject &json)
{
    return {json.value(Key::Count).toInt(), json.value(AverageKey).toDouble()};
}

QString dateText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QDate dateFrom(const QJsonValue &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}
} // namespace

QJsonObject ReportPayload::toJson() const
{
    QJsonArray dayArray;
    for (const DayVolume &volume : days)
        dayArray.append(QJsonObject{{DayKey, dateText(volume.day)},
                                    {ChatsKey, volume.chats},
                                    {InboundKey, volume.inbound},
                                    {OutboundKey, volume.outbound}});
    QJsonArray hours;
    for (const int count : inboundByHour)
        hours.append(count);
    QJsonArray handoffArray;
    for (const HandoffCount &handoff : handoffs)
        handoffArray.append(QJsonObject{{ReasonKey, handoff.reason}, {Key::Count, handoff.count}});
    QJsonArray agentArray;
    for (const AgentFigures &figures : agents)
        agentArray.append(QJsonObject{{Key::Username, figures.username},
                                      {Key::DisplayName, figures.displayName},
                                      {ChatsKey, figures.chats},
                                      {ResponsesKey, statsToJson(figures.responses)},
                                      {CsatKey, csatToJson(figures.csat)}});
    QJsonArray lines;
    for (const MetaCostLine &line : metaCost)
        lines.append(QJsonObject{{MonthKey, line.month},
                                 {CategoryKey, line.category},
                                 {Key::Messages, line.messages},
                                 {BillableKey, line.billable},
                                 {RateKey, line.rate},
                                 {CostKey, line.cost}});
    return {{Key::From, dateText(from)},
            {Key::To, dateText(to)},
            {Key::Agent, agent},
            {Key::Team, team},
            {DaysKey, dayArray},
            {InboundByHourKey, hours},
            {FirstResponseKey, statsToJson(firstResponse)},
            {ResolutionKey, statsToJson(resolution)},
            {AiKey, QJsonObject{{AiOnlyChatsKey, aiOnlyChats},
                                {ApprovedKey, draftsApproved},
                                {EditedKey, draftsEdited},
                                {DiscardedKey, draftsDiscarded},
                                {EditDistanceKey, averageEditDistance},
                                {HandoffsKey, handoffArray},
                                {Key::Abstained, abstained}}},
            {Key::Agents, agentArray},
            {CsatKey, csatToJson(csat)},
            {MetaCostKey, QJsonObject{{CurrencyKey, currency}, {LinesKey, lines}}}};
}

ReportPayload ReportPayload::fromJson(const QJsonObject &json)
{
    ReportPayload report;
    report.from = dateFrom(json.value(Key::From));
    report.to = dateFrom(json.value(Key::To));
    report.agent = json.value(Key::Agent).toString();
    report.team = json.value(Key::Team).toString();
    for (const QJsonValue &value : json.value(DaysKey).toArray()) {
        const QJsonObject day = value.toObject();
        report.days.append({dateFrom(day.value(DayKey)), day.value(ChatsKey).toInt(),
                            day.value(InboundKey).toInt(), day.value(OutboundKey).toInt()});
    }
    for (const QJsonValue &value : json.value(InboundByHourKey).toArray())
        report.inboundByHour.append(value.toInt());
    report.firstResponse = statsFromJson(json.value(FirstResponseKey).toObject());
    report.resolution = statsFromJson(json.value(ResolutionKey).toObject());
    const QJsonObject ai = json.value(AiKey).toObject();
    report.aiOnlyChats = ai.value(AiOnlyChatsKey).toInt();
    report.draftsApproved = ai.value(ApprovedKey).toInt();
    report.draftsEdited = ai.value(EditedKey).toInt();
    report.draftsDiscarded = ai.value(DiscardedKey).toInt();
    report.averageEditDistance = ai.value(EditDistanceKey).toDouble();
    for (const QJsonValue &value : ai.value(HandoffsKey).toArray()) {
        const QJsonObject handoff = value.toObject();
        report.handoffs.append(
            {handoff.value(ReasonKey).toString(), handoff.value(Key::Count).toInt()});
    }
    report.abstained = ai.value(Key::Abstained).toInt();
    for (const QJsonValue &value : json.value(Key::Agents).toArray()) {
        const QJsonObject agent = value.toObject();
        report.agents.append(
            {agent.value(Key::Username).toString(), agent.value(Key::DisplayName).toString(),
             agent.value(ChatsKey).toInt(), statsFromJson(agent.value(ResponsesKey).toObject()),
             csatFromJson(agent.value(CsatKey).toObject())});
    }
    report.csat = csatFromJson(json.value(CsatKey).toObject());
    const QJsonObject cost = json.value(MetaCostKey).toObject();
    report.currency = cost.value(CurrencyKey).toString();
    for (const QJsonValue &value : cost.value(LinesKey).toArray()) {
        const QJsonObject line = value.toObject();
        report.metaCost.append({line.value(MonthKey).toString(), line.value(CategoryKey).toString(),
                                line.value(Key::Messages).toInt(), line.value(BillableKey).toInt(),
                                line.value(RateKey).toDouble(), line.value(CostKey).toDouble()});
    }
    return report;
}

QJsonObject AuditEntry::toJson() const
{
    return {{AtKey, at},           {ActorKey, actor},
            {ActionKey, action},   {Key::ConversationId, conversationId},
            {SubjectKey, subject}, {DetailKey, detail}};
}

AuditEntry AuditEntry::fromJson(const QJsonObject &json)
{
    AuditEntry entry;
    entry.at = json.value(AtKey).toInteger();
    entry.actor = json.value(ActorKey).toString();
    entry.action = json.value(ActionKey).toString();
    entry.conversationId = json.value(Key::ConversationId).toInteger();
    entry.subject = json.value(SubjectKey).toString();
    entry.detail = json.value(DetailKey).toString();
    return entry;
}

} // namespace Serambi::Protocol
