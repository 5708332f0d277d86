#include "kbgaps.h"

#include "ai/kbdrafter.h"
#include "ai/kbsuggestions.h"
#include "ai/knowledgebase.h"
#include "protocol/keys.h"
#include "store/statementcache.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

namespace {

constexpr int DefaultDays = 30;
constexpr int MaxDays = 365;
constexpr qint64 DayMs = 24LL * 3600 * 1000;
// The latest customer messages without an answer looked at, and the questions listed.
constexpr int MessagesRead = 500;
constexpr int QuestionsListed = 100;

struct Question
{
    QString text;
    int count = 0;
    qint64 lastAt = 0;
};

} // namespace

CommandReply kbGapsCommand(QSqlDatabase &db, KnowledgeBase &knowledgeBase, const KbDrafter &drafter,
                           const QJsonObject &args, qint64 nowMs)
{
    int days = DefaultDays;
    if (args.contains(Key::Days)) {
        const double value = args.value(Key::Days).toDouble();
        if (value != std::floor(value) || value < 1 || value > MaxDays)
            return CommandReply::refusal(ErrorCode::InvalidArgument,
                                         QStringLiteral("days must be 1 to %1").arg(MaxDays));
        days = int(value);
    }
    const qint64 since = nowMs - days * DayMs;

    PreparedQuery cited(db, QStringLiteral("SELECT DISTINCT source.value FROM drafts, "
                                           "json_each(drafts.sources) AS source "
                                           "WHERE drafts.created_at >= ?"));
    cited.addBindValue(since);
    if (!cited.exec())
        return CommandReply::refusal(ErrorCode::Internal);
    QSet<QString> used;
    while (cited.next())
        used.insert(cited.value(0).toString());
    QJsonArray unused;
    for (const KbArticle &article : knowledgeBase.articles()) {
        if (!used.contains(article.id))
            unused.append(QJsonObject{{Key::Id, article.id}, {Key::Title, article.title}});
    }

    // Customer messages none of whose drafts cited an article.
    PreparedQuery missed(db, QStringLiteral("SELECT m.text, MAX(d.created_at) FROM drafts d "
                                            "JOIN messages m ON m.id = d.for_message_id "
                                            "WHERE d.created_at >= ? GROUP BY d.for_message_id "
                                            "HAVING MAX(d.sources <> '[]') = 0 "
                                            "ORDER BY 2 DESC LIMIT ?"));
    missed.addBindValue(since);
    missed.addBindValue(MessagesRead);
    if (!missed.exec())
        return CommandReply::refusal(ErrorCode::Internal);
    QList<Question> questions;
    QHash<QString, qsizetype> byText;
    while (missed.next()) {
        const QString text = missed.value(0).toString().trimmed();
        if (text.isEmpty())
            continue;
        // A request for a person is no gap in the articles; one answered now is closed.
        const KbDecision decision = drafter.decide(text);
        if (!decision.handoffReason.isEmpty() || !decision.abstained)
            continue;
        const QString masked = KbSuggestions::mask(text);
        const QString key = masked.toCaseFolded();
        const auto known = byText.constFind(key);
        if (known != byText.constEnd()) {
            ++questions[*known].count;
            continue;
        }
        byText.insert(key, questions.size());
        questions.append({masked, 1, missed.value(1).toLongLong()});
    }
    std::stable_sort(questions.begin(), questions.end(),
                     [](const Question &a, const Question &b) { return a.count > b.count; });
    QJsonArray unanswered;
    for (const Question &question : questions.mid(0, QuestionsListed)) {
        unanswered.append(QJsonObject{{Key::Text, question.text},
                                      {Key::Count, question.count},
                                      {Key::LastAt, question.lastAt}});
    }
    return CommandReply::success(
        {{Key::Days, days}, {Key::Unused, unused}, {Key::Unanswered, unanswered}});
}

} // namespace Serambi::Relay
