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

// An article a customer message matched. score is BM25 (higher is better); coverage is the
// share of the message's information (IDF-weighted terms) the article contains, 0..1.
struct KbHit
{
    KbArticle article;
    double score = 0;
    double coverage = 0;
};

// The knowledge base in the relay's SQLite file: articles in kb_articles, their normalised
// terms in the FTS5 table kb_index, ranked with BM25. Reads through a connection of the
// calling thread and notices a new import (kb_revision) before every search.
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

private:
    void refresh();
    QStringList correctTypos(const QStringList &terms) const;
    double idf(const QString &term) const;

    QSqlDatabase m_db;
    qint64 m_revision = -1;
    QHash<QString, KbArticle> m_articles;
    QHash<QString, QSet<QString>> m_articleTerms;
    QHash<QString, int> m_documentFrequency;
    // Each tag alternative's terms -> the terms of every alternative of that tag.
    QList<QPair<QStringList, QStringList>> m_synonyms;
};

} // namespace Serambi::Relay
