#include "kbreader.h"

#include "textnormalizer.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace Serambi::Relay::KbReader {

namespace {

QStringList parseTags(QString value)
{
    value = value.trimmed();
    if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
        value = value.mid(1, value.size() - 2);
    QStringList tags;
    for (const QString &tag : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString clean = tag.trimmed();
        if (clean.size() >= 2 &&
            (clean.startsWith(QLatin1Char('"')) || clean.startsWith(QLatin1Char('\''))))
            clean = clean.mid(1, clean.size() - 2);
        if (!clean.isEmpty())
            tags.append(clean);
    }
    return tags;
}

// A flow list of phrasings: ["a, b?", 'c', d]. Quoted items may hold commas; a doubled quote
// inside stands for itself.
QStringList parseFlowList(QString value)
{
    value = value.trimmed();
    if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
        value = value.mid(1, value.size() - 2);
    QStringList items;
    QString item;
    QChar quote;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (!quote.isNull()) {
            if (c == quote && i + 1 < value.size() && value.at(i + 1) == quote) {
                item.append(c);
                ++i;
            } else if (c == quote) {
                quote = QChar();
            } else {
                item.append(c);
            }
        } else if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) && item.trimmed().isEmpty()) {
            quote = c;
            item.clear();
        } else if (c == QLatin1Char(',')) {
            if (!item.trimmed().isEmpty())
                items.append(item.trimmed());
            item.clear();
        } else {
            item.append(c);
        }
    }
    if (!item.trimmed().isEmpty())
        items.append(item.trimmed());
    return items;
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 &&
        (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) &&
        value.endsWith(value.at(0)))
        value = value.mid(1, value.size() - 2);
    return value;
}

// A slug of text for ids of CSV rows without an id column.
QString slug(const QString &text)
{
    const QStringList words =
        TextNormalizer::fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out = words.mid(0, 6).join(QLatin1Char('-'));
    return out.left(48);
}

struct CsvRow
{
    int line = 0;
    QStringList fields;
    bool unterminated = false;
};

QList<CsvRow> splitCsv(const QString &text)
{
    QList<CsvRow> rows;
    CsvRow row;
    QString field;
    bool quoted = false;
    bool rowStarted = false;
    int line = 1;
    row.line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            rowStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.fields.append(field);
            field.clear();
            rowStarted = true;
        } else if (c == QLatin1Char('\n')) {
            if (rowStarted || !field.isEmpty()) {
                row.fields.append(field);
                rows.append(row);
            }
            ++line;
            row = CsvRow{line, {}, false};
            field.clear();
            rowStarted = false;
        } else if (c != QLatin1Char('\r')) {
            field.append(c);
            rowStarted = true;
        }
    }
    if (rowStarted || !field.isEmpty()) {
        row.fields.append(field);
        row.unterminated = quoted;
        rows.append(row);
    }
    return rows;
}

} // namespace

bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

QString toMarkdown(const KbArticle &article)
{
    // Every value quoted: unquote() takes off the outer quotes only, so any text comes back.
    auto quoted = [](const QString &value) -> QString {
        return QLatin1Char('"') + value + QLatin1Char('"');
    };
    QString out = QStringLiteral("---\nid: ") + article.id + QStringLiteral("\ntitle: ") +
                  quoted(article.title) + QLatin1Char('\n');
    auto list = [&](QLatin1String key, const QStringList &items) {
        if (items.isEmpty())
            return;
        out += key + QStringLiteral(":\n");
        for (const QString &item : items)
            out += QStringLiteral("  - ") + quoted(item) + QLatin1Char('\n');
    };
    list(QLatin1String("tags"), article.tags);
    list(QLatin1String("questions"), article.questions);
    return out + QStringLiteral("---\n\n") + article.body + QLatin1Char('\n');
}

std::optional<KbArticle> parseMarkdown(const QString &file, const QString &text,
                                       QList<KbProblem> *problems)
{
    auto problem = [&](int line, const QString &message) {
        problems->append({file, line, message});
        return std::nullopt;
    };
    if (text.trimmed().isEmpty())
        return problem(1, QStringLiteral("empty file"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.first().trimmed() != QLatin1String("---"))
        return problem(1, QStringLiteral("no front matter: the file must start with a --- line"));
    KbArticle article;
    article.source = file;
    article.line = 1;
    int end = -1;
    // The key whose value is a block list ("questions:" then "- ..." lines), if any.
    QString listKey;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line == QLatin1String("---")) {
            end = i;
            break;
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('-')) && !listKey.isEmpty()) {
            const QString item = unquote(line.mid(1));
            if (item.isEmpty())
                continue;
            if (listKey == QLatin1String("questions"))
                article.questions.append(item);
            else
                article.tags.append(item);
            continue;
        }
        listKey.clear();
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            problem(i + 1, QStringLiteral("bad front matter line (expected key: value)"));
            continue;
        }
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1);
        if (value.trimmed().isEmpty() &&
            (key == QLatin1String("questions") || key == QLatin1String("tags")))
            listKey = key;
        if (key == QLatin1String("id"))
            article.id = unquote(value);
        else if (key == QLatin1String("title"))
            article.title = unquote(value);
        else if (key == QLatin1String("tags"))
            article.tags = parseTags(value);
        else if (key == QLatin1String("questions"))
            article.questions = parseFlowList(value);
        else
            problem(i + 1, QStringLiteral("unknown front matter key %1").arg(key));
    }
    if (end < 0)
        return problem(1, QStringLiteral("front matter is not closed with a --- line"));
    if (article.id.isEmpty())
        return problem(1, QStringLiteral("front matter has no id"));
    if (!validId(article.id))
        return problem(1, QStringLiteral("id %1 must be lower-case letters, digits, '.', '_' or "
                                         "'-' (at most 64)")
                              .arg(article.id));
    if (article.title.isEmpty())
        return problem(1, QStringLiteral("front matter has no title"));
    article.body = lines.mid(end + 1).join(QLatin1Char('\n')).trimmed();
    if (article.body.isEmpty())
        return problem(end + 2, QStringLiteral("article %1 has no body").arg(article.id));
    return article;
}

