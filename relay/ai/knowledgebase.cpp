#include "knowledgebase.h"

#include "kbreader.h"
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
    return QString::fromLatin1(hash.result().toHex());
}

QString joinedTerms(const QString &text)
{
    return TextNormalizer::terms(text).join(QLatin1Char(' '));
}

// An FTS5 query that can only mean "any of these words": every term is a quoted string.
QString ftsQuery(const QStringList &terms)
{
    QStringList quoted;
    for (const QString &term : terms) {
        QString escaped = term;
        escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
        quoted.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
    }
    return quoted.join(QLatin1String(" OR "));
}

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
    // Articles as imported, and an FTS5 index of their normalised terms (textnormalizer.h)
    // ranked with BM25. kb_revision changes on every import so a running relay notices.
    const QStringList statements = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS kb_articles (id TEXT PRIMARY KEY, title TEXT "
                       "NOT NULL, tags TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL, source "
                       "TEXT NOT NULL, line INTEGER NOT NULL, checksum TEXT NOT NULL, updated_at "
                       "INTEGER NOT NULL)"),
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS kb_index USING fts5(article_id "
                       "UNINDEXED, title, tags, body, tokenize = 'unicode61')"),
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
    upsert.prepare(QStringLiteral(
        "INSERT INTO kb_articles (id, title, tags, body, source, line, checksum, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
        "tags = excluded.tags, body = excluded.body, source = excluded.source, line = "
        "excluded.line, checksum = excluded.checksum, updated_at = excluded.updated_at"));
    QSqlQuery index(db);
    index.prepare(
        QStringLiteral("INSERT INTO kb_index (article_id, title, tags, body) VALUES (?, ?, ?, ?)"));
    if (!query.exec(QStringLiteral("DELETE FROM kb_index")))
        return fail(db, query, error);
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
            upsert.addBindValue(article.id);
            upsert.addBindValue(article.title);
            upsert.addBindValue(
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(article.tags))
                                      .toJson(QJsonDocument::Compact)));
            upsert.addBindValue(article.body);
            upsert.addBindValue(article.source);
            upsert.addBindValue(article.line);
            upsert.addBindValue(sum);
            upsert.addBindValue(nowMs);
            if (!upsert.exec())
                return fail(db, upsert, error);
        }
        index.addBindValue(article.id);
        index.addBindValue(joinedTerms(article.title));
        index.addBindValue(joinedTerms(
            article.tags.join(QLatin1Char(' ')).replace(QLatin1Char('/'), QLatin1Char(' '))));
        index.addBindValue(joinedTerms(article.body));
        if (!index.exec())
            return fail(db, index, error);
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
    m_articleTerms.clear();
    m_documentFrequency.clear();
    m_synonyms.clear();
    if (!query.exec(
            QStringLiteral("SELECT id, title, tags, body, source, line FROM kb_articles"))) {
        qCWarning(lcAi) << "cannot read the knowledge base:" << query.lastError().text();
        return;
    }
    while (query.next()) {
        KbArticle article;
        article.id = query.value(0).toString();
        article.title = query.value(1).toString();
        const QJsonArray tags = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).array();
        for (const QJsonValue &tag : tags)
            article.tags.append(tag.toString());
        article.body = query.value(3).toString();
        article.source = query.value(4).toString();
        article.line = query.value(5).toInt();
        QSet<QString> terms;
        const QString tagText =
            article.tags.join(QLatin1Char(' ')).replace(QLatin1Char('/'), QLatin1Char(' '));
        for (const QString &text : {article.title, tagText, article.body}) {
            const QStringList list = TextNormalizer::terms(text);
            terms.unite(QSet<QString>(list.cbegin(), list.cend()));
        }
        for (const QString &term : std::as_const(terms))
            ++m_documentFrequency[term];
        for (const QString &tag : std::as_const(article.tags)) {
            const QStringList alternatives = tag.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            if (alternatives.size() < 2)
                continue;
            QStringList all;
            for (const QString &alternative : alternatives)
                all.append(TextNormalizer::terms(alternative));
            for (const QString &alternative : alternatives) {
                const QStringList own = TextNormalizer::terms(alternative);
                if (!own.isEmpty())
                    m_synonyms.append({own, all});
            }
        }
        m_articleTerms.insert(article.id, terms);
        m_articles.insert(article.id, article);
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

QStringList KnowledgeBase::correctTypos(const QStringList &terms) const
{
    QStringList out;
    for (const QString &term : terms) {
        if (m_documentFrequency.contains(term) || term.size() < 4) {
            out.append(term);
            continue;
        }
        const int limit = term.size() >= 8 ? 2 : 1;
        QString best;
        int bestDistance = limit + 1;
        int bestFrequency = 0;
        for (auto it = m_documentFrequency.constBegin(); it != m_documentFrequency.constEnd();
             ++it) {
            const int distance = editDistance(term, it.key(), limit);
            if (distance < bestDistance ||
                (distance == bestDistance && it.value() > bestFrequency)) {
                best = it.key();
                bestDistance = distance;
                bestFrequency = it.value();
            }
        }
        out.append(bestDistance <= limit ? best : term);
    }
    return out;
}

QList<KbHit> KnowledgeBase::search(const QString &text, int limit)
{
    refresh();
    QList<KbHit> hits;
    const QStringList terms = correctTypos(TextNormalizer::terms(text));
    if (terms.isEmpty() || m_articles.isEmpty())
        return hits;
    const QSet<QString> termSet(terms.cbegin(), terms.cend());
    QSet<QString> expanded = termSet;
    // Query terms covered through a tag synonym, with the terms that stand for them.
    QList<QPair<QStringList, QStringList>> usedSynonyms;
    for (const auto &synonym : std::as_const(m_synonyms)) {
        const bool present = std::all_of(synonym.first.cbegin(), synonym.first.cend(),
                                         [&](const QString &t) { return termSet.contains(t); });
        if (present) {
            expanded.unite(QSet<QString>(synonym.second.cbegin(), synonym.second.cend()));
            usedSynonyms.append(synonym);
        }
    }
    QStringList queryTerms(expanded.cbegin(), expanded.cend());
    queryTerms.sort();

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT article_id, bm25(kb_index, 0.0, 3.0, 4.0, 1.0) AS rank "
                                 "FROM kb_index WHERE kb_index MATCH ? ORDER BY rank LIMIT ?"));
    query.addBindValue(ftsQuery(queryTerms));
    query.addBindValue(limit);
    if (!query.exec()) {
        qCWarning(lcAi) << "knowledge base search failed:" << query.lastError().text();
        return hits;
    }
    double total = 0;
    for (const QString &term : termSet)
        total += idf(term);
    while (query.next()) {
        const auto article = m_articles.constFind(query.value(0).toString());
        if (article == m_articles.constEnd())
            continue;
        const QSet<QString> &has = m_articleTerms[article->id];
        double covered = 0;
        for (const QString &term : termSet) {
            bool found = has.contains(term);
            for (qsizetype i = 0; !found && i < usedSynonyms.size(); ++i) {
                const auto &synonym = usedSynonyms.at(i);
                found = synonym.first.contains(term) &&
                        std::any_of(synonym.second.cbegin(), synonym.second.cend(),
                                    [&](const QString &t) { return has.contains(t); });
            }
            if (found)
                covered += idf(term);
        }
        hits.append({*article, -query.value(1).toDouble(), total > 0 ? covered / total : 0});
    }
    return hits;
}

} // namespace Serambi::Relay
