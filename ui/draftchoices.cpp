#include "draftchoices.h"

#include <QRegularExpression>

namespace Serambi::Ui {

namespace {

QStringList listedChoices(const QString &draft, QString *body)
{
    static const QRegularExpression item(
        QStringLiteral("^\\s*(?:\\d{1,2}[.)]|[-*\\x{2022}])\\s+(.+?)\\s*$"));
    QStringList choices;
    QStringList rest;
    const QStringList lines = draft.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = item.match(line);
        if (match.hasMatch())
            choices.append(match.captured(1));
        else
            rest.append(line);
    }
    *body = rest.join(QLatin1Char('\n')).trimmed();
    return choices;
}

// "… pakai JNE, J&T atau SiCepat?" → JNE, J&T, SiCepat: the words after the last "atau"/"or"
// up to the end of the sentence, and before it the comma-separated items (or the last word).
QStringList alternatives(const QString &draft)
{
    static const QRegularExpression sentence(QStringLiteral("[^.?!\\n]+"));
    static const QRegularExpression joiner(QStringLiteral("\\s+(?:atau|or)\\s+"),
                                           QRegularExpression::CaseInsensitiveOption);
    auto it = sentence.globalMatch(draft);
    while (it.hasNext()) {
        const QString part = it.next().captured(0);
        const QStringList halves = part.split(joiner);
        if (halves.size() < 2)
            continue;
        QStringList choices;
        const QString &before = halves.first();
        if (before.contains(QLatin1Char(','))) {
            QStringList items = before.split(QLatin1Char(','));
            QString first = items.takeFirst().trimmed();
            first = first.section(QLatin1Char(' '), -1);
            choices.append(first);
            for (const QString &item : std::as_const(items))
                choices.append(item.trimmed());
        } else {
            choices.append(before.trimmed().section(QLatin1Char(' '), -1));
        }
        for (qsizetype i = 1; i < halves.size(); ++i)
            choices.append(halves.at(i).trimmed());
        choices.removeAll(QString());
        if (choices.size() >= 2)
            return choices;
    }
    return {};
}

} // namespace

DraftChoices DraftChoices::parse(const QString &draft)
{
    DraftChoices result;
    result.choices = listedChoices(draft, &result.body);
    if (result.choices.size() >= 2)
        return result;
    result.body = draft.trimmed();
    result.choices = alternatives(draft);
    return result;
}

} // namespace Serambi::Ui
