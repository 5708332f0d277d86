#include "kbsuggestions.h"

#include "protocol/keys.h"
#include "store/draftrepo.h"
#include "store/statementcache.h"
#include "textnormalizer.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>

namespace Serambi::Relay::KbSuggestions {

namespace {

// Two questions are alike when they share at least this share of their terms (of the shorter).
constexpr double SimilarQuestions = 0.6;
constexpr int QuestionsShown = 5;
constexpr int TermsShown = 3;

QSet<QString> termSet(const QString &text)
{
    const QStringList terms = TextNormalizer::terms(text);
    return QSet<QString>(terms.cbegin(), terms.cend());
}

double overlap(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    return double((a & b).size()) / double(std::min(a.size(), b.size()));
}

struct Group
{
    QSet<QString> terms; // of its first (latest) question
    QHash<QString, int> termCounts;
    QStringList questions;
    QString reply;
    qint64 lastAt = 0;
    int count = 0;
    QJsonArray ids; // of its suggestions, for dismiss_kb_suggestions
};

} // namespace

QString mask(const QString &text)
{
    static const QList<QPair<QRegularExpression, QString>> rules = {
        {QRegularExpression(QStringLiteral("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+")),
         QStringLiteral("[email]")},
        // +62 812-3456-7890, 0812 3456 7890, 6281234567890
        {QRegularExpression(
             QStringLiteral("(\\+?62|\\b0)[\\s.-]?8\\d{1,3}([\\s.-]?\\d{2,5}){2,3}\\b")),
         QStringLiteral("[nomor telepon]")},
        // Jl. Melati No. 5, jalan Sudirman 12, Gg. Mawar, Perum Griya Indah Blok C2: up to the
        // next comma or line end (more rather than less); RT 03/RW 05.
        {QRegularExpression(QStringLiteral("\\b(jl|jln|jalan|gg|gang|komplek|kompleks|perum|"
                                           "perumahan|blok)\\b\\.?\\s+[^,\\n]*"),
                            QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("[alamat]")},
        {QRegularExpression(QStringLiteral("\\brt\\.?\\s*\\d+\\s*/?\\s*rw\\.?\\s*\\d+"),
                            QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("[alamat]")},
        // Order, invoice, record and card numbers: a token with four digits or more
        // ("#SJ2411280117", "241203-0702", "INV/2024/0012", "01244").
        {QRegularExpression(QStringLiteral("#?\\b[\\w/-]*\\d[\\w/-]*\\b")), QString()},
    };
    QString out = text;
    for (const auto &rule : rules) {
        if (!rule.second.isEmpty()) {
            out.replace(rule.first, rule.second);
            continue;
        }
        QString masked;
        qsizetype last = 0;
        auto it = rule.first.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const QString token = match.captured();
            const auto digits =
                std::count_if(token.cbegin(), token.cend(), [](QChar c) { return c.isDigit(); });
            masked += out.mid(last, match.capturedStart() - last);
            const bool price = token.startsWith(QLatin1String("rp"), Qt::CaseInsensitive);
            masked += digits >= 4 && !price ? QStringLiteral("[nomor]") : token;
            last = match.capturedEnd();
        }
        masked += out.mid(last);
        out = masked;
    }
    return out;
}

bool substantiallyEdited(const QString &draft, const QString &sent)
{
    const QStringList a = TextNormalizer::words(draft);
    const QStringList b = TextNormalizer::words(sent);
    const QSet<QString> draftWords(a.cbegin(), a.cend());
    const QSet<QString> sentWords(b.cbegin(), b.cend());
    const QSet<QString> all = draftWords | sentWords;
    if (all.isEmpty())
        return false;
    return double((draftWords & sentWords).size()) / double(all.size()) < 0.5;
}

bool recordAnswer(WriteTxn &txn, qint64 conversationId, const QString &reply,
                  const std::optional<QString> &approvedDraftText)
{
    QSqlDatabase &db = txn.db();
    const qint64 messageId = DraftRepo::latestInboundMessage(db, conversationId);
    if (messageId == 0)
        return true;
    QString reason;
    if (approvedDraftText) {
        if (substantiallyEdited(*approvedDraftText, reply))
            reason = QStringLiteral("edited");
    } else {
        // The AI's latest draft for the message: an abstention or a handoff cites no article.
        PreparedQuery draft(db,
                            QStringLiteral("SELECT sources FROM drafts WHERE for_message_id = ? "
                                           "ORDER BY id DESC LIMIT 1"));
        draft.addBindValue(messageId);
        if (!draft.exec())
            return false;
        if (draft.next() && (draft.value(0).toString().isEmpty() ||
                             draft.value(0).toString() == QLatin1String("[]")))
            reason = QStringLiteral("abstained");
    }
    if (reason.isEmpty())
        return true;
    PreparedQuery question(db, QStringLiteral("SELECT text FROM messages WHERE id = ?"));
    question.addBindValue(messageId);
    if (!question.exec())
        return false;
    if (!question.next() || question.value(0).toString().trimmed().isEmpty())
        return true;
    PreparedQuery insert(db,
                         QStringLiteral("INSERT OR IGNORE INTO kb_suggestions (conversation_id, "
                                        "message_id, question, reply, reason, created_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(conversationId);
    insert.addBindValue(messageId);
    insert.addBindValue(mask(question.value(0).toString()));
    insert.addBindValue(mask(reply));
    insert.addBindValue(reason);
    insert.addBindValue(txn.now());
    return insert.exec();
}

QJsonArray grouped(QSqlDatabase &db, int limit)
{
    PreparedQuery query(db, QStringLiteral("SELECT question, reply, created_at, id FROM "
                                           "kb_suggestions WHERE handled_at IS NULL ORDER BY id "
                                           "DESC LIMIT ?"));
    query.addBindValue(limit);
    QList<Group> groups;
    if (query.exec()) {
        while (query.next()) {
            const QString question = query.value(0).toString();
            const QSet<QString> terms = termSet(question);
            Group *home = nullptr;
            for (Group &group : groups) {
                if (overlap(group.terms, terms) >= SimilarQuestions) {
                    home = &group;
                    break;
                }
            }
            if (!home) {
                groups.append(Group{
                    terms, {}, {}, query.value(1).toString(), query.value(2).toLongLong(), 0, {}});
                home = &groups.last();
            }
            ++home->count;
            home->ids.append(query.value(3).toLongLong());
            for (const QString &term : terms)
                ++home->termCounts[term];
            if (home->questions.size() < QuestionsShown && !home->questions.contains(question))
                home->questions.append(question);
        }
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group &a, const Group &b) { return a.count > b.count; });
    QJsonArray out;
    for (const Group &group : std::as_const(groups)) {
        QStringList terms = group.termCounts.keys();
        std::sort(terms.begin(), terms.end(), [&](const QString &a, const QString &b) {
            const int ca = group.termCounts.value(a), cb = group.termCounts.value(b);
            return ca != cb ? ca > cb : a < b;
        });
        out.append(QJsonObject{
            {QLatin1String("count"), group.count},
            {QLatin1String("terms"), QJsonArray::fromStringList(terms.mid(0, TermsShown))},
            {QLatin1String("questions"), QJsonArray::fromStringList(group.questions)},
            {QLatin1String("reply"), group.reply},
            {QLatin1String("last_at"), group.lastAt},
            {Protocol::Key::Ids, group.ids}});
    }
    return out;
}

} // namespace Serambi::Relay::KbSuggestions
