#pragma once

#include "kbarticle.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace Serambi::Relay {

// What `kb import` did.
struct KbImportReport
{
    int articles = 0; // in the knowledge base now
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    QList<KbProblem> problems;
};

// An article a customer message matched. score is BM25F over the article's fields (higher is
// better); coverage is the share of the message's information (IDF-weighted terms) the article
// contains, 0..1; phrasing is the largest share of one of the article's own phrasings (its
// title or a question) the message contains, 0..1.
struct KbHit
{
    KbArticle article;
    double score = 0;
    double coverage = 0;
    double phrasing = 0;
    // Like coverage, over the message's words that some article has (not names, places,
    // details of the customer's situation), and the IDF weight of the words covered.
    double knownCoverage = 0;
    double matched = 0;
};

// The knowledge base in the relay's SQLite file: articles in kb_articles, read into memory and
// ranked with BM25F over their normalised title, tags, questions and body, with the tags' and
// the built-in lexicon's synonyms (docs/ai.md). Reads through a connection of the calling thread
// and notices a new import (kb_revision) before every search.
class KnowledgeBase
{
public:
    explicit KnowledgeBase(const QSqlDatabase &db);

    // Creates the knowledge base's tables in db when missing. The knowledge base lives in its
    // own file (kb.sqlite beside relay.sqlite): it is rebuilt by imports, never migrated.
    static bool createSchema(QSqlDatabase &db, QString *error);

    // Replaces the knowledge base with the articles under path in one transaction: importing
    // the same files again changes nothing. Nothing is replaced when path holds no valid
    // article; problems are reported either way. nullopt with *error when path is missing or
    // the database fails.
    static std::optional<KbImportReport> import(QSqlDatabase &db, const QString &path, qint64 nowMs,
                                                QString *error);

    // The best articles for text, best first. Customer text is only ever bound as quoted
    // terms, never as FTS5 query syntax.
    QList<KbHit> search(const QString &text, int limit = 3);
    int size();

    // Every article, by id.
    QList<KbArticle> articles();
    // Adds or replaces one article (an edit from the console) and bumps kb_revision, so the
    // next search ranks with it. false with *error when the database fails.
    bool save(const KbArticle &article, qint64 nowMs, QString *error);
    // Removes one article and bumps kb_revision. false without *error when there was no such
    // article; nullopt with *error when the database fails.
    std::optional<bool> remove(const QString &id, QString *error);

    // How sure the drafter may be that the first hit answers, 0..1 (docs/ai.md, "Confidence").
    static double confidence(const QList<KbHit> &hits);

private:
    struct Indexed
    {
        KbArticle article;
        QHash<QString, int> frequency[4]; // title, tags, questions, body
        int length[4] = {};
        QSet<QString> terms;
        QList<QStringList> phrasings; // title, questions
        QList<QStringList> phrases;   // tag alternatives and questions of two terms or more
    };

    void refresh();
    QStringList correctTypos(const QStringList &terms);
    QString correctTypo(const QString &term) const;
    double idf(const QString &term) const;
    QList<KbHit> rank(const QStringList &terms, int limit, const QString &excluded) const;

    QSqlDatabase m_db;
    qint64 m_revision = -1;
    QList<Indexed> m_articles;
    QHash<QString, int> m_documentFrequency;
    double m_averageLength[4] = {};
    // Words the typo corrector may correct towards: the articles' and the lexicon's terms.
    QSet<QString> m_vocabulary;
    // The same words by their length (index): a correction only compares words of about the
    // term's length.
    QList<QStringList> m_vocabularyByLength;
    // Misspelt term -> its correction (or itself) for this revision, at most
    // MaxCachedCorrections of them.
    static constexpr qsizetype MaxCachedCorrections = 4096;
    QHash<QString, QString> m_corrections;
    // Each synonym's terms -> the terms of every synonym of its group (tags and lexicon).
    QList<QPair<QStringList, QStringList>> m_synonyms;
};

} // namespace Serambi::Relay
