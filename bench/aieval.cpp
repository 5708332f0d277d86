// serambi-ai-eval: how well the offline drafter answers, hands off and abstains on labelled sets
// of customer messages (docs/ai.md, "Evaluation"). Every set has its own knowledge base and a
// tune and a held-out split (.tsv: kind, expected, message and, optionally, the customer's
// earlier messages in the chat separated by "|"). For every set and split it prints what a
// business sees: answerable messages answered right (a confident draft from the right article),
// answered wrong (a confident draft from a wrong article), abstained and handed off; top-1 and
// top-3; handoff recall and precision; out-of-scope messages not answered. It can also write
// every answerable and out-of-scope message's confidence and correctness (--calibration) and
// draw a reliability diagram of the tune splits (--diagram).
//
// Rows of held-out splits are never printed: they are run to report, not to look at.
#include "ai/kbdrafter.h"
#include "ai/knowledgebase.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#ifdef SERAMBI_AIEVAL_DIAGRAM
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#endif

#include <memory>

using namespace Serambi::Relay;

namespace {

struct Case
{
    QString kind; // answer | handoff | out
    QString expected;
    QString message;
    QStringList history; // the customer's earlier messages in the chat, oldest first
};

struct Split
{
    QString name; // tune | heldout | the file's name
    QString path;
    bool heldOut = false;
};

struct SetSpec
{
    QString name;
    QString kb;
    QList<Split> splits;
};

// One answerable or out-of-scope message: how sure the drafter was, and whether its best
// article was the right one (never for out-of-scope messages).
struct Point
{
    double confidence = 0;
    bool correct = false;
    QString kind;
    bool flagged = false; // handed off by the handoff detector
    KbHit best;
    double runnerUp = 0; // the second hit's score
};

struct Measures
{
    int answerable = 0, top1 = 0, top3 = 0;
    int answeredRight = 0, answeredWrong = 0, abstained = 0, handedOff = 0;
    int handoffs = 0, handoffFlagged = 0, falseHandoffs = 0;
    int outOfScope = 0, outNotAnswered = 0;
    QList<Point> points;
};

QList<Case> readCases(const QString &path, QString *error)
{
    QList<Case> cases;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return cases;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(QLatin1Char('\t'));
        if (fields.size() < 3)
            continue;
        Case c{fields.at(0).trimmed(), fields.at(1).trimmed(), fields.at(2), {}};
        if (fields.size() > 3 && !fields.at(3).trimmed().isEmpty()) {
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

Point pointOf(const KbDecision &decision, bool correct, const QString &kind)
{
    Point point;
    point.confidence = decision.confidence;
    point.correct = correct;
    point.kind = kind;
    if (!decision.hits.isEmpty())
        point.best = decision.hits.first();
    if (decision.hits.size() > 1)
        point.runnerUp = decision.hits.at(1).score;
    return point;
}

Measures evaluate(const KbDrafter &drafter, const QList<Case> &cases, bool printMisses,
                  QTextStream &out)
{
    Measures m;
    for (const Case &c : cases) {
        const KbDecision decision = drafter.decide(c.message, c.history);
        const bool flagged = !decision.handoffReason.isEmpty();
        const QString best =
            decision.hits.isEmpty() ? QStringLiteral("-") : decision.hits.first().article.id;
        if (c.kind == QLatin1String("handoff")) {
            ++m.handoffs;
            m.handoffFlagged += flagged ? 1 : 0;
        } else if (flagged) {
            ++m.falseHandoffs;
        }
        if (c.kind == QLatin1String("answer")) {
            ++m.answerable;
            for (qsizetype i = 0; i < decision.hits.size() && i < 3; ++i) {
                if (decision.hits.at(i).article.id == c.expected) {
                    m.top1 += i == 0 ? 1 : 0;
                    ++m.top3;
                }
            }
            const bool rightFirst = best == c.expected;
            m.points.append(pointOf(decision, rightFirst, c.kind));
            m.points.last().flagged = flagged;
            if (flagged)
                ++m.handedOff;
            else if (decision.abstained)
                ++m.abstained;
            else if (rightFirst)
                ++m.answeredRight;
            else
                ++m.answeredWrong;
            if (printMisses && (flagged || decision.abstained || !rightFirst))
                out << "  "
                    << (flagged              ? "handed off"
                        : decision.abstained ? "abstained"
                                             : "WRONG")
                    << ": " << c.message << " -> " << best << " (want " << c.expected << ") conf "
                    << QString::number(decision.confidence, 'f', 2) << '\n';
        } else if (c.kind == QLatin1String("out")) {
            ++m.outOfScope;
            m.points.append(pointOf(decision, false, c.kind));
            m.points.last().flagged = flagged;
            const bool notAnswered = decision.abstained || flagged;
            m.outNotAnswered += notAnswered ? 1 : 0;
            if (printMisses && !notAnswered)
                out << "  answered out-of-scope: " << c.message << " -> " << best << " conf "
                    << QString::number(decision.confidence, 'f', 2) << '\n';
        }
        if (printMisses && flagged != (c.kind == QLatin1String("handoff")))
            out << "  handoff " << (flagged ? "false alarm: " : "missed: ") << c.message << '\n';
    }
    return m;
}

void printMeasures(const QString &set, const Split &split, const Measures &m, QTextStream &out)
{
    out << set << " / " << split.name << " (" << split.path << ")\n"
        << "  answerable " << m.answerable << ": top-1 " << percent(m.top1, m.answerable)
        << ", top-3 " << percent(m.top3, m.answerable) << "; answered right "
        << percent(m.answeredRight, m.answerable) << ", answered wrong "
        << percent(m.answeredWrong, m.answerable) << ", abstained "
        << percent(m.abstained, m.answerable) << ", handed off "
        << percent(m.handedOff, m.answerable) << '\n'
        << "  handoff " << m.handoffs << ": recall " << percent(m.handoffFlagged, m.handoffs)
        << ", precision " << percent(m.handoffFlagged, m.handoffFlagged + m.falseHandoffs) << '\n'
        << "  out of scope " << m.outOfScope << ": not answered "
        << percent(m.outNotAnswered, m.outOfScope) << '\n';
}

QString markdownRow(const QString &set, const Split &split, const Measures &m)
{
    const QStringList cells = {
        set,
        split.name,
        QStringLiteral("%1 / %2 / %3").arg(m.answerable).arg(m.handoffs).arg(m.outOfScope),
        percent(m.top1, m.answerable),
        percent(m.top3, m.answerable),
        percent(m.answeredRight, m.answerable),
        percent(m.answeredWrong, m.answerable),
        percent(m.abstained, m.answerable),
        percent(m.handedOff, m.answerable),
        percent(m.handoffFlagged, m.handoffs),
        percent(m.handoffFlagged, m.handoffFlagged + m.falseHandoffs),
        percent(m.outNotAnswered, m.outOfScope),
    };
    return QLatin1String("| ") + cells.join(QLatin1String(" | ")) + QLatin1String(" |");
}

// The project's own set and every folder under tests/data/ai holding kb/, tune.tsv and
// heldout.tsv, relative to the working directory (the source tree).
QList<SetSpec> defaultSets()
{
    QList<SetSpec> sets;
    const QString base = QStringLiteral("tests/data/ai");
    sets.append({QStringLiteral("toko"),
                 QStringLiteral("resources/demo/kb"),
                 {{QStringLiteral("tune"), base + QStringLiteral("/tune.tsv"), false},
                  {QStringLiteral("heldout"), base + QStringLiteral("/heldout.tsv"), true}}});
    const QStringList folders = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        const QString dir = base + QLatin1Char('/') + folder;
        if (QFileInfo(dir + QStringLiteral("/kb")).isDir() &&
            QFileInfo::exists(dir + QStringLiteral("/tune.tsv")) &&
            QFileInfo::exists(dir + QStringLiteral("/heldout.tsv")))
            sets.append(
                {folder,
                 dir + QStringLiteral("/kb"),
                 {{QStringLiteral("tune"), dir + QStringLiteral("/tune.tsv"), false},
                  {QStringLiteral("heldout"), dir + QStringLiteral("/heldout.tsv"), true}}});
    }
    return sets;
}

// The abstain threshold the tune splits support: the one (in steps of 0.01) that answers the
// most answerable messages right over all sets while no set answers more than 5% of them wrong
// nor fewer than 80% of its out-of-scope messages; of equals, the highest. -1 when none does.
double chooseThreshold(const QList<QPair<QString, QList<Point>>> &series)
{
    double chosen = -1;
    int bestRight = -1;
    for (int step = 0; step <= 100; ++step) {
        const double t = step / 100.0;
        int right = 0;
        bool ok = true;
        for (const auto &set : series) {
            int answerable = 0, answeredRight = 0, answeredWrong = 0, out = 0, outKept = 0;
            for (const Point &p : set.second) {
                const bool answers = !p.flagged && p.confidence >= t;
                if (p.kind == QLatin1String("answer")) {
                    ++answerable;
                    answeredRight += answers && p.correct ? 1 : 0;
                    answeredWrong += answers && !p.correct ? 1 : 0;
                } else {
                    ++out;
                    outKept += answers ? 0 : 1;
                }
            }
            ok = ok && answeredWrong * 20 <= answerable && outKept * 5 >= out * 4;
            right += answeredRight;
        }
        if (ok && right >= bestRight) {
            bestRight = right;
            chosen = t;
        }
    }
    return chosen;
}

#ifdef SERAMBI_AIEVAL_DIAGRAM
// A reliability diagram: for every set, the share of messages whose best article is right
// against the drafter's confidence, in bins of 0.1 (tune splits only), with the abstain
// threshold each set's drafter used. The dot's area shows how many messages fall in the bin.
bool drawDiagram(const QString &path, const QList<QPair<QString, QList<Point>>> &series,
                 const QList<double> &thresholds)
{
    constexpr int Width = 900, Height = 640, Left = 80, Right = 220, Top = 50, Bottom = 70;
    constexpr int Bins = 10;
    QImage image(Width, Height, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF plot(Left, Top, Width - Left - Right, Height - Top - Bottom);
    auto at = [&](double x, double y) {
        return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height());
    };
    QFont font = p.font();
    font.setPixelSize(14);
    p.setFont(font);
    p.setPen(QColor(220, 220, 220));
    for (int i = 0; i <= 10; ++i) {
        p.drawLine(at(i / 10.0, 0), at(i / 10.0, 1));
        p.drawLine(at(0, i / 10.0), at(1, i / 10.0));
    }
    p.setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    p.drawLine(at(0, 0), at(1, 1));
    p.setPen(Qt::black);
    p.drawRect(plot);
    for (int i = 0; i <= 10; i += 2) {
        const QString label = QString::number(i / 10.0, 'f', 1);
        p.drawText(QRectF(at(i / 10.0, 0) + QPointF(-20, 6), QSizeF(40, 20)), Qt::AlignCenter,
                   label);
        p.drawText(QRectF(at(0, i / 10.0) + QPointF(-50, -10), QSizeF(44, 20)),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + 30, plot.width(), 24), Qt::AlignCenter,
               QStringLiteral("confidence of the drafter"));
    p.save();
    p.translate(22, plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-plot.height() / 2, -12, plot.height(), 24), Qt::AlignCenter,
               QStringLiteral("share whose best article is right"));
    p.restore();
    font.setPixelSize(16);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRectF(0, 10, Width, 30), Qt::AlignCenter,
               QStringLiteral("Reliability of the offline drafter (tune splits)"));
    font.setPixelSize(13);
    font.setBold(false);
    p.setFont(font);

