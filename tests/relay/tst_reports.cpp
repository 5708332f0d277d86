// The report and the audit log on a seeded relay database (real SQLite): every figure against
// the value worked out by hand below, Asia/Jakarta days, the role refusals, bad input, and
// `serambi-relay report --csv`.
#include "config/relayconfig.h"
#include "ingest/webhookingest.h"
#include "protocol/events.h"
#include "protocol/payloads.h"
#include "protocol/reportpayloads.h"
#include "reports/reportcsv.h"
#include "reports/reportquery.h"
#include "service/useradmin.h"
#include "store/dialect.h"
#include "store/writetxn.h"
#include "support/relay/hubharness.h"
#include "support/testdata.h"
#include "whatsapp/webhookparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Serambi;
using namespace Serambi::Relay;
using namespace Serambi::Test;

namespace {

const QDate Day1(2026, 11, 2);
const QDate Day2(2026, 11, 3);
const QDate RatingDay(2026, 11, 5); // the customer-satisfaction chats, apart from the others
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

// ms since epoch of hh:mm:ss on day in Asia/Jakarta.
qint64 at(const QDate &day, int hh, int mm, int ss = 0)
{
    return Reports::jakartaMidnightMs(day) + ((hh * 60 + mm) * 60 + ss) * Second;
}

QString conversationJson(qint64 id, Protocol::ConversationState state, const QString &reason)
{
    Protocol::ConversationPayload conversation;
    conversation.id = id;
    conversation.state = state;
    conversation.handoffReason = reason;
    return QString::fromUtf8(QJsonDocument(conversation.toJson()).toJson(QJsonDocument::Compact));
}

QJsonObject dataOf(const QJsonObject &result)
{
    return result.value(QLatin1String("data")).toObject();
}

} // namespace

