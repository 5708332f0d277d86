#include "kbadmin.h"

#include "admindatabase.h"
#include "ai/kbdrafter.h"
#include "ai/kbreader.h"
#include "ai/knowledgebase.h"
#include "config/relayconfig.h"
#include "store/database.h"
#include "store/draftrepo.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>

namespace Serambi::Relay {

namespace {

const QString KbConnection = QStringLiteral("serambi-kb-admin");

// Opens a knowledge-base file (creating its tables) for one verb; closes it when done.
class KbDatabase
{
public:
    KbDatabase(const QString &path, QString *error)
    {
        m_db = openDatabase(path, KbConnection, SyncMode::Full, error);
        if (m_db.isOpen() && !KnowledgeBase::createSchema(m_db, error))
            m_db.close();
    }
    ~KbDatabase()
    {
        m_db = QSqlDatabase();
        closeDatabase(KbConnection);
    }
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
};

void printProblems(const KbImportReport &report, QTextStream &err)
{
    for (const KbProblem &problem : report.problems)
        err << problem.file << ':' << problem.line << ": " << problem.message << '\n';
}

QJsonObject decisionJson(const QString &message, const KbDecision &decision)
{
    QJsonArray hits;
    for (const KbHit &hit : decision.hits) {
        hits.append(QJsonObject{{QLatin1String("id"), hit.article.id},
                                {QLatin1String("title"), hit.article.title},
                                {QLatin1String("score"), hit.score},
                                {QLatin1String("coverage"), hit.coverage}});
    }
    const DraftResult &draft = decision.draft;
    return {
        {QLatin1String("message"), message},
        {QLatin1String("articles"), hits},
        {QLatin1String("confidence"), decision.confidence},
        {QLatin1String("abstained"), decision.abstained},
        {QLatin1String("handoff"), !decision.handoffReason.isEmpty()},
        {QLatin1String("handoff_reason"), decision.handoffReason.isEmpty()
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(decision.handoffReason)},
        {QLatin1String("address"), decision.address},
        {QLatin1String("draft"),
         QJsonObject{{QLatin1String("text"), draft.text},
                     {QLatin1String("confidence"), draft.confidence},
                     {QLatin1String("sources"), QJsonArray::fromStringList(draft.sources)},
                     {QLatin1String("handoff"), draft.handoff}}},
    };
}

void printDecision(const KbDecision &decision, QTextStream &out)
{
    out << "articles:\n";
    if (decision.hits.isEmpty())
        out << "  (none)\n";
    int rank = 1;
    for (const KbHit &hit : decision.hits) {
        out << "  " << rank++ << ". " << hit.article.id << "  score "
            << QString::number(hit.score, 'f', 2) << "  coverage "
            << QString::number(hit.coverage, 'f', 2) << "  " << hit.article.title << '\n';
    }
    out << "confidence: " << QString::number(decision.confidence, 'f', 2)
        << (decision.abstained ? " (abstains)" : " (answers)") << '\n';
    out << "handoff: "
        << (decision.handoffReason.isEmpty() ? QStringLiteral("no") : decision.handoffReason)
        << '\n';
    out << "draft (" << decision.address << ", sources: "
        << (decision.draft.sources.isEmpty() ? QStringLiteral("none")
                                             : decision.draft.sources.join(QLatin1String(", ")))
        << "):\n"
        << decision.draft.text << '\n';
}

} // namespace

int importKnowledgeBase(const RelayConfig &config, const QString &path, QTextStream &out,
                        QTextStream &err)
{
    QString error;
    KbDatabase database(config.knowledgeBasePath(), &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open the database: " << error << '\n';
        return 1;
    }
    const auto report =
        KnowledgeBase::import(database.db(), path, QDateTime::currentMSecsSinceEpoch(), &error);
    if (!report) {
        err << "serambi-relay: kb import: " << error << '\n';
        return 1;
    }
    printProblems(*report, err);
    const int read = report->added + report->updated + report->unchanged;
    if (read == 0) {
        err << "serambi-relay: kb import: no article found in " << path
            << "; the knowledge base is unchanged (" << report->articles << " articles)\n";
        return 1;
    }
    out << "kb import: " << report->articles << " articles (" << report->added << " added, "
        << report->updated << " updated, " << report->unchanged << " unchanged, " << report->removed
        << " removed), " << report->problems.size() << " problems\n";
    return 0;
}

int exportKnowledgeBase(const RelayConfig &config, const QString &dir, QTextStream &out,
                        QTextStream &err)
{
    QString error;
    KbDatabase database(config.knowledgeBasePath(), &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open the database: " << error << '\n';
        return 1;
    }
    if (!QDir().mkpath(dir)) {
        err << "serambi-relay: kb export: cannot create " << dir << '\n';
        return 1;
    }
    KnowledgeBase knowledgeBase(database.db());
    const QList<KbArticle> articles = knowledgeBase.articles();
    for (const KbArticle &article : articles) {
        QSaveFile file(QDir(dir).filePath(article.id + QStringLiteral(".md")));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(KbReader::toMarkdown(article).toUtf8()) < 0 || !file.commit()) {
            err << "serambi-relay: kb export: cannot write " << file.fileName() << ": "
                << file.errorString() << '\n';
            return 1;
        }
    }
    out << "kb export: " << articles.size() << " articles written to " << dir << '\n';
    return 0;
}

int queryKnowledgeBase(const RelayConfig &config, const QString &kbPath, bool json,
                       const QString &message, QTextStream &out, QTextStream &err)
{
    QTemporaryDir scratch;
    const QString path = kbPath.isEmpty() ? config.knowledgeBasePath()
                                          : scratch.filePath(QStringLiteral("kb.sqlite"));
    QString error;
    KbDatabase database(path, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open the database: " << error << '\n';
        return 1;
    }
    if (!kbPath.isEmpty()) {
        const auto report = KnowledgeBase::import(database.db(), kbPath,
                                                  QDateTime::currentMSecsSinceEpoch(), &error);
        if (!report) {
            err << "serambi-relay: kb query: " << error << '\n';
            return 1;
        }
        printProblems(*report, err);
    }
    KnowledgeBase knowledgeBase(database.db());
    KbDrafterOptions options;
    options.abstainBelow = config.aiAbstainThreshold;
    options.handoffKeywords = config.aiHandoffKeywords;
    const KbDrafter drafter(&knowledgeBase, options);
    const KbDecision decision = drafter.decide(message);
    if (json)
        out << QJsonDocument(decisionJson(message, decision)).toJson(QJsonDocument::Indented);
    else
        printDecision(decision, out);
    return 0;
}

int listLlmTokens(const RelayConfig &config, QTextStream &out, QTextStream &err)
{
    QString error;
    AdminDatabase database(config, &error);
    if (!database.isOpen()) {
        err << "serambi-relay: cannot open " << config.databasePath() << ": " << error << '\n';
        return 1;
    }
    for (const DraftRepo::LlmTokenCount &count : DraftRepo::llmTokens(database.db()))
        out << count.conversationId << '\t' << count.waId << '\t' << count.tokens << '\n';
    out << "total\t\t" << DraftRepo::llmTokensTotal(database.db()) << '\n';
    return 0;
}

} // namespace Serambi::Relay
