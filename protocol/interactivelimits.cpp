#include "interactivelimits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace Serambi::Protocol {

namespace {

namespace Limits = InteractiveLimits;
using Kind = LimitProblem::Kind;

class Checker
{
public:
    QList<LimitProblem> problems;

    void add(const QString &path, Kind kind, int limit = 0)
    {
        problems.append({path, kind, limit});
    }

    // A string field: required ones must be non-empty; any present one at most maxLength.
    QString text(const QJsonObject &object, const QString &key, const QString &path, int maxLength,
                 bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                add(path, Kind::Missing);
            return {};
        }
        if (!value.isString()) {
            add(path, Kind::Invalid);
            return {};
        }
        const QString string = value.toString();
        if (string.trimmed().isEmpty()) {
            if (required)
                add(path, Kind::Missing);
        } else if (characterCount(string) > maxLength) {
            add(path, Kind::TooLong, maxLength);
        }
        return string;
    }

    void bodyAndFooter(const QJsonObject &interactive, int maxBody)
    {
        text(interactive.value(QLatin1String("body")).toObject(), QStringLiteral("text"),
             QStringLiteral("body.text"), maxBody, true);
        if (interactive.contains(QLatin1String("footer"))) {
            text(interactive.value(QLatin1String("footer")).toObject(), QStringLiteral("text"),
                 QStringLiteral("footer.text"), Limits::Footer, false);
        }
    }

