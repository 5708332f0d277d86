#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

// One knowledge-base article: a Markdown file with front matter, or one question,answer row
// of a CSV file. A tag may list synonyms separated by "/" ("ongkir/ongkos kirim/biaya kirim");
// questions are how customers ask for it, searched like the title.
struct KbArticle
{
    QString id;
    QString title;
    QStringList tags;
    QStringList questions; // example phrasings of what the article answers (front matter)
    QString body;
    QString source; // file it came from
    int line = 0;   // line of the file where it starts
};

// Something wrong in a knowledge-base file: which file, which line, what.
struct KbProblem
{
    QString file;
    int line = 0;
    QString message;
};

} // namespace Serambi::Relay
