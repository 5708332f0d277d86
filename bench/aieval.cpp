// serambi-ai-eval: how well the offline drafter answers, hands off and abstains on a labelled
// set of customer messages (tests/data/ai/*.tsv: kind, expected, message and, optionally, the
// customer's earlier messages in the chat separated by "|"; docs/ai.md). Imports a knowledge base
// into a scratch database, runs every message and prints top-1/top-3 accuracy on answerable
// messages, handoff precision/recall, and the abstention rate on out-of-scope messages.
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Serambi::Relay;

namespace {

struct Case
{
    QString kind; // answer | handoff | out
    QString expected;
    QString message;
    QStringList history; // the customer's earlier messages in the chat, oldest first
};

QList<Case> readCases(const QString &path, QString *error)
{
    QList<Case> cases;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return cases;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(QLatin1Char('\t'));
        if (fields.size() < 3)
            continue;
        Case c{fields.at(0), fields.at(1), fields.at(2), {}};
        if (fields.size() > 3) {
            for (const QString &earlier : fields.at(3).split(QLatin1Char('|')))
                c.history.append(earlier.trimmed());
        }
        cases.append(c);
    }
    return cases;
}

QString percent(int part, int whole)
{
    return whole == 0 ? QStringLiteral("n/a")
                      : QString::number(100.0 * part / whole, 'f', 1) + QLatin1Char('%');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluates the offline AI drafter."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("kb"), QStringLiteral("knowledge base folder"),
                      QStringLiteral("path"), QStringLiteral("resources/demo/kb")});
    parser.addOption({QStringLiteral("abstain-below"), QStringLiteral("abstain threshold"),
                      QStringLiteral("ratio"), QStringLiteral("0.5")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("print every miss")});
    parser.addPositionalArgument(QStringLiteral("set"), QStringLiteral("labelled .tsv file(s)"));
    parser.process(app);

    QTemporaryDir scratch;
    QString error;
    QSqlDatabase db = openDatabase(scratch.filePath(QStringLiteral("eval.sqlite")),
                                   QStringLiteral("eval"), SyncMode::Normal, &error);
    if (!db.isOpen() || !KnowledgeBase::createSchema(db, &error)) {
        err << "serambi-ai-eval: " << error << '\n';
        return 1;
    }
    const auto report = KnowledgeBase::import(db, parser.value(QStringLiteral("kb")), 0, &error);
    if (!report || report->articles == 0) {
        err << "serambi-ai-eval: cannot import the knowledge base: " << error << '\n';
        return 1;
    }
    KnowledgeBase knowledgeBase(db);
    KbDrafterOptions options;
    options.abstainBelow = parser.value(QStringLiteral("abstain-below")).toDouble();
    const KbDrafter drafter(&knowledgeBase, options);
    const bool verbose = parser.isSet(QStringLiteral("verbose"));

    for (const QString &set : parser.positionalArguments()) {
        const QList<Case> cases = readCases(set, &error);
        int answerable = 0, top1 = 0, top3 = 0, answered = 0;
        int handoffs = 0, handoffFlagged = 0, falseHandoffs = 0;
        int outOfScope = 0, abstained = 0;
        for (const Case &c : cases) {
            const KbDecision decision = drafter.decide(c.message, c.history);
            const bool flagged = !decision.handoffReason.isEmpty();
            if (c.kind == QLatin1String("handoff")) {
                ++handoffs;
                handoffFlagged += flagged ? 1 : 0;
            } else if (flagged) {
                ++falseHandoffs;
            }
            if (c.kind == QLatin1String("answer")) {
                ++answerable;
                for (qsizetype i = 0; i < decision.hits.size() && i < 3; ++i) {
                    if (decision.hits.at(i).article.id == c.expected) {
                        top1 += i == 0 ? 1 : 0;
                        ++top3;
                    }
                }
                const bool right = !decision.abstained && !flagged && !decision.hits.isEmpty() &&
                                   decision.hits.first().article.id == c.expected;
                answered += right ? 1 : 0;
                if (verbose && !right)
                    out << "  miss: " << c.message << " -> "
                        << (decision.hits.isEmpty() ? QStringLiteral("-")
                                                    : decision.hits.first().article.id)
                        << " conf " << QString::number(decision.confidence, 'f', 2) << '\n';
            } else if (c.kind == QLatin1String("out")) {
                ++outOfScope;
                abstained += decision.abstained || flagged ? 1 : 0;
                if (verbose && !decision.abstained)
                    out << "  answered out-of-scope: " << c.message << " -> "
                        << decision.hits.first().article.id << " conf "
                        << QString::number(decision.confidence, 'f', 2) << '\n';
            }
            if (verbose && flagged != (c.kind == QLatin1String("handoff")))
                out << "  handoff " << (flagged ? "false alarm: " : "missed: ") << c.message
                    << '\n';
        }
        const int truePositives = handoffFlagged;
        out << set << ": " << cases.size() << " messages\n"
            << "  answerable " << answerable << ": top-1 " << percent(top1, answerable)
            << ", top-3 " << percent(top3, answerable) << ", answered right (not abstained) "
            << percent(answered, answerable) << '\n'
            << "  handoff " << handoffs << ": recall " << percent(truePositives, handoffs)
            << ", precision " << percent(truePositives, truePositives + falseHandoffs) << '\n'
            << "  out of scope " << outOfScope << ": abstained " << percent(abstained, outOfScope)
            << '\n';
    }
    db = QSqlDatabase();
    closeDatabase(QStringLiteral("eval"));
    return 0;
}