    void header(const QJsonObject &interactive, bool mediaAllowed)
    {
        const QJsonValue value = interactive.value(QLatin1String("header"));
        if (value.isUndefined() || value.isNull())
            return;
        const QJsonObject header = value.toObject();
        const QString type = header.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            text(header, QStringLiteral("text"), QStringLiteral("header.text"), Limits::HeaderText,
                 true);
            return;
        }
        const bool media = type == QLatin1String("image") || type == QLatin1String("video") ||
                           type == QLatin1String("document");
        if (!media || !mediaAllowed) {
            add(QStringLiteral("header.type"), Kind::Invalid);
            return;
        }
        const QJsonObject object = header.value(type).toObject();
        if (object.value(QLatin1String("id")).toString().isEmpty() &&
            object.value(QLatin1String("link")).toString().isEmpty())
            add(QStringLiteral("header.%1").arg(type), Kind::Missing);
    }

    void buttons(const QJsonObject &interactive)
    {
        header(interactive, true);
        bodyAndFooter(interactive, Limits::ButtonBody);
        const QJsonArray buttons = interactive.value(QLatin1String("action"))
                                       .toObject()
                                       .value(QLatin1String("buttons"))
                                       .toArray();
        if (buttons.isEmpty())
            add(QStringLiteral("action.buttons"), Kind::Missing);
        if (buttons.size() > Limits::MaxButtons)
            add(QStringLiteral("action.buttons"), Kind::TooMany, Limits::MaxButtons);
        QSet<QString> ids;
        QSet<QString> titles;
        for (qsizetype i = 0; i < buttons.size(); ++i) {
            const QString path = QStringLiteral("action.buttons[%1]").arg(i);
            const QJsonObject button = buttons.at(i).toObject();
            if (button.value(QLatin1String("type")).toString() != QLatin1String("reply"))
                add(path + QStringLiteral(".type"), Kind::Invalid);
            const QJsonObject reply = button.value(QLatin1String("reply")).toObject();
            unique(text(reply, QStringLiteral("id"), path + QStringLiteral(".reply.id"),
                        Limits::ButtonId, true),
                   path + QStringLiteral(".reply.id"), &ids);
            unique(text(reply, QStringLiteral("title"), path + QStringLiteral(".reply.title"),
                        Limits::ButtonTitle, true),
                   path + QStringLiteral(".reply.title"), &titles);
        }
    }

    void list(const QJsonObject &interactive)
    {
        header(interactive, false);
        bodyAndFooter(interactive, Limits::ListBody);
        const QJsonObject action = interactive.value(QLatin1String("action")).toObject();
        text(action, QStringLiteral("button"), QStringLiteral("action.button"),
             Limits::ListButtonLabel, true);
        const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
        if (sections.isEmpty())
            add(QStringLiteral("action.sections"), Kind::Missing);
        if (sections.size() > Limits::MaxSections)
            add(QStringLiteral("action.sections"), Kind::TooMany, Limits::MaxSections);
        QSet<QString> rowIds;
        qsizetype rowCount = 0;
        for (qsizetype s = 0; s < sections.size(); ++s) {
            const QString sectionPath = QStringLiteral("action.sections[%1]").arg(s);
            const QJsonObject section = sections.at(s).toObject();
            text(section, QStringLiteral("title"), sectionPath + QStringLiteral(".title"),
                 Limits::SectionTitle, true);
            const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
            if (rows.isEmpty())
                add(sectionPath + QStringLiteral(".rows"), Kind::Missing);
            rowCount += rows.size();
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const QString rowPath = sectionPath + QStringLiteral(".rows[%1]").arg(r);
                const QJsonObject row = rows.at(r).toObject();
                unique(text(row, QStringLiteral("id"), rowPath + QStringLiteral(".id"),
                            Limits::RowId, true),
                       rowPath + QStringLiteral(".id"), &rowIds);
                text(row, QStringLiteral("title"), rowPath + QStringLiteral(".title"),
                     Limits::RowTitle, true);
                text(row, QStringLiteral("description"), rowPath + QStringLiteral(".description"),
                     Limits::RowDescription, false);
            }
        }
        if (rowCount > Limits::MaxRows)
            add(QStringLiteral("action.sections"), Kind::TooMany, Limits::MaxRows);
    }

    void ctaUrl(const QJsonObject &interactive)
    {
        header(interactive, true);
        bodyAndFooter(interactive, Limits::CtaBody);
        const QJsonObject parameters = interactive.value(QLatin1String("action"))
                                           .toObject()
                                           .value(QLatin1String("parameters"))
                                           .toObject();
        text(parameters, QStringLiteral("display_text"),
             QStringLiteral("action.parameters.display_text"), Limits::CtaDisplayText, true);
        const QString url = text(parameters, QStringLiteral("url"),
                                 QStringLiteral("action.parameters.url"), 2000, true);
        if (!url.isEmpty()) {
            const QUrl parsed(url, QUrl::StrictMode);
            const QString scheme = parsed.scheme();
            if (!parsed.isValid() || parsed.host().isEmpty() ||
                (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
                add(QStringLiteral("action.parameters.url"), Kind::Invalid);
        }
    }

private:
    void unique(const QString &value, const QString &path, QSet<QString> *seen)
    {
        if (value.isEmpty())
            return;
        if (seen->contains(value))
            add(path, Kind::Duplicate);
        seen->insert(value);
    }
};

} // namespace

QString LimitProblem::describe() const
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("%1: required").arg(path);
    case Kind::TooLong:
        return QStringLiteral("%1: at most %2 characters").arg(path).arg(limit);
    case Kind::TooMany:
        return QStringLiteral("%1: at most %2").arg(path).arg(limit);
    case Kind::Duplicate:
        return QStringLiteral("%1: must be unique").arg(path);
    case Kind::Invalid:
        break;
    }
    return QStringLiteral("%1: invalid").arg(path);
}

int characterCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

QList<LimitProblem> checkInteractive(const QJsonObject &interactive)
{
    Checker checker;
    const QString type = interactive.value(QLatin1String("type")).toString();
    if (type == QLatin1String("button"))
        checker.buttons(interactive);
    else if (type == QLatin1String("list"))
        checker.list(interactive);
    else if (type == QLatin1String("cta_url"))
        checker.ctaUrl(interactive);
    else
        checker.add(QStringLiteral("type"), Kind::Invalid);
    return checker.problems;
}

} // namespace Serambi::Protocol
