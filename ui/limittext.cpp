#include "limittext.h"

#include <QRegularExpression>

namespace Serambi::Ui {

QString LimitText::field(const QString &path)
{
    static const QRegularExpression button(
        QStringLiteral("^action\\.buttons\\[(\\d+)\\]\\.(?:reply\\.)?(\\w+)$"));
    static const QRegularExpression row(
        QStringLiteral("^action\\.sections\\[(\\d+)\\]\\.rows\\[(\\d+)\\]\\.(\\w+)$"));
    static const QRegularExpression section(
        QStringLiteral("^action\\.sections\\[(\\d+)\\]\\.(\\w+)$"));
    if (const auto m = row.match(path); m.hasMatch()) {
        const int s = m.captured(1).toInt() + 1;
        const int r = m.captured(2).toInt() + 1;
        const QString part = m.captured(3);
        if (part == QLatin1String("title"))
            return tr("Section %1, row %2 title").arg(s).arg(r);
        if (part == QLatin1String("description"))
            return tr("Section %1, row %2 description").arg(s).arg(r);
        return tr("Section %1, row %2 id").arg(s).arg(r);
    }
    if (const auto m = section.match(path); m.hasMatch()) {
        const int s = m.captured(1).toInt() + 1;
        return m.captured(2) == QLatin1String("rows") ? tr("Rows of section %1").arg(s)
                                                      : tr("Section %1 title").arg(s);
    }
    if (const auto m = button.match(path); m.hasMatch()) {
        const int b = m.captured(1).toInt() + 1;
        return m.captured(2) == QLatin1String("title") ? tr("Button %1 title").arg(b)
                                                       : tr("Button %1 id").arg(b);
    }
    if (path.startsWith(QLatin1String("header")))
        return tr("Header");
    if (path == QLatin1String("body.text"))
        return tr("Body");
    if (path == QLatin1String("footer.text"))
        return tr("Footer");
    if (path == QLatin1String("action.buttons"))
        return tr("Buttons");
    if (path == QLatin1String("action.button"))
        return tr("List button label");
    if (path == QLatin1String("action.sections"))
        return tr("Sections and rows");
    return path;
}

QString LimitText::describe(const Protocol::LimitProblem &problem)
{
    using Kind = Protocol::LimitProblem::Kind;
    const QString name = field(problem.path);
    switch (problem.kind) {
    case Kind::Missing:
        return tr("%1: required").arg(name);
    case Kind::TooLong:
        return tr("%1: at most %n characters", nullptr, problem.limit).arg(name);
    case Kind::TooMany:
        if (problem.path == QLatin1String("action.sections"))
            return tr("%1: at most %n rows in all", nullptr, problem.limit).arg(name);
        return tr("%1: at most %n", nullptr, problem.limit).arg(name);
    case Kind::Duplicate:
        return tr("%1: already used, must be unique").arg(name);
    case Kind::Invalid:
        break;
    }
    return tr("%1: not valid").arg(name);
}

} // namespace Serambi::Ui
