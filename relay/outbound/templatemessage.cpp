#include "templatemessage.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace Serambi::Relay {

namespace {

const QLatin1String TypeKey("type");
const QLatin1String TextKey("text");
const QLatin1String ParametersKey("parameters");
const QLatin1String ParameterNameKey("parameter_name");

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*(\\w+)\\s*\\}\\}"));
    return pattern;
}

// text with each placeholder replaced by its value.
QString fillIn(const QString &text, const QHash<QString, QString> &values)
{
    QString filled;
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        filled += text.mid(from, match.capturedStart() - from);
        filled += values.value(match.captured(1), match.captured());
        from = match.capturedEnd();
    }
    return filled + text.mid(from);
}

// The distinct placeholders of text in order of first appearance ("1", "2" or "first_name").
QStringList placeholders(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

// What a parameter reads as in the filled-in text.
QString readable(const QJsonObject &parameter)
{
    const QString type = parameter.value(TypeKey).toString();
    if (type == TextKey)
        return parameter.value(TextKey).toString();
    return parameter.value(type).toObject().value(QLatin1String("fallback_value")).toString();
}

// Checks the text parameters of a HEADER or BODY component and matches them to its
// placeholders; fills *filled with the component's text, parameters substituted.
std::optional<QJsonArray> textParameters(const MessageTemplate &stored, const QString &where,
                                         const QJsonArray &given, const QString &text,
                                         QString *filled, QString *problem)
{
    const bool named =
        stored.parameterFormat.compare(QLatin1String("NAMED"), Qt::CaseInsensitive) == 0;
    const QStringList names = placeholders(text);
    if (given.size() != names.size()) {
        *problem = QStringLiteral("%1: the template has %2 parameters, %3 given")
                       .arg(where)
                       .arg(names.size())
                       .arg(given.size());
        return std::nullopt;
    }
    QJsonArray result;
    QHash<QString, QString> values;
    for (int i = 0; i < given.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(where).arg(i);
        QJsonObject parameter = given.at(i).toObject();
        const QString type = parameter.value(TypeKey).toString();
        if (type == TextKey) {
            if (!parameter.value(TextKey).isString() ||
                parameter.value(TextKey).toString().trimmed().isEmpty()) {
                *problem = path + QStringLiteral(": a text parameter needs a text");
                return std::nullopt;
            }
        } else if (type != QLatin1String("currency") && type != QLatin1String("date_time")) {
            *problem = path + QStringLiteral(": type must be text, currency or date_time");
            return std::nullopt;
        } else if (!parameter.value(type).isObject()) {
            *problem = path + QStringLiteral(": a %1 parameter needs its %1 object").arg(type);
            return std::nullopt;
        }
        // Positional parameters fill {{1}}, {{2}}, ... in order; named ones by name, or in the
        // order the placeholders appear.
        QString name = named ? names.at(i) : QString::number(i + 1);
        if (named) {
            const QJsonValue givenName = parameter.value(ParameterNameKey);
            if (givenName.isString()) {
                name = givenName.toString();
                if (!names.contains(name)) {
                    *problem =
                        path + QStringLiteral(": the template has no parameter \"%1\"").arg(name);
                    return std::nullopt;
                }
            }
            parameter.insert(ParameterNameKey, name);
        } else {
            parameter.remove(ParameterNameKey);
        }
        values.insert(name, readable(parameter));
        result.append(parameter);
    }
    *filled = fillIn(text, values);
    if (named) {
        QStringList used;
        for (const QJsonValue &parameter : std::as_const(result))
            used.append(parameter.toObject().value(ParameterNameKey).toString());
        for (const QString &name : names) {
            if (!used.contains(name)) {
                *problem = where + QStringLiteral(": no parameter for \"%1\"").arg(name);
                return std::nullopt;
            }
        }
    }
    return result;
}

// The header's parameters: text placeholders, or the media a media header needs.
std::optional<QJsonArray> headerParameters(const MessageTemplate &stored, const QJsonArray &given,
                                           QString *mediaKey, QString *problem)
{
    const QJsonObject header = stored.component(QStringLiteral("HEADER"));
    const QString format = header.value(QLatin1String("format")).toString().toLower();
    if (format == QLatin1String("image") || format == QLatin1String("video") ||
        format == QLatin1String("document")) {
        const QJsonObject parameter = given.at(0).toObject();
        const QString key = parameter.value(QLatin1String("media")).toString();
        if (given.size() == 1 && parameter.value(TypeKey).toString() == format && !key.isEmpty()) {
            *mediaKey = key;
            return QJsonArray{
                QJsonObject{{TypeKey, format}, {format, QJsonObject{{QLatin1String("key"), key}}}}};
        }
        const QJsonObject media = parameter.value(format).toObject();
        if (given.size() != 1 || parameter.value(TypeKey).toString() != format ||
            (media.value(QLatin1String("id")).toString().isEmpty() &&
             media.value(QLatin1String("link")).toString().isEmpty())) {
            *problem = QStringLiteral("header: the template's %1 header needs one %1 parameter "
                                      "with a media key, id or link")
                           .arg(format);
            return std::nullopt;
        }
        return QJsonArray{parameter};
    }
    if (format.isEmpty() || format == QLatin1String("text")) {
        QString ignored;
        return textParameters(stored, QStringLiteral("header"), given,
                              header.value(TextKey).toString(), &ignored, problem);
    }
    if (!given.isEmpty()) {
        *problem = QStringLiteral("header: a %1 header takes no parameters here").arg(format);
        return std::nullopt;
    }
    return QJsonArray();
}

// One "button" component per given button parameter.
std::optional<QJsonArray> buttonComponents(const MessageTemplate &stored, const QJsonArray &given,
                                           QString *problem)
{
    const QJsonArray buttons =
        stored.component(QStringLiteral("BUTTONS")).value(QLatin1String("buttons")).toArray();
    QJsonArray result;
    QList<int> seen;
    for (int i = 0; i < given.size(); ++i) {
        const QString path = QStringLiteral("buttons[%1]").arg(i);
        const QJsonObject parameter = given.at(i).toObject();
        const QJsonValue indexValue = parameter.value(QLatin1String("index"));
        const int index =
            indexValue.isString() ? indexValue.toString().toInt() : indexValue.toInt(-1);
        if (index < 0 || index >= buttons.size() || seen.contains(index)) {
            *problem = path + QStringLiteral(": index must name one of the template's %1 buttons, "
                                             "once")
                                  .arg(buttons.size());
            return std::nullopt;
        }
        seen.append(index);
        const QString kind = buttons.at(index).toObject().value(TypeKey).toString();
        QJsonObject component{{TypeKey, QLatin1String("button")},
                              {QLatin1String("index"), QString::number(index)}};
        if (kind == QLatin1String("QUICK_REPLY")) {
            const QString payload = parameter.value(QLatin1String("payload")).toString();
            if (payload.isEmpty()) {
                *problem = path + QStringLiteral(": a quick-reply button needs a payload");
                return std::nullopt;
            }
            component.insert(QLatin1String("sub_type"), QLatin1String("quick_reply"));
            component.insert(ParametersKey,
                             QJsonArray{QJsonObject{{TypeKey, QLatin1String("payload")},
                                                    {QLatin1String("payload"), payload}}});
        } else if (kind == QLatin1String("URL")) {
            const QString text = parameter.value(TextKey).toString();
            if (text.isEmpty()) {
                *problem = path + QStringLiteral(": a URL button needs a text");
                return std::nullopt;
            }
            component.insert(QLatin1String("sub_type"), QLatin1String("url"));
            component.insert(ParametersKey,
                             QJsonArray{QJsonObject{{TypeKey, TextKey}, {TextKey, text}}});
        } else {
            *problem = path + QStringLiteral(": a %1 button takes no parameter").arg(kind);
            return std::nullopt;
        }
        result.append(component);
    }
    // A URL button with a {{1}} suffix cannot be sent without its text.
    for (int index = 0; index < buttons.size(); ++index) {
        const QJsonObject button = buttons.at(index).toObject();
        if (button.value(TypeKey).toString() == QLatin1String("URL") &&
            !placeholders(button.value(QLatin1String("url")).toString()).isEmpty() &&
            !seen.contains(index)) {
            *problem = QStringLiteral("buttons: the URL button %1 needs a text").arg(index);
            return std::nullopt;
        }
    }
    return result;
}

} // namespace

