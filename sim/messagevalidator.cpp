#include "messagevalidator.h"

#include "interactivevalidator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace Serambi::Sim {

namespace {

using Error = std::optional<GraphError>;

Error invalid(const QString &details)
{
    return GraphError::invalidParameter(details);
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

Error validateText(const QJsonObject &text)
{
    const QJsonValue body = text.value(QStringLiteral("body"));
    if (!body.isString() || body.toString().isEmpty())
        return invalid(QStringLiteral("The parameter text['body'] is required."));
    if (characterCount(body.toString()) > 4096)
        return invalid(QStringLiteral("Param text['body'] must be at most 4096 characters long."));
    const QJsonValue preview = text.value(QStringLiteral("preview_url"));
    if (!preview.isUndefined() && !preview.isBool())
        return invalid(QStringLiteral("Param text['preview_url'] must be a boolean."));
    return std::nullopt;
}

bool isCoordinate(const QJsonValue &value, double limit)
{
    bool ok = value.isDouble();
    const double number = ok ? value.toDouble() : value.toString().toDouble(&ok);
    return ok && number >= -limit && number <= limit;
}

Error validateLocation(const QJsonObject &location)
{
    if (!isCoordinate(location.value(QStringLiteral("latitude")), 90))
        return invalid(QStringLiteral("Param location['latitude'] is required and must be a "
                                      "decimal between -90 and 90."));
    if (!isCoordinate(location.value(QStringLiteral("longitude")), 180))
        return invalid(QStringLiteral("Param location['longitude'] is required and must be a "
                                      "decimal between -180 and 180."));
    return std::nullopt;
}

Error validateContacts(const QJsonValue &value)
{
    const QJsonArray contacts = value.toArray();
    if (!value.isArray() || contacts.isEmpty() || contacts.size() > 257)
        return invalid(QStringLiteral("Param contacts must be an array of 1 to 257 contacts."));
    for (const QJsonValue &contact : contacts) {
        const QJsonObject name = contact.toObject().value(QStringLiteral("name")).toObject();
        if (name.value(QStringLiteral("formatted_name")).toString().isEmpty())
            return invalid(QStringLiteral("Param contacts[]['name']['formatted_name'] is "
                                          "required."));
    }
    return std::nullopt;
}

Error validateReaction(const QJsonObject &reaction, const QJsonObject &body)
{
    if (reaction.value(QStringLiteral("message_id")).toString().isEmpty())
        return invalid(QStringLiteral("The parameter reaction['message_id'] is required."));
    const QJsonValue emoji = reaction.value(QStringLiteral("emoji"));
    if (!emoji.isString())
        return invalid(QStringLiteral("The parameter reaction['emoji'] is required (an empty "
                                      "string removes the reaction)."));
    if (characterCount(emoji.toString()) > 10)
        return invalid(QStringLiteral("Param reaction['emoji'] must be a single emoji."));
    if (body.contains(QStringLiteral("context")))
        return invalid(QStringLiteral("Reaction messages cannot carry a context."));
    return std::nullopt;
}

Error validateTemplate(const QJsonObject &templ, const TemplateCatalog &catalog)
{
    const QString name = templ.value(QStringLiteral("name")).toString();
    const QString language =
        templ.value(QStringLiteral("language")).toObject().value(QStringLiteral("code")).toString();
    if (name.isEmpty())
        return invalid(QStringLiteral("The parameter template['name'] is required."));
    if (language.isEmpty())
        return invalid(QStringLiteral("The parameter template['language']['code'] is required."));
    const std::optional<MessageTemplate> known = catalog.findApproved(name, language);
    if (!known)
        return GraphError::templateNotFound(name, language);

    int headerParameters = 0;
    int bodyParameters = 0;
    const QJsonValue componentsValue = templ.value(QStringLiteral("components"));
    if (!componentsValue.isUndefined() && !componentsValue.isArray())
        return invalid(QStringLiteral("Param template['components'] must be an array."));
    const QJsonArray components = componentsValue.toArray();
    for (const QJsonValue &componentValue : components) {
        const QJsonObject component = componentValue.toObject();
        const QString type = component.value(QStringLiteral("type")).toString().toLower();
        const QJsonArray parameters = component.value(QStringLiteral("parameters")).toArray();
        for (const QJsonValue &parameter : parameters) {
            const QString parameterType =
                parameter.toObject().value(QStringLiteral("type")).toString();
            if (parameterType.isEmpty())
                return invalid(QStringLiteral("Each template parameter needs a 'type'."));
            if (parameterType == QLatin1String("text") &&
                !parameter.toObject().value(QStringLiteral("text")).isString())
                return invalid(QStringLiteral("A text template parameter needs a 'text'."));
        }
        if (type == QLatin1String("header"))
            headerParameters += int(parameters.size());
        else if (type == QLatin1String("body"))
            bodyParameters += int(parameters.size());
        else if (type != QLatin1String("button"))
            return invalid(QStringLiteral("Unknown template component type '%1'.").arg(type));
    }
    const int expectedBody = known->placeholderCount(QStringLiteral("BODY"));
    if (bodyParameters != expectedBody)
        return GraphError::templateParameterMismatch(
            QStringLiteral("body: number of localizable_params (%1) does not match the expected "
                           "number of params (%2)")
                .arg(bodyParameters)
                .arg(expectedBody));
    const int expectedHeader = known->placeholderCount(QStringLiteral("HEADER"));
    if (headerParameters != expectedHeader)
        return GraphError::templateParameterMismatch(
            QStringLiteral("header: number of localizable_params (%1) does not match the expected "
                           "number of params (%2)")
                .arg(headerParameters)
                .arg(expectedHeader));
    return std::nullopt;
}

} // namespace

int characterCount(const QString &text)
{
    return int(text.toUcs4().size());
}

QString normalizePhoneNumber(const QString &to)
{
    static const QRegularExpression separators(QStringLiteral("[\\s()\\-]"));
    static const QRegularExpression digits(QStringLiteral("^\\+?[0-9]{7,15}$"));
    QString compact = to;
    compact.remove(separators);
    if (!digits.match(compact).hasMatch())
        return {};
    return compact.startsWith(QLatin1Char('+')) ? compact.mid(1) : compact;
}

Error validateMediaObject(const QJsonObject &media, const QString &type)
{
    const bool hasId = media.contains(QStringLiteral("id"));
    const bool hasLink = media.contains(QStringLiteral("link"));
    if (hasId == hasLink)
        return invalid(
            QStringLiteral("Param %1 must have exactly one of 'id' or 'link'.").arg(type));
    if (hasId && media.value(QStringLiteral("id")).toString().isEmpty())
        return invalid(QStringLiteral("Param %1['id'] must be a non-empty string.").arg(type));
    if (hasLink && !isHttpUrl(media.value(QStringLiteral("link")).toString()))
        return invalid(QStringLiteral("Param %1['link'] must be an http(s) URL.").arg(type));
    const QJsonValue caption = media.value(QStringLiteral("caption"));
    if (!caption.isUndefined()) {
        if (type == QLatin1String("audio") || type == QLatin1String("sticker"))
            return invalid(QStringLiteral("Param %1 does not take a caption.").arg(type));
        if (!caption.isString() || characterCount(caption.toString()) > 1024)
            return invalid(
                QStringLiteral("Param %1['caption'] must be at most 1024 characters long.")
                    .arg(type));
    }
    return std::nullopt;
}

Error validateMessage(const QJsonObject &body, const TemplateCatalog &catalog)
{
    if (body.value(QStringLiteral("messaging_product")).toString() != QLatin1String("whatsapp"))
        return invalid(QStringLiteral("The parameter messaging_product is required and must be "
                                      "'whatsapp'."));
    const bool hasTo = body.contains(QStringLiteral("to"));
    const bool hasRecipient = body.contains(QStringLiteral("recipient"));
    if (hasTo == hasRecipient)
        return invalid(QStringLiteral("Exactly one of the parameters 'to' or 'recipient' is "
                                      "required."));
    if (hasTo && normalizePhoneNumber(body.value(QStringLiteral("to")).toString()).isEmpty())
        return invalid(QStringLiteral("Param 'to' is not a valid phone number."));
    if (hasRecipient && body.value(QStringLiteral("recipient")).toString().isEmpty())
        return invalid(QStringLiteral("Param 'recipient' must be a non-empty string."));
    const QJsonValue recipientType = body.value(QStringLiteral("recipient_type"));
    if (!recipientType.isUndefined() && recipientType.toString() != QLatin1String("individual") &&
        recipientType.toString() != QLatin1String("group"))
        return invalid(QStringLiteral("Param recipient_type must be 'individual' or 'group'."));
    const QJsonValue callback = body.value(QStringLiteral("biz_opaque_callback_data"));
    if (!callback.isUndefined() && (!callback.isString() || callback.toString().size() > 512))
        return invalid(QStringLiteral("Param biz_opaque_callback_data must be a string of at "
                                      "most 512 characters."));
    const QJsonValue context = body.value(QStringLiteral("context"));
    if (!context.isUndefined() &&
        context.toObject().value(QStringLiteral("message_id")).toString().isEmpty())
        return invalid(QStringLiteral("Param context['message_id'] is required."));

    const QString type = body.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    const QJsonValue content = body.value(type);
    static const QStringList mediaTypes{QStringLiteral("image"), QStringLiteral("video"),
                                        QStringLiteral("audio"), QStringLiteral("document"),
                                        QStringLiteral("sticker")};
    if (type == QLatin1String("contacts"))
        return validateContacts(content);
    static const QStringList objectTypes{QStringLiteral("text"), QStringLiteral("location"),
                                         QStringLiteral("reaction"), QStringLiteral("interactive"),
                                         QStringLiteral("template")};
    if (!mediaTypes.contains(type) && !objectTypes.contains(type))
        return invalid(QStringLiteral("Param type '%1' is not a valid message type.").arg(type));
    if (!content.isObject())
        return invalid(
            QStringLiteral("The parameter %1 is required and must be an object.").arg(type));
    const QJsonObject object = content.toObject();
    if (mediaTypes.contains(type))
        return validateMediaObject(object, type);
    if (type == QLatin1String("text"))
        return validateText(object);
    if (type == QLatin1String("location"))
        return validateLocation(object);
    if (type == QLatin1String("reaction"))
        return validateReaction(object, body);
    if (type == QLatin1String("interactive"))
        return validateInteractive(object);
    return validateTemplate(object, catalog);
}

Error validateMarkRead(const QJsonObject &body)
{
    if (body.value(QStringLiteral("messaging_product")).toString() != QLatin1String("whatsapp"))
        return invalid(QStringLiteral("The parameter messaging_product is required and must be "
                                      "'whatsapp'."));
    if (body.value(QStringLiteral("status")).toString() != QLatin1String("read"))
        return invalid(QStringLiteral("Param status must be 'read'."));
    if (body.value(QStringLiteral("message_id")).toString().isEmpty())
        return invalid(QStringLiteral("The parameter message_id is required."));
    const QJsonValue typing = body.value(QStringLiteral("typing_indicator"));
    if (!typing.isUndefined() &&
        typing.toObject().value(QStringLiteral("type")).toString() != QLatin1String("text"))
        return invalid(QStringLiteral("Param typing_indicator['type'] must be 'text'."));
    return std::nullopt;
}

} // namespace Serambi::Sim