class tst_Reports : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubHarness> m_harness;
    qint64 m_sari = 0;
    qint64 m_budi = 0;
    qint64 m_rina = 0;
    QList<qint64> m_chats;

    // Runs every statement in one write transaction; false (with a warning) on the first error.
    bool seed(const QList<std::pair<QString, QVariantList>> &statements)
    {
        return m_harness
            ->run([&statements](WriteTxn &txn) {
                QSqlQuery q(txn.db());
                for (const auto &[sql, values] : statements) {
                    q.prepare(sql);
                    for (const QVariant &value : values)
                        q.addBindValue(value);
                    if (!q.exec())
                        return WriteResult::failure(sql + q.lastError().text());
                }
                return WriteResult::success();
            })
            .ok;
    }

    // Seeded rows take ids far above those the relay numbers itself (on PostgreSQL an explicit
    // id does not move the table's identity), so chats the relay creates later never collide.
    static constexpr qint64 SeededIds = 100000;

    qint64 addChat(const QString &waId)
    {
        const qint64 id = SeededIds + m_chats.size() + 1;
        const bool ok =
            seed({{QStringLiteral("INSERT INTO contacts (id, phone_number_id, contact_key, wa_id, "
                                  "created_at, updated_at) VALUES (?, '1', ?, ?, 0, 0)"),
                   {id, waId, waId}},
                  {QStringLiteral("INSERT INTO conversations (id, contact_id, phone_number_id, "
                                  "state, ai_mode, created_at, updated_at) VALUES (?, ?, '1', "
                                  "'bot', 'auto', 0, 0)"),
                   {id, id}}});
        m_chats.append(id);
        return ok ? id : 0;
    }

    // A message; sender 0 for the customer, -1 for the AI, else the agent's user id.
    qint64 addMessage(qint64 chat, qint64 sender, qint64 timestamp, const QString &text,
                      const QString &pricingCategory = {}, const QString &pricingType = {})
    {
        static qint64 nextId = SeededIds;
        const qint64 id = ++nextId;
        const QString direction = sender == 0 ? QStringLiteral("in") : QStringLiteral("out");
        const QString kind = sender == 0    ? QStringLiteral("customer")
                             : sender == -1 ? QStringLiteral("ai")
                                            : QStringLiteral("agent");
        const bool ok = seed(
            {{QStringLiteral("INSERT INTO messages (id, conversation_id, direction, type, text, "
                             "status, sender_kind, sender_id, timestamp, created_at, updated_at, "
                             "pricing_category, pricing_type) VALUES (?, ?, ?, 'text', ?, 'sent', "
                             "?, ?, ?, ?, ?, ?, ?)"),
              {id, chat, direction, text, kind, sender > 0 ? QVariant(sender) : QVariant(),
               timestamp, timestamp, timestamp,
               pricingCategory.isEmpty() ? QVariant() : QVariant(pricingCategory),
               pricingType.isEmpty() ? QVariant() : QVariant(pricingType)}}});
        return ok ? id : 0;
    }

    bool addStateChange(qint64 chat, Protocol::ConversationState state, qint64 when,
                        const QString &reason = {})
    {
        return seed({{QStringLiteral("INSERT INTO events (kind, conversation_id, assignee_id, "
                                     "state, data, created_at) VALUES (?, ?, 0, ?, ?, ?)"),
                      {QString(Protocol::eventKindName(Protocol::EventKind::ConversationUpdated)),
                       chat, Protocol::conversationStateName(state),
                       conversationJson(chat, state, reason), when}}});
    }

    // A draft for message forMessage, approved with what was sent (sentMessage) or discarded.
    bool addDraft(qint64 chat, qint64 forMessage, const QString &text, const QString &state,
                  qint64 createdAt, qint64 updatedAt)
    {
        return seed({{QStringLiteral("INSERT INTO drafts (conversation_id, for_message_id, text, "
                                     "state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                      {chat, forMessage, text, state, createdAt, updatedAt}}});
    }

    // A chat the agent resolved at askedAt (their rating question, a message in their name),
    // rated score at answeredAt (0: never answered) and thanked then.
    bool addRating(qint64 chat, qint64 agent, qint64 askedAt, int score, qint64 answeredAt)
    {
        const qint64 question = addMessage(chat, agent, askedAt, QStringLiteral("Nilai kami?"));
        const qint64 thanks =
            score > 0 ? addMessage(chat, agent, answeredAt, QStringLiteral("Terima kasih")) : 0;
        return question != 0 &&
               seed({{QStringLiteral("INSERT INTO csat_surveys (conversation_id, agent_id, "
                                     "question_message_id, asked_at, score, answered_at, "
                                     "thanks_message_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {chat, agent, question, askedAt, score > 0 ? QVariant(score) : QVariant(),
                       score > 0 ? QVariant(answeredAt) : QVariant(),
                       thanks > 0 ? QVariant(thanks) : QVariant()}}});
    }

    // Ratings on RatingDay: Budi 4, 2 and 5, Sari 5, Rina (a supervisor who never wrote in the
    // chat she resolved) 3; besides, one Sari got the next day and one never answered.
    void seedRatings()
    {
        const qint64 c5 = addChat(QStringLiteral("62815"));
        QVERIFY(addMessage(c5, 0, at(RatingDay, 9, 0), QStringLiteral("Paket sudah sampai?")));
        QVERIFY(addMessage(c5, m_budi, at(RatingDay, 9, 5), QStringLiteral("Sudah kak")));
        QVERIFY(addMessage(c5, 0, at(RatingDay, 9, 10), QStringLiteral("Oke makasih")));
        // The question right after the customer's message is no answer of Budi's.
        QVERIFY(addRating(c5, m_budi, at(RatingDay, 9, 11), 4, at(RatingDay, 9, 12)));

        const qint64 c6 = addChat(QStringLiteral("62816"));
        QVERIFY(addMessage(c6, 0, at(RatingDay, 10, 0), QStringLiteral("Ongkir?")));
        QVERIFY(addMessage(c6, m_sari, at(RatingDay, 10, 2), QStringLiteral("Gratis")));
        QVERIFY(addRating(c6, m_sari, at(RatingDay, 10, 3), 5, at(RatingDay, 10, 4)));
        QVERIFY(addRating(c6, m_sari, at(RatingDay, 23, 0), 1, at(RatingDay.addDays(1), 8, 0)));

        const qint64 c7 = addChat(QStringLiteral("62817"));
        QVERIFY(addMessage(c7, 0, at(RatingDay, 11, 0), QStringLiteral("Retur?")));
        QVERIFY(addMessage(c7, m_budi, at(RatingDay, 11, 1), QStringLiteral("Bisa")));
        QVERIFY(addRating(c7, m_budi, at(RatingDay, 11, 2), 2, at(RatingDay, 11, 30)));

        // The AI answered alone; Rina resolved it.
        const qint64 c8 = addChat(QStringLiteral("62818"));
        QVERIFY(addMessage(c8, 0, at(RatingDay, 12, 0), QStringLiteral("Buka?")));
        QVERIFY(addMessage(c8, -1, at(RatingDay, 12, 0, 5), QStringLiteral("Buka")));
        QVERIFY(addRating(c8, m_rina, at(RatingDay, 12, 10), 3, at(RatingDay, 12, 15)));

        const qint64 c9 = addChat(QStringLiteral("62819"));
        QVERIFY(addMessage(c9, 0, at(RatingDay, 13, 0), QStringLiteral("COD?")));
        QVERIFY(addMessage(c9, m_budi, at(RatingDay, 13, 3), QStringLiteral("Bisa COD")));
        QVERIFY(addRating(c9, m_budi, at(RatingDay, 13, 4), 5, at(RatingDay, 13, 5)));
        QVERIFY(addRating(c9, m_budi, at(RatingDay, 14, 0), 0, 0));
    }

    ReportRequest request(const QDate &from, const QDate &to) const
    {
        ReportRequest r;
        r.from = from;
        r.to = to;
        r.rates = {{QStringLiteral("marketing"), 586.33}, {QStringLiteral("utility"), 356.65}};
        r.currency = QStringLiteral("IDR");
        return r;
    }

    Protocol::ReportPayload compute(const ReportRequest &r)
    {
        QString error;
        const auto report = Reports::compute(m_harness->reader()->db(), r, &error);
        if (!report)
            qWarning() << error;
        return report.value_or(Protocol::ReportPayload{});
    }

private Q_SLOTS:
    void init()
    {
        using State = Protocol::ConversationState;
        m_harness = std::make_unique<HubHarness>();
        QVERIFY(m_harness->start());
        m_sari = m_harness->addUser(QStringLiteral("sari"), QStringLiteral("agent"),
                                    QStringLiteral("pw-sari"));
        m_budi = m_harness->addUser(QStringLiteral("budi"), QStringLiteral("agent"),
                                    QStringLiteral("pw-budi"));
        m_rina = m_harness->addUser(QStringLiteral("rina"), QStringLiteral("supervisor"),
                                    QStringLiteral("pw-rina"));
        m_chats.clear();

        // Chat 1: the AI alone answers in 5 s; a marketing template later that day.
        const qint64 c1 = addChat(QStringLiteral("62811"));
        QVERIFY(addMessage(c1, 0, at(Day1, 9, 0), QStringLiteral("Jam buka?")));
        QVERIFY(addMessage(c1, -1, at(Day1, 9, 0, 5), QStringLiteral("08.00"),
                           QStringLiteral("service"), QStringLiteral("free_customer_service")));
        QVERIFY(addMessage(c1, -1, at(Day1, 12, 0), QStringLiteral("Promo"),
                           QStringLiteral("marketing"), QStringLiteral("regular")));

        // Chat 2: asks for a person, Sari answers after 120 s (from the first of two messages)
        // and 40 s, the chat is resolved 30 minutes after it began.
        const qint64 c2 = addChat(QStringLiteral("62812"));
        QVERIFY(addMessage(c2, 0, at(Day1, 10, 0), QStringLiteral("Halo")));
        const qint64 ask = addMessage(c2, 0, at(Day1, 10, 0, 30), QStringLiteral("Minta CS"));
        QVERIFY(addStateChange(c2, State::Queued, at(Day1, 10, 0, 31),
                               QStringLiteral("asked_for_human")));
        QVERIFY(addStateChange(c2, State::Assigned, at(Day1, 10, 1)));
        QVERIFY(addMessage(c2, m_sari, at(Day1, 10, 2), QStringLiteral("Baik kak"),
                           QStringLiteral("service"), QStringLiteral("free_customer_service")));
        QVERIFY(addDraft(c2, ask, QStringLiteral("Baik kak"), QStringLiteral("approved"),
                         at(Day1, 10, 0, 32), at(Day1, 10, 2)));
        const qint64 price = addMessage(c2, 0, at(Day1, 10, 5), QStringLiteral("Harganya?"));
        QVERIFY(addMessage(c2, m_sari, at(Day1, 10, 5, 40), QStringLiteral("Harga 120 ribu"),
                           QStringLiteral("service"), QStringLiteral("free_customer_service")));
        QVERIFY(addDraft(c2, price, QStringLiteral("Harga 100 ribu"), QStringLiteral("approved"),
                         at(Day1, 10, 5, 1), at(Day1, 10, 5, 40)));
        QVERIFY(addStateChange(c2, State::Resolved, at(Day1, 10, 30)));
        QVERIFY(addStateChange(c2, State::Resolved, at(Day1, 10, 31))); // still resolved

        // Chat 3 (day 2): low confidence, Budi answers after 10 minutes with an edited draft, a
        // discarded draft, an abstention, resolved an hour after it began.
        const qint64 c3 = addChat(QStringLiteral("62813"));
        const qint64 stock = addMessage(c3, 0, at(Day2, 14, 0), QStringLiteral("Stok?"));
        QVERIFY(addDraft(c3, stock, QStringLiteral("Entah"), QStringLiteral("discarded"),
                         at(Day2, 14, 0, 1), at(Day2, 14, 0, 2)));
        QVERIFY(addStateChange(c3, State::Queued, at(Day2, 14, 0, 2),
                               QStringLiteral("low_confidence")));
        QVERIFY(addStateChange(c3, State::Assigned, at(Day2, 14, 5)));
        QVERIFY(addMessage(c3, m_budi, at(Day2, 14, 10), QStringLiteral("Siap kak!!!"),
                           QStringLiteral("service"), QStringLiteral("free_customer_service")));
        QVERIFY(addDraft(c3, stock, QStringLiteral("Siap kak"), QStringLiteral("approved"),
                         at(Day2, 14, 9), at(Day2, 14, 10)));
        QVERIFY(seed({{QStringLiteral("INSERT INTO kb_suggestions (conversation_id, message_id, "
                                      "question, reply, reason, created_at) VALUES (?, ?, 'Stok?', "
                                      "'Siap kak!!!', 'abstained', ?)"),
                       {c3, stock, at(Day2, 14, 10)}}}));
        QVERIFY(addStateChange(c3, State::Resolved, at(Day2, 15, 0)));

        // Chat 4: a utility template in October; a message at 06:30 Jakarta on day 1 (23:30 UTC
        // the day before) the AI answers in 10 s; one just after midnight Jakarta after day 2
        // (still day 2 by UTC), outside the period.
        const qint64 c4 = addChat(QStringLiteral("62814"));
        QVERIFY(addMessage(c4, -1, at(QDate(2026, 10, 15), 9, 0), QStringLiteral("Resi"),
                           QStringLiteral("utility"), QStringLiteral("regular")));
        QVERIFY(addMessage(c4, 0, at(Day1, 6, 30), QStringLiteral("Pagi")));
        QVERIFY(addMessage(c4, -1, at(Day1, 6, 30, 10), QStringLiteral("Pagi kak"),
                           QStringLiteral("service"), QStringLiteral("free_customer_service")));
        QVERIFY(addMessage(c4, 0, at(Day2.addDays(1), 0, 30), QStringLiteral("Tengah malam")));
    }

    void cleanup() { m_harness.reset(); }

    void shouldCountVolumesByJakartaDayAndHour()
    {
        const auto report = compute(request(Day1, Day2));
        QCOMPARE(report.days.size(), 2);
        QCOMPARE(report.days.at(0).day, Day1);
        QCOMPARE(report.days.at(0).chats, 3);    // chats 1, 2 and 4
        QCOMPARE(report.days.at(0).inbound, 5);  // 1 + 3 + 1
        QCOMPARE(report.days.at(0).outbound, 5); // 2 + 2 + 1
        QCOMPARE(report.days.at(1).chats, 1);
        QCOMPARE(report.days.at(1).inbound, 1); // the one after midnight is day 3
        QCOMPARE(report.days.at(1).outbound, 1);
        QList<int> hours(24, 0);
        hours[6] = 1;
        hours[9] = 1;
        hours[10] = 3;
        hours[14] = 1;
        QCOMPARE(report.inboundByHour, hours);
    }

    void shouldGiveResponseAndResolutionTimes()
    {
        const auto report = compute(request(Day1, Day2));
        // First replies: 5 s, 120 s, 600 s, 10 s; nearest rank: median the 2nd, p90 the 4th.
        QCOMPARE(report.firstResponse.count, 4);
        QCOMPARE(report.firstResponse.medianMs, 10 * Second);
        QCOMPARE(report.firstResponse.p90Ms, 10 * Minute);
        QCOMPARE(report.resolution.count, 2);
        QCOMPARE(report.resolution.medianMs, 30 * Minute);
        QCOMPARE(report.resolution.p90Ms, 60 * Minute);
        QCOMPARE(report.agents.size(), 2);
        QCOMPARE(report.agents.at(0).username, QStringLiteral("budi"));
        QCOMPARE(report.agents.at(0).chats, 1);
        QCOMPARE(report.agents.at(0).responses.count, 1);
        QCOMPARE(report.agents.at(0).responses.medianMs, 10 * Minute);
        QCOMPARE(report.agents.at(1).username, QStringLiteral("sari"));
        QCOMPARE(report.agents.at(1).responses.count, 2);
        QCOMPARE(report.agents.at(1).responses.medianMs, 40 * Second);
        QCOMPARE(report.agents.at(1).responses.p90Ms, 120 * Second);
    }

    void shouldGiveTheAiFigures()
    {
        const auto report = compute(request(Day1, Day2));
        QCOMPARE(report.aiOnlyChats, 2); // chats 1 and 4
        QCOMPARE(report.draftsApproved, 1);
        QCOMPARE(report.draftsEdited, 2);
        QCOMPARE(report.draftsDiscarded, 1);
        QCOMPARE(report.averageEditDistance, 2.0); // "100" -> "120": 1; "!!!" added: 3
        QCOMPARE(report.abstained, 1);
        QCOMPARE(report.handoffs.size(), 2);
        QCOMPARE(report.handoffs.at(0).reason, QStringLiteral("asked_for_human"));
        QCOMPARE(report.handoffs.at(0).count, 1);
        QCOMPARE(report.handoffs.at(1).reason, QStringLiteral("low_confidence"));
    }

    void shouldEstimateMetaCostPerMonthAndCategory()
    {
        const auto report = compute(request(QDate(2026, 10, 1), QDate(2026, 11, 30)));
        QCOMPARE(report.currency, QStringLiteral("IDR"));
        QCOMPARE(report.metaCost.size(), 3);
        QCOMPARE(report.metaCost.at(0).month, QStringLiteral("2026-10"));
        QCOMPARE(report.metaCost.at(0).category, QStringLiteral("utility"));
        QCOMPARE(report.metaCost.at(0).billable, 1);
        QCOMPARE(report.metaCost.at(0).cost, 356.65);
        QCOMPARE(report.metaCost.at(1).month, QStringLiteral("2026-11"));
        QCOMPARE(report.metaCost.at(1).category, QStringLiteral("marketing"));
        QCOMPARE(report.metaCost.at(1).cost, 586.33);
        QCOMPARE(report.metaCost.at(2).category, QStringLiteral("service"));
        QCOMPARE(report.metaCost.at(2).messages, 5);
        QCOMPARE(report.metaCost.at(2).billable, 0);
        QCOMPARE(report.metaCost.at(2).cost, 0.0);
        QCOMPARE(report.days.size(), 61); // every day of the period, quiet ones as zeros
        QCOMPARE(report.days.first().inbound, 0);
    }

    void shouldGiveCustomerSatisfactionOverallAndByTheAgentWhoResolved()
    {
        seedRatings();
        const auto report = compute(request(RatingDay, RatingDay));
        // 4 + 2 + 5 + 5 + 3 = 19 over 5 ratings.
        QCOMPARE(report.csat.count, 5);
        QCOMPARE(report.csat.average, 3.8);
        QCOMPARE(report.agents.size(), 3);
        const Protocol::AgentFigures &budi = report.agents.at(0);
        QCOMPARE(budi.username, QStringLiteral("budi"));
        QCOMPARE(budi.csat.count, 3);
        QCOMPARE(budi.csat.average, 3.67); // 11 / 3
        QCOMPARE(budi.chats, 3);
        // Replies after 5 min, 1 min and 3 min; the rating question is none of them.
        QCOMPARE(budi.responses.count, 3);
        QCOMPARE(budi.responses.medianMs, 3 * Minute);
        const Protocol::AgentFigures &rina = report.agents.at(1);
        QCOMPARE(rina.username, QStringLiteral("rina"));
        QCOMPARE(rina.chats, 0); // only her rating question
        QCOMPARE(rina.csat.count, 1);
        QCOMPARE(rina.csat.average, 3.0);
        const Protocol::AgentFigures &sari = report.agents.at(2);
        QCOMPARE(sari.username, QStringLiteral("sari"));
        QCOMPARE(sari.csat.count, 1); // her 1 came the next day
        QCOMPARE(sari.csat.average, 5.0);
        QCOMPARE(report.aiOnlyChats, 1); // Rina's question is not an agent answering

        const QString csv = Reports::toCsv(Reports::reportTables(report));
        QVERIFY2(csv.contains(QLatin1String("csat_ratings,5\r\ncsat_average,3.80\r\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QLatin1String("username,name,chats,replies,response_median_s,"
                                            "response_p90_s,csat_ratings,csat_average\r\n"
                                            "budi,BUDI,3,3,180.0,300.0,3,3.67\r\n"
                                            "rina,RINA,0,0,0.0,0.0,1,3.00\r\n"
                                            "sari,SARI,1,1,120.0,120.0,1,5.00\r\n")),
                 qPrintable(csv));

        const auto nextDay = compute(request(RatingDay.addDays(1), RatingDay.addDays(1)));
        QCOMPARE(nextDay.csat.count, 1);
        QCOMPARE(nextDay.csat.average, 1.0);
        QVERIFY(Reports::toCsv(Reports::reportTables(compute(request(Day1, Day2))))
                    .contains(QLatin1String("csat_ratings,0\r\ncsat_average,\r\n")));
    }

    void shouldLimitCustomerSatisfactionToOneAgentsChats()
    {
        seedRatings();
        ReportRequest r = request(RatingDay, RatingDay);
        r.agentId = m_budi;
        r.agentUsername = QStringLiteral("budi");
        const auto report = compute(r);
        QCOMPARE(report.csat.count, 3);
        QCOMPARE(report.csat.average, 3.67);
        QCOMPARE(report.agents.size(), 1);
        QCOMPARE(report.agents.at(0).csat.count, 3);
    }

    void shouldLimitTheReportToOneAgentsChats()
    {
        ReportRequest r = request(Day1, Day2);
        r.agentId = m_sari;
        r.agentUsername = QStringLiteral("sari");
        const auto report = compute(r);
        QCOMPARE(report.days.at(0).chats, 1);
        QCOMPARE(report.days.at(1).chats, 0);
        QCOMPARE(report.agents.size(), 1);
        QCOMPARE(report.agents.at(0).username, QStringLiteral("sari"));
        QCOMPARE(report.firstResponse.medianMs, 120 * Second);
        QCOMPARE(report.resolution.count, 1);
    }

    void shouldLimitTheReportToOneTeamsChats()
    {
        // Chat 2 (Sari's) is in the queue of Komplain; chat 1 (the AI's) in no team's.
        QVERIFY(seed({{QStringLiteral("INSERT INTO teams (id, name, created_at) VALUES (7, "
                                      "'Komplain', 0)"),
                       {}},
                      {QStringLiteral("UPDATE conversations SET team_id = 7 WHERE id = ?"),
                       {m_chats.at(1)}}}));
        ReportRequest r = request(Day1, Day2);
        r.teamId = 7;
        r.teamName = QStringLiteral("Komplain");
        const auto report = compute(r);
        QCOMPARE(report.team, QStringLiteral("Komplain"));
        QCOMPARE(report.days.at(0).chats, 1);
        QCOMPARE(report.agents.size(), 1);
        QCOMPARE(report.agents.at(0).username, QStringLiteral("sari"));
        QCOMPARE(report.aiOnlyChats, 0);

        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject reply = rina->command(
            QStringLiteral("report"), {{QLatin1String("from"), Day1.toString(Qt::ISODate)},
                                       {QLatin1String("to"), Day2.toString(Qt::ISODate)},
                                       {QLatin1String("team"), QLatin1String("komplain")}});
        QVERIFY(reply.value(QLatin1String("ok")).toBool());
        const auto viaHub = Protocol::ReportPayload::fromJson(
            dataOf(reply).value(QLatin1String("report")).toObject());
        QCOMPARE(viaHub.team, QStringLiteral("Komplain"));
        QCOMPARE(viaHub.days.at(0).chats, 1);
    }

    void shouldRefuseReportsAndAuditToAgents()
    {
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        const QJsonObject args{{QLatin1String("from"), Day1.toString(Qt::ISODate)},
                               {QLatin1String("to"), Day2.toString(Qt::ISODate)}};
        QCOMPARE(errorCode(sari->command(QStringLiteral("report"), args)),
                 QStringLiteral("forbidden"));
        QCOMPARE(errorCode(sari->command(QStringLiteral("list_audit"), {})),
                 QStringLiteral("forbidden"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        const QJsonObject result = rina->command(QStringLiteral("report"), args);
        QVERIFY(result.value(QLatin1String("ok")).toBool());
        const auto report = Protocol::ReportPayload::fromJson(
            dataOf(result).value(QLatin1String("report")).toObject());
        QCOMPARE(report.days.at(0).inbound, 5);
        QCOMPARE(report.resolution.medianMs, 30 * Minute);
    }

    void shouldRefuseABadPeriodAgentOrTeam_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("code");
        const auto period = [](const char *from, const char *to) {
            return QJsonObject{{QLatin1String("from"), QLatin1String(from)},
                               {QLatin1String("to"), QLatin1String(to)}};
        };
        QTest::newRow("malformed") << period("2026-11-2", "2026-11-03") << "invalid_argument";
        QTest::newRow("missing") << QJsonObject{} << "invalid_argument";
        QTest::newRow("reversed") << period("2026-11-03", "2026-11-02") << "invalid_argument";
        QTest::newRow("too long") << period("2025-01-01", "2026-11-03") << "invalid_argument";
        QJsonObject agent = period("2026-11-02", "2026-11-03");
        agent.insert(QLatin1String("agent"), QLatin1String("nobody"));
        QTest::newRow("unknown agent") << agent << "not_found";
        QJsonObject team = period("2026-11-02", "2026-11-03");
        team.insert(QLatin1String("team"), QLatin1String("Penjualan"));
        QTest::newRow("unknown team") << team << "not_found";
    }

    void shouldRefuseABadPeriodAgentOrTeam()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, code);
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        QCOMPARE(errorCode(rina->command(QStringLiteral("report"), args)), code);
    }

    void shouldListWhoAssignedTransferredTookOverAndResolved()
    {
        const qint64 chat =
            m_harness->receiveInbound(QStringLiteral("62899"), QStringLiteral("Halo"));
        auto rina = m_harness->loggedIn(QStringLiteral("rina"));
        auto sari = m_harness->loggedIn(QStringLiteral("sari"));
        auto budi = m_harness->loggedIn(QStringLiteral("budi"));
        const QJsonObject onChat{{QLatin1String("conversation_id"), chat}};
        QJsonObject assign = onChat;
        assign.insert(QLatin1String("username"), QLatin1String("sari"));
        QVERIFY(
            rina->command(QStringLiteral("assign"), assign).value(QLatin1String("ok")).toBool());
        m_harness->clockMs += 1000;
        QJsonObject transfer = onChat;
        transfer.insert(QLatin1String("username"), QLatin1String("budi"));
        QVERIFY(sari->command(QStringLiteral("transfer"), transfer)
                    .value(QLatin1String("ok"))
                    .toBool());
        QVERIFY(
            budi->command(QStringLiteral("resolve"), onChat).value(QLatin1String("ok")).toBool());
        QVERIFY(
            rina->command(QStringLiteral("take_over"), onChat).value(QLatin1String("ok")).toBool());
        // A refused command changed nothing and is not in the log.
        QCOMPARE(errorCode(sari->command(QStringLiteral("resolve"), onChat)),
                 QStringLiteral("forbidden"));
        RelayConfig config;
        config.dataDir = m_harness->dataDir();
        if (isPostgresUrl(m_harness->location()))
            config.dbUrl = m_harness->location();
        QString printed;
        QTextStream out(&printed);
        QTextStream err(&printed);
        QCOMPARE(
            setUserRole(config, QStringLiteral("sari"), QStringLiteral("supervisor"), out, err), 0);

        const QJsonObject page =
            rina->command(QStringLiteral("list_audit"), {{QLatin1String("limit"), 4}});
        QVERIFY(page.value(QLatin1String("ok")).toBool());
        QList<Protocol::AuditEntry> entries;
        for (const QJsonValue &value : dataOf(page).value(QLatin1String("entries")).toArray())
            entries.append(Protocol::AuditEntry::fromJson(value.toObject()));
        QCOMPARE(entries.size(), 4);
        QVERIFY(dataOf(page).value(QLatin1String("more")).toBool());
        QCOMPARE(entries.at(0).action, QStringLiteral("user.role"));
        QCOMPARE(entries.at(0).subject, QStringLiteral("sari"));
        QCOMPARE(entries.at(0).actor, QString());
        QCOMPARE(entries.at(1).action, QStringLiteral("take_over"));
        QCOMPARE(entries.at(1).actor, QStringLiteral("rina"));
        QCOMPARE(entries.at(1).subject, QStringLiteral("rina"));
        QCOMPARE(entries.at(2).action, QStringLiteral("resolve"));
        QCOMPARE(entries.at(2).actor, QStringLiteral("budi"));
        QCOMPARE(entries.at(2).detail, QStringLiteral("resolved"));
        QCOMPARE(entries.at(3).action, QStringLiteral("transfer"));
        QCOMPARE(entries.at(3).actor, QStringLiteral("sari"));
        QCOMPARE(entries.at(3).subject, QStringLiteral("budi"));
        QCOMPARE(entries.at(3).conversationId, chat);

        const QJsonObject rest =
            rina->command(QStringLiteral("list_audit"),
                          {{QLatin1String("limit"), 4}, {QLatin1String("offset"), 4}});
        const QJsonArray older = dataOf(rest).value(QLatin1String("entries")).toArray();
        QCOMPARE(older.size(), 1);
        const auto first = Protocol::AuditEntry::fromJson(older.at(0).toObject());
        QCOMPARE(first.action, QStringLiteral("assign"));
        QCOMPARE(first.actor, QStringLiteral("rina"));
        QCOMPARE(first.subject, QStringLiteral("sari"));
        QVERIFY(!dataOf(rest).value(QLatin1String("more")).toBool());
        QCOMPARE(
            errorCode(rina->command(QStringLiteral("list_audit"), {{QLatin1String("limit"), 0}})),
            QStringLiteral("invalid_argument"));
        QCOMPARE(
            errorCode(rina->command(QStringLiteral("list_audit"), {{QLatin1String("offset"), -1}})),
            QStringLiteral("invalid_argument"));
    }

    void shouldPriceSentMessagesAsTheirStatusWebhooksSay()
    {
        // Two messages the relay sent on 1 January 2026; Meta's status webhooks price them.
        const qint64 chat = addChat(QStringLiteral("62815"));
        const QDate newYear(2026, 1, 1);
        const QString wamids[] = {
            QStringLiteral("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEk9VVDAwMDEwMQA="),
            QStringLiteral("wamid.AUTH.1")};
        for (const QString &wamid : wamids) {
            QVERIFY(
                seed({{QStringLiteral("INSERT INTO messages (conversation_id, wamid, direction, "
                                      "type, status, sender_kind, timestamp, created_at, "
                                      "updated_at) VALUES (?, ?, 'out', 'template', "
                                      "'accepted', 'ai', ?, ?, ?)"),
                       {chat, wamid, at(newYear, 7, 0), at(newYear, 7, 0), at(newYear, 7, 0)}}}));
        }
        const QByteArray service = readData(QStringLiteral("webhooks/status_sent.json"));
        QByteArray authentication = service;
        authentication.replace("free_customer_service", "regular")
            .replace("\"service\"", "\"authentication-international\"")
            .replace(wamids[0].toUtf8(), wamids[1].toUtf8());
        for (const QByteArray &body : {service, authentication}) {
            const auto batch = parseWebhook(body);
            QVERIFY(batch);
            QVERIFY(m_harness
                        ->run([&batch](WriteTxn &txn) {
                            ingestWebhook(txn, *batch, QStringLiteral("draft"), {});
                            return WriteResult::success();
                        })
                        .ok);
        }
        ReportRequest r = request(newYear, newYear);
        r.rates.insert(QStringLiteral("authentication_international"), 1234.5);
        const auto report = compute(r);
        QCOMPARE(report.metaCost.size(), 2);
        QCOMPARE(report.metaCost.at(0).category, QStringLiteral("authentication_international"));
        QCOMPARE(report.metaCost.at(0).billable, 1);
        QCOMPARE(report.metaCost.at(0).cost, 1234.5);
        QCOMPARE(report.metaCost.at(1).category, QStringLiteral("service"));
        QCOMPARE(report.metaCost.at(1).messages, 1);
        QCOMPARE(report.metaCost.at(1).billable, 0);
    }

    void shouldPrintTheReportAsCsvFromTheCommandLine()
    {
        QProcess relay;
        QProcessEnvironment env;
        env.insert(QStringLiteral("SERAMBI_DATA_DIR"), m_harness->dataDir());
        if (isPostgresUrl(m_harness->location()))
            env.insert(QStringLiteral("SERAMBI_DB_URL"), m_harness->location());
        env.insert(QStringLiteral("SERAMBI_META_RATE_MARKETING"), QStringLiteral("586.33"));
        env.insert(QStringLiteral("SERAMBI_META_CURRENCY"), QStringLiteral("IDR"));
        relay.setProcessEnvironment(env);
        relay.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                    {QStringLiteral("report"), QStringLiteral("--from"),
                     QStringLiteral("2026-11-02"), QStringLiteral("--to"),
                     QStringLiteral("2026-11-03"), QStringLiteral("--csv")});
        QVERIFY(relay.waitForFinished(30000));
        QCOMPARE(relay.exitCode(), 0);
        const QString csv = QString::fromUtf8(relay.readAllStandardOutput());
        QVERIFY2(csv.contains(QLatin1String("day,chats,customer_messages,sent_messages\r\n"
                                            "2026-11-02,3,5,5\r\n2026-11-03,1,1,1\r\n")),
                 qPrintable(csv));
        QVERIFY(csv.contains(QLatin1String("first_response_median_s,10.0\r\n")));
        QVERIFY(csv.contains(QLatin1String("resolution_p90_s,3600.0\r\n")));
        QVERIFY(csv.contains(QLatin1String("sari,SARI,1,2,40.0,120.0,0,\r\n")));
        QVERIFY(csv.contains(QLatin1String("2026-11,marketing,1,1,586.33,586.33,IDR\r\n")));

        QProcess bad;
        bad.setProcessEnvironment(env);
        bad.start(QStringLiteral(SERAMBI_RELAY_BINARY),
                  {QStringLiteral("report"), QStringLiteral("--from"), QStringLiteral("2026-11-03"),
                   QStringLiteral("--to"), QStringLiteral("2026-11-02")});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("to must not be before from"));
    }
};

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_reports.moc"
