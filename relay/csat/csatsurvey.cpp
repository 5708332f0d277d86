#include "csatsurvey.h"

#include "logging/relaylogging.h"
#include "outbound/outboundtext.h"
#include "store/outbound.h"
#include "store/statementcache.h"

#include <QJsonArray>

namespace Serambi::Relay::Csat {

namespace {

const QLatin1String IdPrefix("csat:");
constexpr int MaxScore = 5;

// The row id a tap answered with: the id of an interactive list_reply or button_reply; empty
// for any other message.
QString tappedId(const QJsonObject &payload)
{
    if (payload.value(QLatin1String("type")).toString() != QLatin1String("interactive"))
        return {};
    const QJsonObject interactive = payload.value(QLatin1String("interactive")).toObject();
    for (const QLatin1String kind : {QLatin1String("list_reply"), QLatin1String("button_reply")}) {
        if (interactive.value(kind).isObject())
            return interactive.value(kind).toObject().value(QLatin1String("id")).toString();
    }
    return {};
}

struct Tap
{
    qint64 surveyId = 0;
    int score = 0;
};

// csat:<survey>:<score> as a survey and a score from 1 to 5; nullopt when malformed.
std::optional<Tap> parseTap(const QString &id)
{
    const QStringList parts = id.mid(IdPrefix.size()).split(QLatin1Char(':'));
    if (parts.size() != 2)
        return std::nullopt;
    bool surveyOk = false;
    bool scoreOk = false;
    const Tap tap{parts.at(0).toLongLong(&surveyOk), parts.at(1).toInt(&scoreOk)};
    if (!surveyOk || !scoreOk || tap.surveyId <= 0 || tap.score < 1 || tap.score > MaxScore)
        return std::nullopt;
    return tap;
}

struct Survey
{
    qint64 conversationId = 0;
    qint64 agentId = 0;
    qint64 askedAt = 0;
    QString answerWamid; // empty: not answered
};

std::optional<Survey> loadSurvey(WriteTxn &txn, qint64 id)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "SELECT conversation_id, agent_id, asked_at, answer_wamid FROM csat_surveys WHERE id = ?"));
    q.addBindValue(id);
    if (!execQuery(q)) {
        txn.markFailed();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Survey{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                  q.value(3).toString()};
}

bool run(WriteTxn &txn, PreparedQuery &q)
{
    if (execQuery(q))
        return true;
    txn.markFailed();
    return false;
}

} // namespace

QString answerId(qint64 surveyId, int score)
{
    return IdPrefix + QString::number(surveyId) + QLatin1Char(':') + QString::number(score);
}

QJsonObject questionInteractive(const CsatSettings &settings, qint64 surveyId)
{
    QJsonArray rows;
    for (int score = 1; score <= MaxScore; ++score) {
        const QString title = QString::number(score) + QLatin1Char(' ') +
                              QString(QStringLiteral("⭐")).repeated(score);
        rows.append(QJsonObject{{QLatin1String("id"), answerId(surveyId, score)},
                                {QLatin1String("title"), title}});
    }
    return {{QLatin1String("type"), QLatin1String("list")},
            {QLatin1String("body"), QJsonObject{{QLatin1String("text"), settings.question}}},
            {QLatin1String("action"),
             QJsonObject{{QLatin1String("button"), settings.button},
                         {QLatin1String("sections"),
                          QJsonArray{QJsonObject{{QLatin1String("title"), settings.button},
                                                 {QLatin1String("rows"), rows}}}}}}};
}