    const QList<QColor> colours = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                   QColor(148, 103, 189), QColor(255, 127, 14)};
    const QColor allColour(40, 40, 40);
    for (qsizetype s = 0; s < series.size(); ++s) {
        const bool all = s + 1 == series.size() && series.at(s).first == QLatin1String("all sets");
        const QColor colour = all ? allColour : colours.at(s % colours.size());
        int count[Bins] = {};
        int right[Bins] = {};
        for (const Point &point : series.at(s).second) {
            const int bin = std::clamp(int(point.confidence * Bins), 0, Bins - 1);
            ++count[bin];
            right[bin] += point.correct ? 1 : 0;
        }
        QList<QPointF> line;
        for (int b = 0; b < Bins; ++b) {
            if (count[b] == 0)
                continue;
            const QPointF centre = at((b + 0.5) / Bins, double(right[b]) / count[b]);
            line.append(centre);
            const double radius = 3 + 2 * std::sqrt(double(count[b]));
            p.setPen(Qt::NoPen);
            QColor fill = colour;
            fill.setAlpha(110);
            p.setBrush(fill);
            p.drawEllipse(centre, radius, radius);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(colour, all ? 3 : 2));
        for (qsizetype i = 1; i < line.size(); ++i)
            p.drawLine(line.at(i - 1), line.at(i));
        if (s < thresholds.size()) {
            p.setPen(QPen(colour, 2, Qt::DotLine));
            p.drawLine(at(thresholds.at(s), 0), at(thresholds.at(s), 1));
        }
        const QPointF legend(plot.right() + 20, plot.top() + 20 + 44 * s);
        p.setPen(QPen(colour, 3));
        p.drawLine(legend, legend + QPointF(24, 0));
        p.setPen(Qt::black);
        p.drawText(QRectF(legend + QPointF(32, -10), QSizeF(Right - 56, 20)),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 (%2 messages)")
                       .arg(series.at(s).first)
                       .arg(series.at(s).second.size()));
        if (s < thresholds.size())
            p.drawText(QRectF(legend + QPointF(32, 8), QSizeF(Right - 56, 20)),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("abstains below %1").arg(thresholds.at(s), 0, 'f', 2));
    }
    p.setPen(QColor(90, 90, 90));
    p.drawText(QRectF(plot.right() + 20, plot.bottom() - 60, Right - 30, 60),
               Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
               QStringLiteral("dot area: messages in the bin; dotted: the threshold"));
    p.end();
    return image.save(path);
}
#endif