std::optional<TemplateMessage> buildTemplateMessage(const MessageTemplate &stored,
                                                    const QJsonObject &parameters, QString *problem)
{
    for (const char *key : {"header", "body", "buttons"}) {
        const QJsonValue value = parameters.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
            *problem = QStringLiteral("parameters.%1 must be an array").arg(QLatin1String(key));
            return std::nullopt;
        }
    }
    TemplateMessage message;
    const auto header = headerParameters(
        stored, parameters.value(QLatin1String("header")).toArray(), &message.mediaKey, problem);
    if (!header)
        return std::nullopt;
    const auto body = textParameters(
        stored, QStringLiteral("body"), parameters.value(QLatin1String("body")).toArray(),
        stored.component(QStringLiteral("BODY")).value(TextKey).toString(), &message.text, problem);
    if (!body)
        return std::nullopt;
    const auto buttons =
        buttonComponents(stored, parameters.value(QLatin1String("buttons")).toArray(), problem);
    if (!buttons)
        return std::nullopt;

    QJsonArray components;
    if (!header->isEmpty())
        components.append(
            QJsonObject{{TypeKey, QLatin1String("header")}, {ParametersKey, *header}});
    if (!body->isEmpty())
        components.append(QJsonObject{{TypeKey, QLatin1String("body")}, {ParametersKey, *body}});
    for (const QJsonValue &button : *buttons)
        components.append(button);
    message.templateObject = {
        {QLatin1String("name"), stored.name},
        {QLatin1String("language"), QJsonObject{{QLatin1String("code"), stored.language}}}};
    if (!components.isEmpty())
        message.templateObject.insert(QLatin1String("components"), components);
    return message;
}

} // namespace Serambi::Relay
