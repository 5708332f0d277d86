#include "interactivevalidator.h"

#include "messagevalidator.h"

#include <QJsonArray>
#include <QSet>

namespace Serambi::Sim {

namespace {

using Error = std::optional<GraphError>;

Error invalid(const QString &details)
{
    return GraphError::invalidParameter(details);
}

// A text field that may be absent (required == false) and is at most maxLength characters.
Error checkText(const QJsonObject &object, const QString &key, const QString &path, int maxLength,
                bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return std::nullopt;
    if (!value.isString() || value.toString().isEmpty())
        return invalid(QStringLiteral("The parameter %1 is required.").arg(path));
    if (characterCount(value.toString()) > maxLength)
        return invalid(QStringLiteral("Param %1 must be at most %2 characters long.")
                           .arg(path)
                           .arg(maxLength));
    return std::nullopt;
}

Error checkBodyFooter(const QJsonObject &interactive, int maxBody)
{
    if (Error error =
            checkText(interactive.value(QStringLiteral("body")).toObject(), QStringLiteral("text"),
                      QStringLiteral("interactive.body.text"), maxBody, true))
        return error;
    if (interactive.contains(QStringLiteral("footer")))
        return checkText(interactive.value(QStringLiteral("footer")).toObject(),
                         QStringLiteral("text"), QStringLiteral("interactive.footer.text"), 60,
                         true);
    return std::nullopt;
}

Error checkHeader(const QJsonObject &interactive, bool mediaAllowed)
{
    if (!interactive.contains(QStringLiteral("header")))
        return std::nullopt;
    const QJsonObject header = interactive.value(QStringLiteral("header")).toObject();
    const QString type = header.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("text"))
        return checkText(header, QStringLiteral("text"), QStringLiteral("interactive.header.text"),
                         60, true);
    const bool isMedia = type == QLatin1String("image") || type == QLatin1String("video") ||
                         type == QLatin1String("document");
    if (!isMedia || !mediaAllowed)
        return invalid(
            QStringLiteral("Param interactive.header.type '%1' is not allowed here.").arg(type));
    return validateMediaObject(header.value(type).toObject(), type);
}

Error validateButtons(const QJsonObject &interactive)
{
    if (Error error = checkHeader(interactive, true))
        return error;
    if (Error error = checkBodyFooter(interactive, 1024))
        return error;
    const QJsonArray buttons = interactive.value(QStringLiteral("action"))
                                   .toObject()
                                   .value(QStringLiteral("buttons"))
                                   .toArray();
    if (buttons.isEmpty() || buttons.size() > 3)
        return invalid(QStringLiteral("Param interactive.action.buttons must hold 1 to 3 "
                                      "buttons."));
    QSet<QString> ids;
    QSet<QString> titles;
    for (const QJsonValue &buttonValue : buttons) {
        const QJsonObject button = buttonValue.toObject();
        if (button.value(QStringLiteral("type")).toString() != QLatin1String("reply"))
            return invalid(QStringLiteral("Each button must have type 'reply'."));
        const QJsonObject reply = button.value(QStringLiteral("reply")).toObject();
        if (Error error =
                checkText(reply, QStringLiteral("id"), QStringLiteral("reply.id"), 256, true))
            return error;
        if (Error error =
                checkText(reply, QStringLiteral("title"), QStringLiteral("reply.title"), 20, true))
            return error;
        const QString id = reply.value(QStringLiteral("id")).toString();
        const QString title = reply.value(QStringLiteral("title")).toString();
        if (ids.contains(id) || titles.contains(title))
            return invalid(QStringLiteral("Button ids and titles must be unique."));
        ids.insert(id);
        titles.insert(title);
    }
    return std::nullopt;
}

Error validateList(const QJsonObject &interactive)
{
    if (Error error = checkHeader(interactive, false))
        return error;
    if (Error error = checkBodyFooter(interactive, 4096))
        return error;
    const QJsonObject action = interactive.value(QStringLiteral("action")).toObject();
    if (Error error = checkText(action, QStringLiteral("button"),
                                QStringLiteral("interactive.action.button"), 20, true))
        return error;
    const QJsonArray sections = action.value(QStringLiteral("sections")).toArray();
    if (sections.isEmpty() || sections.size() > 10)
        return invalid(QStringLiteral("Param interactive.action.sections must hold 1 to 10 "
                                      "sections."));
    int rowCount = 0;
    QSet<QString> rowIds;
    for (const QJsonValue &sectionValue : sections) {
        const QJsonObject section = sectionValue.toObject();
        if (Error error = checkText(section, QStringLiteral("title"),
                                    QStringLiteral("section.title"), 24, sections.size() > 1))
            return error;
        const QJsonArray rows = section.value(QStringLiteral("rows")).toArray();
        if (rows.isEmpty())
            return invalid(QStringLiteral("Each section needs at least one row."));
        for (const QJsonValue &rowValue : rows) {
            const QJsonObject row = rowValue.toObject();
            if (Error error =
                    checkText(row, QStringLiteral("id"), QStringLiteral("row.id"), 200, true))
                return error;
            if (Error error =
                    checkText(row, QStringLiteral("title"), QStringLiteral("row.title"), 24, true))
                return error;
            if (Error error = checkText(row, QStringLiteral("description"),
                                        QStringLiteral("row.description"), 72, false))
                return error;
            const QString id = row.value(QStringLiteral("id")).toString();
            if (rowIds.contains(id))
                return invalid(QStringLiteral("Row ids must be unique."));
            rowIds.insert(id);
            ++rowCount;
        }
    }
    if (rowCount > 10)
        return invalid(QStringLiteral("A list may hold at most 10 rows across all sections."));
    return std::nullopt;
}

Error validateCtaUrl(const QJsonObject &interactive)
{
    if (Error error = checkHeader(interactive, true))
        return error;
    if (Error error = checkBodyFooter(interactive, 1024))
        return error;
    const QJsonObject action = interactive.value(QStringLiteral("action")).toObject();
    if (action.value(QStringLiteral("name")).toString() != QLatin1String("cta_url"))
        return invalid(QStringLiteral("Param interactive.action.name must be 'cta_url'."));
    const QJsonObject parameters = action.value(QStringLiteral("parameters")).toObject();
    if (Error error = checkText(parameters, QStringLiteral("display_text"),
                                QStringLiteral("action.parameters.display_text"), 20, true))
        return error;
    const QString url = parameters.value(QStringLiteral("url")).toString();
    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")))
        return invalid(QStringLiteral("Param action.parameters.url must be an http(s) URL."));
    return std::nullopt;
}

} // namespace

std::optional<GraphError> validateInteractive(const QJsonObject &interactive)
{
    const QString type = interactive.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("button"))
        return validateButtons(interactive);
    if (type == QLatin1String("list"))
        return validateList(interactive);
    if (type == QLatin1String("cta_url"))
        return validateCtaUrl(interactive);
    // Types the relay passes through opaquely; the simulator accepts them without checking.
    static const QStringList opaque{QStringLiteral("flow"),
                                    QStringLiteral("location_request_message"),
                                    QStringLiteral("address_message"),
                                    QStringLiteral("product"),
                                    QStringLiteral("product_list"),
                                    QStringLiteral("catalog_message")};
    if (opaque.contains(type))
        return std::nullopt;
    return invalid(QStringLiteral("Param interactive.type '%1' is not supported.").arg(type));
}

} // namespace Serambi::Sim
