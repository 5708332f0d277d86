#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

// What the report and list_audit commands return (docs/protocol.md, "Reports and audit log").
// One struct per object with one toJson and one fromJson; the JSON keys are spelled only in
// reportpayloads.cpp. Durations are in ms; days and hours are Asia/Jakarta's.
namespace Serambi::Protocol {

struct DayVolume
{
    QDate day;
    int chats = 0;    // conversations with a customer message that day
    int inbound = 0;  // customer messages
    int outbound = 0; // messages the AI or an agent sent
};

// Median and 90th percentile (nearest rank) of count durations; 0 when count is 0.
struct DurationStats
{
    int count = 0;
    qint64 medianMs = 0;
    qint64 p90Ms = 0;
};

// Customers' satisfaction ratings (1 to 5) given in the period: how many and their mean,
// rounded to two decimals (0 when there are none).
struct CsatFigures
{
    int count = 0;
    double average = 0;
};

struct AgentFigures
{
    QString username;
    QString displayName;
    int chats = 0; // conversations the agent sent a message in
    DurationStats responses;
    CsatFigures csat; // ratings of the chats the agent resolved
};

struct HandoffCount
{
    QString reason; // the handoff reason as the relay stored it; empty: none given
    int count = 0;
};

// Messages of one Meta pricing category in one month, as status webhooks reported them.
struct MetaCostLine
{
    QString month;    // YYYY-MM
    QString category; // service, utility, marketing, authentication, ...
    int messages = 0;
    int billable = 0; // pricing type "regular"
    double rate = 0;  // per billable message, in the configured currency
    double cost = 0;  // billable * rate
};

struct ReportPayload
{
    QDate from;
    QDate to;
    QString agent; // username the report is limited to; empty: everyone
    QString team;  // team the report is limited to; empty: every chat
    QList<DayVolume> days;
    QList<int> inboundByHour; // 24 entries, customer messages by hour of day
    DurationStats firstResponse;
    DurationStats resolution;
    int aiOnlyChats = 0;
    int draftsApproved = 0;
    int draftsEdited = 0;
    int draftsDiscarded = 0;
    double averageEditDistance = 0; // characters, over edited drafts
    QList<HandoffCount> handoffs;
    int abstained = 0;
    QList<AgentFigures> agents;
    CsatFigures csat; // every rating in the period, of the chats in scope
    QString currency;
    QList<MetaCostLine> metaCost;

    QJsonObject toJson() const;
    static ReportPayload fromJson(const QJsonObject &json);
};

// The audit log's action for a chat the relay assigned by itself (no actor).
inline constexpr QLatin1String AutoAssignAction("auto_assign");

// One line of the audit log: who did what to which chat or user, and when.
struct AuditEntry
{
    qint64 at = 0;  // ms since epoch
    QString actor;  // username; empty: the relay's command line
    QString action; // assign, transfer, take_over, hand_back, resolve, set_ai_mode, user.<change>
    qint64 conversationId = 0;
    QString subject; // the chat's assignee after the action, or the user a change was made to
    QString detail;  // the chat's state or AI mode after the action

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &json);
};

} // namespace Serambi::Protocol