void usage(QTextStream &err)
{
    err << "usage: serambi-ai-eval [--set NAME KBDIR TUNE.tsv HELDOUT.tsv]... [--verbose]\n"
           "                       [--markdown] [--calibration FILE.tsv] [--diagram FILE.png]\n"
           "                       [--tune-only] [--choose-threshold]\n"
           "       serambi-ai-eval --kb KBDIR SET.tsv...   (one knowledge base, named splits)\n"
           "Without sets: the project's set (resources/demo/kb, tests/data/ai/*.tsv) and every\n"
           "folder under tests/data/ai with kb/, tune.tsv and heldout.tsv. --verbose prints the\n"
           "misses of tune splits only; rows of held-out splits are never printed.\n";
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef SERAMBI_AIEVAL_DIAGRAM
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments().mid(1);
    QList<SetSpec> sets;
    QString kb;
    QStringList loose;
    QString calibrationPath, diagramPath;
    bool verbose = false, markdown = false, tuneOnly = false, choose = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--set") && i + 4 < args.size()) {
            sets.append({args.at(i + 1),
                         args.at(i + 2),
                         {{QStringLiteral("tune"), args.at(i + 3), false},
                          {QStringLiteral("heldout"), args.at(i + 4), true}}});
            i += 4;
        } else if (arg == QLatin1String("--kb") && i + 1 < args.size()) {
            kb = args.at(++i);
        } else if (arg == QLatin1String("--calibration") && i + 1 < args.size()) {
            calibrationPath = args.at(++i);
        } else if (arg == QLatin1String("--diagram") && i + 1 < args.size()) {
            diagramPath = args.at(++i);
        } else if (arg == QLatin1String("--verbose")) {
            verbose = true;
        } else if (arg == QLatin1String("--choose-threshold")) {
            choose = true;
        } else if (arg == QLatin1String("--tune-only")) {
            tuneOnly = true;
        } else if (arg == QLatin1String("--markdown")) {
            markdown = true;
        } else if (arg.startsWith(QLatin1String("-"))) {
            usage(err);
            return arg == QLatin1String("--help") || arg == QLatin1String("-h") ? 0 : 2;
        } else {
            loose.append(arg);
        }
    }
    if (!loose.isEmpty()) {
        SetSpec set{
            QFileInfo(kb).fileName(), kb.isEmpty() ? QStringLiteral("resources/demo/kb") : kb, {}};
        for (const QString &path : std::as_const(loose)) {
            const QString name = QFileInfo(path).completeBaseName();
            set.splits.append({name, path, name.contains(QLatin1String("heldout"))});
        }
        sets.append(set);
    }
    if (sets.isEmpty())
        sets = defaultSets();

    QFile calibration(calibrationPath);
    QTextStream calibrationOut;
    if (!calibrationPath.isEmpty()) {
        if (!calibration.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err << "serambi-ai-eval: " << calibrationPath << ": " << calibration.errorString()
                << '\n';
            return 1;
        }
        calibrationOut.setDevice(&calibration);
        calibrationOut << "set\tsplit\tkind\tconfidence\tcorrect\tcoverage\tphrasing\tscore\t"
                          "runner_up\tknown_coverage\tmatched\n";
    }
    QStringList table;
    QList<QPair<QString, QList<Point>>> series;
    QList<double> thresholds;
    int status = 0;
    for (qsizetype s = 0; s < sets.size(); ++s) {
        const SetSpec &set = sets.at(s);
        QTemporaryDir scratch;
        QString error;
        const QString connection = QStringLiteral("eval-%1").arg(s);
        {
            QSqlDatabase db = openDatabase(scratch.filePath(QStringLiteral("eval.sqlite")),
                                           connection, SyncMode::Normal, &error);
            if (!db.isOpen() || !KnowledgeBase::createSchema(db, &error)) {
                err << "serambi-ai-eval: " << error << '\n';
                return 1;
            }
            const auto report = KnowledgeBase::import(db, set.kb, 0, &error);
            if (!report || report->articles == 0) {
                err << "serambi-ai-eval: cannot import the knowledge base " << set.kb << ": "
                    << error << '\n';
                return 1;
            }
            KnowledgeBase knowledgeBase(db);
            const KbDrafter drafter(&knowledgeBase, KbDrafterOptions{});
            QList<Point> tunePoints;
            for (const Split &split : set.splits) {
                if (tuneOnly && split.heldOut)
                    continue;
                const QList<Case> cases = readCases(split.path, &error);
                if (cases.isEmpty()) {
                    err << "serambi-ai-eval: no cases in " << split.path << ' ' << error << '\n';
                    status = 1;
                    continue;
                }
                const Measures m = evaluate(drafter, cases, verbose && !split.heldOut, out);
                printMeasures(set.name, split, m, out);
                table.append(markdownRow(set.name, split, m));
                if (!split.heldOut)
                    tunePoints.append(m.points);
                for (const Point &point : m.points) {
                    if (calibrationOut.device())
                        calibrationOut << set.name << '\t' << split.name << '\t' << point.kind
                                       << '\t' << QString::number(point.confidence, 'f', 4) << '\t'
                                       << (point.correct ? 1 : 0) << '\t'
                                       << QString::number(point.best.coverage, 'f', 4) << '\t'
                                       << QString::number(point.best.phrasing, 'f', 4) << '\t'
                                       << QString::number(point.best.score, 'f', 4) << '\t'
                                       << QString::number(point.runnerUp, 'f', 4) << '\t'
                                       << QString::number(point.best.knownCoverage, 'f', 4) << '\t'
                                       << QString::number(point.best.matched, 'f', 4) << '\n';
                }
            }
            series.append({set.name, tunePoints});
            thresholds.append(KbDrafterOptions{}.abstainBelow);
        }
        closeDatabase(connection);
    }
    if (choose) {
        const double t = chooseThreshold(series);
        out << "abstain threshold the tune splits support: "
            << (t < 0 ? QStringLiteral("none") : QString::number(t, 'f', 2)) << '\n';
    }
    if (markdown) {
        out << "\n| set | split | answerable / handoff / out | top-1 | top-3 | answered right | "
               "answered wrong | abstained | handed off | handoff recall | handoff precision | "
               "out-of-scope not answered |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            << table.join(QLatin1Char('\n')) << '\n';
    }
    if (!diagramPath.isEmpty()) {
#ifdef SERAMBI_AIEVAL_DIAGRAM
        // All sets together: fewer messages per set make noisy bins.
        QList<QPair<QString, QList<Point>>> drawn = series;
        if (series.size() > 1) {
            QList<Point> all;
            for (const auto &set : series)
                all.append(set.second);
            drawn.append({QStringLiteral("all sets"), all});
            thresholds.append(KbDrafterOptions{}.abstainBelow);
        }
        if (!drawDiagram(diagramPath, drawn, thresholds)) {
            err << "serambi-ai-eval: cannot write " << diagramPath << '\n';
            return 1;
        }
#else
        err << "serambi-ai-eval: built without Qt Gui (SERAMBI_BUILD_CONSOLE off): no diagram\n";
        return 1;
#endif
    }
    return status;
}
