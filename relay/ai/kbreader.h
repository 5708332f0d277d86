#pragma once

#include "kbarticle.h"

#include <optional>
#include <utility>

namespace Serambi::Relay::KbReader {

// Reads every *.md and *.csv file under path (or path itself when it is a file). Problems
// (no or bad front matter, missing id or title, duplicate id, empty file, bad CSV row) are
// appended to *problems and the file or row skipped; reading goes on.
QList<KbArticle> read(const QString &path, QList<KbProblem> *problems);

// A file's name and text.
using KbFile = std::pair<QString, QString>;
// read() on files already in memory (by their names' .md or .csv endings, in this order).
QList<KbArticle> readTexts(const QList<KbFile> &files, QList<KbProblem> *problems);

// An article id: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit,
// at most 64.
bool validId(const QString &id);

// The article as a Markdown file with front matter that parseMarkdown reads back identically
// (`kb export`).
QString toMarkdown(const KbArticle &article);

// One Markdown article (front matter between "---" lines: id, title, tags, questions; then the
// body). tags and questions are flow lists ("[a, b]") or block lists ("- a" lines below).
std::optional<KbArticle> parseMarkdown(const QString &file, const QString &text,
                                       QList<KbProblem> *problems);
// The rows of a CSV with a question,answer header (or title,body; optional id, tags, and
// questions columns; questions separated by "|").
QList<KbArticle> parseCsv(const QString &file, const QString &text, QList<KbProblem> *problems);

} // namespace Serambi::Relay::KbReader