QList<KbArticle> parseCsv(const QString &file, const QString &text, QList<KbProblem> *problems)
{
    QList<KbArticle> articles;
    const QList<CsvRow> rows = splitCsv(text);
    if (rows.isEmpty()) {
        problems->append({file, 1, QStringLiteral("empty file")});
        return articles;
    }
    QHash<QString, int> column;
    const QStringList header = rows.first().fields;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed().toLower(), i);
    // title and body are other names of question and answer.
    if (!column.contains(QStringLiteral("question")) && column.contains(QStringLiteral("title")))
        column.insert(QStringLiteral("question"), column.value(QStringLiteral("title")));
    if (!column.contains(QStringLiteral("answer")) && column.contains(QStringLiteral("body")))
        column.insert(QStringLiteral("answer"), column.value(QStringLiteral("body")));
    if (!column.contains(QStringLiteral("question")) ||
        !column.contains(QStringLiteral("answer"))) {
        problems->append({file, 1,
                          QStringLiteral("the header must name question (or title) and answer "
                                         "(or body) columns")});
        return articles;
    }
    const QString base = QFileInfo(file).completeBaseName();
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows.at(r);
        if (row.unterminated) {
            problems->append({file, row.line, QStringLiteral("unterminated quoted field")});
            continue;
        }
        auto field = [&](const char *name) {
            const int index = column.value(QString::fromLatin1(name), -1);
            return index >= 0 ? row.fields.value(index).trimmed() : QString();
        };
        if (row.fields.size() != header.size()) {
            problems->append({file, row.line,
                              QStringLiteral("expected %1 fields, found %2")
                                  .arg(header.size())
                                  .arg(row.fields.size())});
            continue;
        }
        KbArticle article;
        article.title = field("question");
        article.body = field("answer");
        article.tags = parseTags(field("tags"));
        for (const QString &question : field("questions").split(QLatin1Char('|')))
            if (!question.trimmed().isEmpty())
                article.questions.append(question.trimmed());
        article.id = field("id");
        article.source = file;
        article.line = row.line;
        if (article.title.isEmpty() || article.body.isEmpty()) {
            problems->append({file, row.line, QStringLiteral("question or answer is empty")});
            continue;
        }
        if (article.id.isEmpty())
            article.id = base.toLower() + QLatin1Char('-') + slug(article.title);
        if (!validId(article.id)) {
            problems->append({file, row.line,
                              QStringLiteral("id %1 must be lower-case letters, "
                                             "digits, '.', '_' or '-'")
                                  .arg(article.id)});
            continue;
        }
        articles.append(article);
    }
    return articles;
}

QList<KbArticle> read(const QString &path, QList<KbProblem> *problems)
{
    QStringList files;
    const QFileInfo info(path);
    if (info.isDir()) {
        QDirIterator it(path, {QStringLiteral("*.md"), QStringLiteral("*.csv")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
    } else {
        files.append(path);
    }
    QList<KbFile> texts;
    for (const QString &name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            problems->append({name, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
            continue;
        }
        texts.append({name, QString::fromUtf8(file.readAll())});
    }
    return readTexts(texts, problems);
}

QList<KbArticle> readTexts(const QList<KbFile> &files, QList<KbProblem> *problems)
{
    QList<KbArticle> articles;
    QHash<QString, KbArticle> seen;
    for (const auto &[name, text] : files) {
        QList<KbArticle> found;
        if (name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            found = parseCsv(name, text, problems);
        } else if (name.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
            if (auto article = parseMarkdown(name, text, problems))
                found.append(*article);
        } else {
            problems->append({name, 0, QStringLiteral("not a .md or .csv file")});
        }
        for (const KbArticle &article : found) {
            const auto previous = seen.constFind(article.id);
            if (previous != seen.constEnd()) {
                problems->append({article.source, article.line,
                                  QStringLiteral("duplicate id %1 (first in %2 line %3)")
                                      .arg(article.id, previous->source)
                                      .arg(previous->line)});
                continue;
            }
            seen.insert(article.id, article);
            articles.append(article);
        }
    }
    return articles;
}

} // namespace Serambi::Relay::KbReader
