#include "knowledgebase.h"

#include "kbreader.h"
#include "lexicon.h"
#include "logging/relaylogging.h"
#include "textnormalizer.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace Serambi::Relay {

namespace {

QString checksum(const KbArticle &article)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(article.title.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(article.tags.join(QLatin1Char('\n')).toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(article.body.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(article.questions.join(QLatin1Char('\n')).toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList out;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(value.toString());
    return out;
}

// Field weights of BM25F: a word in a tag or in one of the article's example questions says
// more about what the article answers than a word of its body.
enum Field { Title, Tags, Questions, Body };
constexpr double FieldWeight[4] = {3.0, 4.0, 3.0, 1.0};
constexpr double K1 = 1.2;
constexpr double B = 0.75;
// A synonym found through the lexicon or a tag counts less than the customer's own word.
constexpr double SynonymWeight = 0.5;
// A phrase of the article found whole in the message adds its words' IDF once more, times this.
constexpr double PhraseWeight = 0.5;
// How many of the best articles by BM25F the reranker reorders.
constexpr qsizetype RerankCandidates = 5;

int editDistance(const QString &a, const QString &b, int limit)
{
    if (std::abs(int(a.size() - b.size())) > limit)
        return limit + 1;
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        int best = current[0];
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            best = std::min(best, current[j]);
        }
        if (best > limit)
            return limit + 1;
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Adds or replaces an article by id (an import or a console edit).
void prepareUpsert(QSqlQuery &upsert)
{
    upsert.prepare(QStringLiteral(
        "INSERT INTO kb_articles (id, title, tags, body, source, line, checksum, updated_at, "
        "questions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = "
        "excluded.title, tags = excluded.tags, body = excluded.body, source = excluded.source, "
        "line = excluded.line, checksum = excluded.checksum, updated_at = excluded.updated_at, "
        "questions = excluded.questions"));
}

void bindArticle(QSqlQuery &upsert, const KbArticle &article, const QString &sum, qint64 nowMs)
{
    upsert.addBindValue(article.id);
    upsert.addBindValue(article.title);
    upsert.addBindValue(jsonList(article.tags));
    upsert.addBindValue(article.body);
    upsert.addBindValue(article.source);
    upsert.addBindValue(article.line);
    upsert.addBindValue(sum);
    upsert.addBindValue(nowMs);
    upsert.addBindValue(jsonList(article.questions));
}

std::nullopt_t fail(QSqlDatabase &db, const QSqlQuery &query, QString *error)
{
    *error = query.lastError().text();
    db.rollback();
    return std::nullopt;
}

} // namespace

KnowledgeBase::KnowledgeBase(const QSqlDatabase &db) : m_db(db) {}

bool KnowledgeBase::createSchema(QSqlDatabase &db, QString *error)
{
    // Articles as imported; they are ranked in memory (refresh()). kb_revision changes on every
    // import so a running relay notices. Files written before questions existed get the
    // column (and lose the FTS5 index the relay once ranked with).
    const QStringList statements = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS kb_articles (id TEXT PRIMARY KEY, title TEXT "
                       "NOT NULL, tags TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL, source "
                       "TEXT NOT NULL, line INTEGER NOT NULL, checksum TEXT NOT NULL, updated_at "
                       "INTEGER NOT NULL, questions TEXT NOT NULL DEFAULT '[]')"),
        QStringLiteral("DROP TABLE IF EXISTS kb_index"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS kb_revision (revision INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO kb_revision (revision) SELECT 0 WHERE NOT EXISTS (SELECT 1 "
                       "FROM kb_revision)"),
    };
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            *error = query.lastError().text();
            return false;
        }
    }
    bool hasQuestions = false;
    if (!query.exec(QStringLiteral("PRAGMA table_info(kb_articles)"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        hasQuestions = hasQuestions || query.value(1).toString() == QLatin1String("questions");
    if (!hasQuestions &&
        !query.exec(QStringLiteral(
            "ALTER TABLE kb_articles ADD COLUMN questions TEXT NOT NULL DEFAULT '[]'"))) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<KbImportReport> KnowledgeBase::import(QSqlDatabase &db, const QString &path,
                                                    qint64 nowMs, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 does not exist").arg(path);
        return std::nullopt;
    }
    KbImportReport report;
    const QList<KbArticle> articles = KbReader::read(path, &report.problems);
    if (articles.isEmpty()) {
        QSqlQuery count(db);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM kb_articles")) && count.next())
            report.articles = count.value(0).toInt();
        return report;
    }
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery query(db);
    QHash<QString, QString> existing;
    if (!query.exec(QStringLiteral("SELECT id, checksum FROM kb_articles")))
        return fail(db, query, error);
    while (query.next())
        existing.insert(query.value(0).toString(), query.value(1).toString());

    QSet<QString> kept;
    QSqlQuery upsert(db);
    prepareUpsert(upsert);
    for (const KbArticle &article : articles) {
        const QString sum = checksum(article);
        kept.insert(article.id);
        const auto previous = existing.constFind(article.id);
        if (previous == existing.constEnd())
            ++report.added;
        else if (*previous != sum)
            ++report.updated;
        else
            ++report.unchanged;
        if (previous == existing.constEnd() || *previous != sum) {
            bindArticle(upsert, article, sum, nowMs);
            if (!upsert.exec())
                return fail(db, upsert, error);
        }
    }
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM kb_articles WHERE id = ?"));
    for (auto it = existing.constBegin(); it != existing.constEnd(); ++it) {
        if (kept.contains(it.key()))
            continue;
        remove.addBindValue(it.key());
        if (!remove.exec())
            return fail(db, remove, error);
        ++report.removed;
    }
    if (report.added + report.updated + report.removed > 0 &&
        !query.exec(QStringLiteral("UPDATE kb_revision SET revision = revision + 1")))
        return fail(db, query, error);
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return std::nullopt;
    }
    report.articles = int(articles.size());
    return report;
}

int KnowledgeBase::size()
{
    refresh();
    return int(m_articles.size());
}

QList<KbArticle> KnowledgeBase::articles()
{
    refresh();
    QList<KbArticle> out;
    out.reserve(m_articles.size());
    for (const Indexed &indexed : std::as_const(m_articles))
        out.append(indexed.article);
    return out;
}

bool KnowledgeBase::save(const KbArticle &article, qint64 nowMs, QString *error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery upsert(m_db);
    prepareUpsert(upsert);
    bindArticle(upsert, article, checksum(article), nowMs);
    if (!upsert.exec()) {
        fail(m_db, upsert, error);
        return false;
    }
    QSqlQuery bump(m_db);
    if (!bump.exec(QStringLiteral("UPDATE kb_revision SET revision = revision + 1"))) {
        fail(m_db, bump, error);
        return false;
    }
    if (!m_db.commit()) {
        *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<bool> KnowledgeBase::remove(const QString &id, QString *error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM kb_articles WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return fail(m_db, query, error);
    const bool removed = query.numRowsAffected() > 0;
    if (removed && !query.exec(QStringLiteral("UPDATE kb_revision SET revision = revision + 1")))
        return fail(m_db, query, error);
    if (!m_db.commit()) {
        *error = m_db.lastError().text();
        m_db.rollback();
        return std::nullopt;
    }
    return removed;
}

void KnowledgeBase::refresh()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT revision FROM kb_revision")) || !query.next()) {
        qCWarning(lcAi) << "cannot read the knowledge base revision:" << query.lastError().text();
        return;
    }
    const qint64 revision = query.value(0).toLongLong();
    if (revision == m_revision)
        return;
    m_articles.clear();
    m_documentFrequency.clear();
    m_vocabulary.clear();
    m_vocabularyByLength.clear();
    m_corrections.clear();
    m_synonyms.clear();
    if (!query.exec(QStringLiteral("SELECT id, title, tags, body, source, line, questions FROM "
                                   "kb_articles ORDER BY id"))) {
        qCWarning(lcAi) << "cannot read the knowledge base:" << query.lastError().text();
        return;
    }
    auto addGroup = [this](const QList<QStringList> &group) {
        QStringList all;
        for (const QStringList &terms : group)
            all.append(terms);
        for (const QStringList &terms : group)
            m_synonyms.append({terms, all});
    };
    double totalLength[4] = {};
    while (query.next()) {
        Indexed indexed;
        KbArticle &article = indexed.article;
        article.id = query.value(0).toString();
        article.title = query.value(1).toString();
        article.tags = listFromJson(query.value(2).toString());
        article.body = query.value(3).toString();
        article.source = query.value(4).toString();
        article.line = query.value(5).toInt();
        article.questions = listFromJson(query.value(6).toString());
        QList<QStringList> fields[4];
        fields[Title].append(TextNormalizer::terms(article.title));
        for (const QString &tag : std::as_const(article.tags)) {
            QList<QStringList> group;
            for (const QString &alternative : tag.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
                const QStringList terms = TextNormalizer::terms(alternative);
                if (!terms.isEmpty())
                    group.append(terms);
            }
            fields[Tags].append(group);
            if (group.size() >= 2)
                addGroup(group);
        }
        for (const QString &question : std::as_const(article.questions))
            fields[Questions].append(TextNormalizer::terms(question));
        fields[Body].append(TextNormalizer::terms(article.body));
        for (int f = 0; f < 4; ++f) {
            for (const QStringList &terms : std::as_const(fields[f])) {
                for (const QString &term : terms)
                    ++indexed.frequency[f][term];
                indexed.length[f] += int(terms.size());
                indexed.terms.unite(QSet<QString>(terms.cbegin(), terms.cend()));
                if ((f == Title || f == Questions) && !terms.isEmpty())
                    indexed.phrasings.append(terms);
                if ((f == Tags || f == Questions) && terms.size() >= 2)
                    indexed.phrases.append(terms);
            }
            totalLength[f] += indexed.length[f];
        }
        for (const QString &term : std::as_const(indexed.terms))
            ++m_documentFrequency[term];
        m_articles.append(indexed);
    }
    for (int f = 0; f < 4; ++f)
        m_averageLength[f] = m_articles.isEmpty() ? 0 : totalLength[f] / double(m_articles.size());
    for (const Lexicon::Group &group : Lexicon::builtIn()) {
        addGroup(group);
        for (const QStringList &terms : group)
            m_vocabulary.unite(QSet<QString>(terms.cbegin(), terms.cend()));
    }
    for (auto it = m_documentFrequency.constBegin(); it != m_documentFrequency.constEnd(); ++it)
        m_vocabulary.insert(it.key());
    for (const QString &term : std::as_const(m_vocabulary)) {
        if (term.size() >= m_vocabularyByLength.size())
            m_vocabularyByLength.resize(term.size() + 1);
        m_vocabularyByLength[term.size()].append(term);
    }
    m_revision = revision;
    qCDebug(lcAi) << "knowledge base revision" << revision << "with" << m_articles.size()
                  << "articles";
}

double KnowledgeBase::idf(const QString &term) const
{
    const double n = double(std::max<qsizetype>(m_articles.size(), 1));
    const int df = m_documentFrequency.value(term);
    // A word no article has still counts: a message about something else should not look
    // covered because its few known words match.
    return std::log(1.0 + n / double(std::max(df, 1)));
}

QString KnowledgeBase::correctTypo(const QString &term) const
{
    // The colloquial -in of Jakarta speech ("diasuransiin", "putihin"): what is left is the
    // word, when the knowledge base knows it.
    if (term.size() > 5 && term.endsWith(QLatin1String("in"))) {
        const QString plain = TextNormalizer::stem(term.chopped(2));
        if (m_vocabulary.contains(plain))
            return plain;
    }
    // Only words whose length is within the allowed distance can be that close.
    const int limit = term.size() >= 8 ? 2 : 1;
    QString best;
    int bestDistance = limit + 1;
    int bestFrequency = -1;
    const qsizetype shortest = std::max<qsizetype>(term.size() - limit, 0);
    const qsizetype longest =
        std::min<qsizetype>(term.size() + limit, m_vocabularyByLength.size() - 1);
    for (qsizetype length = shortest; length <= longest; ++length) {
        for (const QString &known : m_vocabularyByLength.at(length)) {
            const int distance = editDistance(term, known, limit);
            if (distance > limit)
                continue;
            const int frequency = m_documentFrequency.value(known);
            if (distance < bestDistance ||
                (distance == bestDistance &&
                 (frequency > bestFrequency || (frequency == bestFrequency && known < best)))) {
                best = known;
                bestDistance = distance;
                bestFrequency = frequency;
            }
        }
    }
    return bestDistance <= limit ? best : term;
}

QStringList KnowledgeBase::correctTypos(const QStringList &terms)
{
    QStringList out;
    out.reserve(terms.size());
    for (const QString &term : terms) {
        if (m_vocabulary.contains(term) || term.size() < 4) {
            out.append(term);
            continue;
        }
        // Customers repeat their misspellings: each is looked for once per revision.
        auto cached = m_corrections.constFind(term);
        if (cached == m_corrections.constEnd()) {
            if (m_corrections.size() >= MaxCachedCorrections)
                m_corrections.clear();
            cached = m_corrections.insert(term, correctTypo(term));
        }
        out.append(cached.value());
    }
    return out;
}

QList<KbHit> KnowledgeBase::search(const QString &text, int limit)
{
    refresh();
    // With no article there is nothing to find, and nothing to correct towards but the lexicon.
    if (m_articles.isEmpty())
        return {};
    return rank(correctTypos(TextNormalizer::terms(text)), limit, QString());
}

QList<KbHit> KnowledgeBase::rank(const QStringList &terms, int limit, const QString &excluded) const
{
    QList<KbHit> hits;
    if (terms.isEmpty() || m_articles.isEmpty())
        return hits;
    const QSet<QString> termSet(terms.cbegin(), terms.cend());
    // Synonyms the message contains, and the further terms they stand for.
    QList<QPair<QStringList, QStringList>> usedSynonyms;
    QSet<QString> expanded;
    for (const auto &synonym : std::as_const(m_synonyms)) {
        const bool present = std::all_of(synonym.first.cbegin(), synonym.first.cend(),
                                         [&](const QString &t) { return termSet.contains(t); });
        if (!present)
            continue;
        usedSynonyms.append(synonym);
        for (const QString &term : synonym.second) {
            if (!termSet.contains(term))
                expanded.insert(term);
        }
    }
    // The weight of a word only one article has: matched counts in such words.
    const double maxIdf = std::log(1.0 + double(m_articles.size()));
    double total = 0, totalKnown = 0;
    for (const QString &term : termSet) {
        total += idf(term);
        if (m_documentFrequency.contains(term))
            totalKnown += idf(term);
    }

    for (const Indexed &indexed : m_articles) {
        if (indexed.article.id == excluded)
            continue;
        auto weighted = [&](const QString &term) {
            double tf = 0;
            for (int f = 0; f < 4; ++f) {
                const int count = indexed.frequency[f].value(term);
                if (count == 0)
                    continue;
                const double norm =
                    m_averageLength[f] > 0 ? 1 - B + B * indexed.length[f] / m_averageLength[f] : 1;
                tf += FieldWeight[f] * count / norm;
            }
            return tf == 0 ? 0.0 : idf(term) * tf / (K1 + tf);
        };
        double score = 0;
        for (const QString &term : termSet)
            score += weighted(term);
        // A synonym group counts once, with its best term: an article listing five synonyms of
        // one word is not five times as relevant.
        for (const auto &synonym : std::as_const(usedSynonyms)) {
            double best = 0;
            for (const QString &term : synonym.second) {
                if (!termSet.contains(term))
                    best = std::max(best, weighted(term));
            }
            score += SynonymWeight * best;
        }
        // A phrase of the article (a tag alternative or a question of two words or more) the
        // message holds whole: "ganti alamat" is more than "ganti" and "alamat" apart.
        for (const QStringList &phrase : indexed.phrases) {
            if (std::all_of(phrase.cbegin(), phrase.cend(), [&](const QString &t) {
                    return termSet.contains(t) || expanded.contains(t);
                })) {
                for (const QString &term : phrase)
                    score += PhraseWeight * idf(term);
            }
        }
        if (score <= 0)
            continue;
        // Coverage: the message's terms the article has, itself or through a synonym.
        QSet<QString> covered;
        for (const QString &term : termSet) {
            if (indexed.terms.contains(term))
                covered.insert(term);
        }
        for (const auto &synonym : std::as_const(usedSynonyms)) {
            if (std::any_of(synonym.second.cbegin(), synonym.second.cend(),
                            [&](const QString &t) { return indexed.terms.contains(t); })) {
                for (const QString &term : synonym.first)
                    covered.insert(term);
            }
        }
        double coveredWeight = 0, coveredKnown = 0;
        for (const QString &term : std::as_const(covered)) {
            coveredWeight += idf(term);
            if (m_documentFrequency.contains(term))
                coveredKnown += idf(term);
        }
        // Phrasing: the best share of one of the article's own phrasings the message holds.
        double phrasing = 0;
        for (const QStringList &own : indexed.phrasings) {
            double all = 0, held = 0;
            for (const QString &term : own) {
                all += idf(term);
                if (termSet.contains(term) || expanded.contains(term))
                    held += idf(term);
            }
            if (all > 0)
                phrasing = std::max(phrasing, held / all);
        }
        hits.append({indexed.article, score, total > 0 ? coveredWeight / total : 0, phrasing,
                     totalKnown > 0 ? std::min(1.0, coveredKnown / totalKnown) : 0,
                     coveredWeight / maxIdf});
    }
    std::sort(hits.begin(), hits.end(), [](const KbHit &a, const KbHit &b) {
        return a.score != b.score ? a.score > b.score : a.article.id < b.article.id;
    });
    // The reranker: among the best candidates, one that covers more of the message moves up
    // (an article that matches one word of it many times does not beat one that has them all).
    // Scores stay BM25F (the confidence compares the first with the runner-up).
    const qsizetype candidates = std::min<qsizetype>(hits.size(), RerankCandidates);
    std::stable_sort(hits.begin(), hits.begin() + candidates, [](const KbHit &a, const KbHit &b) {
        return a.score * (0.5 + 0.5 * a.coverage) > b.score * (0.5 + 0.5 * b.coverage);
    });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

double KnowledgeBase::confidence(const QList<KbHit> &hits)
{
    if (hits.isEmpty() || hits.first().score <= 0)
        return 0;
    const KbHit &first = hits.first();
    const double runnerUp = hits.size() > 1 ? std::max(hits.at(1).score, 0.0) : 0.0;
    const double margin = std::clamp(1.0 - runnerUp / first.score, 0.0, 1.0);
    // A logistic model of "the first hit is the right article", fitted on the tune splits of
    // the three evaluation sets (docs/ai.md): the share of the message covered, the best share
    // of one of the article's phrasings, the lead over the runner-up, and how much specific
    // vocabulary matched. Shifted so that 0.5 (the relay's abstain threshold) is where the
    // model says 70%: the threshold serambi-ai-eval --choose-threshold picks from the
    // reliability data of the tune splits.
    constexpr double AnswerFrom = 0.7;
    const double logit = -6.2 + 2.9 * first.coverage + 1.9 * first.phrasing + 3.3 * margin +
                         2.9 * std::log(1.0 + first.matched) -
                         std::log(AnswerFrom / (1 - AnswerFrom));
    return 1.0 / (1.0 + std::exp(-logit));
}

} // namespace Serambi::Relay
