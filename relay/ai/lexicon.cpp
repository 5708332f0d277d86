#include "lexicon.h"

#include "logging/relaylogging.h"
#include "textnormalizer.h"

#include <QFile>

namespace Serambi::Relay::Lexicon {

QList<Group> parse(const QString &text)
{
    QList<Group> groups;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        Group group;
        for (const QString &phrase : line.mid(tab + 1).split(QLatin1Char('|'))) {
            const QStringList terms = TextNormalizer::terms(phrase);
            if (!terms.isEmpty() && !group.contains(terms))
                group.append(terms);
        }
        if (group.size() >= 2)
            groups.append(group);
    }
    return groups;
}

const QList<Group> &builtIn()
{
    static const QList<Group> groups = [] {
        QFile file(QStringLiteral(":/serambi/ai/lexicon-id.tsv"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcAi) << "the built-in lexicon is missing";
            return QList<Group>();
        }
        return parse(QString::fromUtf8(file.readAll()));
    }();
    return groups;
}

} // namespace Serambi::Relay::Lexicon