bool ask(WriteTxn &txn, Conversation &conversation, const User &agent, qint64 nowMs,
         const CsatSettings &settings)
{
    PreparedQuery survey = txn.prepare(QStringLiteral(
        "INSERT INTO csat_surveys (conversation_id, agent_id, asked_at) VALUES (?, ?, ?)"));
    survey.addBindValue(conversation.id);
    survey.addBindValue(agent.id);
    survey.addBindValue(nowMs);
    if (!run(txn, survey))
        return false;
    const qint64 surveyId = survey.lastInsertId();

    Message message;
    message.type = QStringLiteral("interactive");
    message.text = settings.question;
    message.senderKind = QStringLiteral("agent");
    message.senderId = agent.id;
    message.senderName = agent.displayName;
    message.timestamp = nowMs;
    const QJsonObject content{
        {QLatin1String("type"), QLatin1String("interactive")},
        {QLatin1String("interactive"), questionInteractive(settings, surveyId)}};
    if (!queueOutbound(txn, conversation, message, content)) {
        txn.markFailed();
        return false;
    }
    PreparedQuery question =
        txn.prepare(QStringLiteral("UPDATE csat_surveys SET question_message_id = ? WHERE id = ?"));
    question.addBindValue(message.id);
    question.addBindValue(surveyId);
    if (!run(txn, question))
        return false;
    ConversationRepo::publishMessage(txn, conversation, message, EventKind::MessageCreated);
    qCInfo(lcCsat) << "asked for a rating of conversation" << conversation.id << "(survey"
                   << surveyId << ")";
    return true;
}

Answer takeAnswer(WriteTxn &txn, Conversation &conversation, const Message &inbound,
                  const CsatSettings &settings)
{
    const QString id = tappedId(inbound.payload);
    if (!id.startsWith(IdPrefix))
        return Answer::NotTaken;
    const auto tap = parseTap(id);
    if (!tap) {
        qCInfo(lcCsat) << "a rating answer in conversation" << conversation.id
                       << "names no question and score; stored as a message";
        return Answer::NotTaken;
    }
    const auto survey = loadSurvey(txn, tap->surveyId);
    if (!survey || survey->conversationId != conversation.id) {
        qCInfo(lcCsat) << "a rating answer in conversation" << conversation.id
                       << "names a question the relay did not ask it (survey" << tap->surveyId
                       << "); stored as a message";
        return Answer::NotTaken;
    }
    if (!inbound.wamid.isEmpty() && survey->answerWamid == inbound.wamid)
        return Answer::Duplicate;
    if (!survey->answerWamid.isEmpty()) {
        qCInfo(lcCsat) << "survey" << tap->surveyId << "of conversation" << conversation.id
                       << "was answered already; the new answer is stored as a message";
        return Answer::NotTaken;
    }
    if (inbound.timestamp - survey->askedAt > settings.acceptMs) {
        qCInfo(lcCsat) << "survey" << tap->surveyId << "of conversation" << conversation.id
                       << "answered" << (inbound.timestamp - survey->askedAt) / 60000
                       << "minutes after the question, past the" << settings.acceptMs / 60000
                       << "accepted; stored as a message";
        return Answer::NotTaken;
    }
    const auto agent = UserRepo::byId(txn.db(), survey->agentId);
    if (!agent) {
        txn.markFailed();
        return Answer::NotTaken;
    }
    conversation.lastInboundAt = qMax(conversation.lastInboundAt, inbound.timestamp);
    Message thanks;
    thanks.type = QStringLiteral("text");
    thanks.text = settings.thanks;
    thanks.senderKind = QStringLiteral("agent");
    thanks.senderId = agent->id;
    thanks.senderName = agent->displayName;
    thanks.timestamp = qMax(txn.now(), inbound.timestamp);
    if (!queueOutbound(txn, conversation, thanks, textMessageContent(settings.thanks, QString()))) {
        txn.markFailed();
        return Answer::NotTaken;
    }
    PreparedQuery answer = txn.prepare(
        QStringLiteral("UPDATE csat_surveys SET score = ?, answer_wamid = ?, answered_at = ?, "
                       "thanks_message_id = ? WHERE id = ?"));
    answer.addBindValue(tap->score);
    answer.addBindValue(inbound.wamid.isEmpty() ? QVariant() : QVariant(inbound.wamid));
    answer.addBindValue(inbound.timestamp);
    answer.addBindValue(thanks.id);
    answer.addBindValue(tap->surveyId);
    if (!run(txn, answer))
        return Answer::NotTaken;
    conversation.csatScore = tap->score;
    conversation.csatRatedAt = inbound.timestamp;
    ConversationRepo::publishMessage(txn, conversation, thanks, EventKind::MessageCreated);
    qCInfo(lcCsat) << "conversation" << conversation.id << "rated" << tap->score << "for agent"
                   << agent->id << "(survey" << tap->surveyId << ")";
    return Answer::Taken;
}

} // namespace Serambi::Relay::Csat
