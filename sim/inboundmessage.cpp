#include "inboundmessage.h"

#include "mediastore.h"
#include "simconfig.h"
#include "simstate.h"

#include <QDateTime>
#include <QJsonArray>

namespace Serambi::Sim {

namespace {

const QStringList MediaTypes{QStringLiteral("image"), QStringLiteral("video"),
                             QStringLiteral("audio"), QStringLiteral("document"),
                             QStringLiteral("sticker")};

std::optional<OrderedJson> mediaContent(const QString &type, const QJsonObject &spec,
                                        const MediaStore &media, QString *error)
{
    const QString reference = spec.value(QStringLiteral("media")).toString();
    const MediaItem *item = nullptr;
    if (reference.isEmpty())
        item = media.defaultSeed(type);
    else if (!(item = media.findSeed(reference)))
        item = media.find(reference);
    if (!item) {
        *error = reference.isEmpty()
                     ? QStringLiteral("no built-in %1 to send; upload one and name it in "
                                      "\"media\"")
                           .arg(type)
                     : QStringLiteral("unknown media \"%1\"").arg(reference);
        return std::nullopt;
    }
    OrderedJson content = OrderedJson::object();
    const QString caption = spec.value(QStringLiteral("caption")).toString();
    if (!caption.isEmpty() && type != QLatin1String("audio") && type != QLatin1String("sticker"))
        content.insert(QStringLiteral("caption"), caption);
    if (type == QLatin1String("document"))
        content.insert(QStringLiteral("filename"),
                       item->filename.isEmpty() ? QStringLiteral("dokumen") : item->filename);
    content.insert(QStringLiteral("mime_type"), item->mimeType);
    content.insert(QStringLiteral("sha256"), item->sha256Base64());
    content.insert(QStringLiteral("id"), item->id);
    if (type == QLatin1String("audio"))
        content.insert(QStringLiteral("voice"), item->voice);
    if (type == QLatin1String("sticker"))
        content.insert(QStringLiteral("animated"), false);
    return content;
}

std::optional<OrderedJson> reactionContent(const QJsonObject &spec, const CustomerInfo &customer,
                                           QString *error)
{
    const QString target =
        spec.value(QStringLiteral("message_id")).toString(customer.lastBusinessWamid);
    if (target.isEmpty()) {
        *error = QStringLiteral("a reaction needs \"message_id\" (the business has not written "
                                "to this customer yet)");
        return std::nullopt;
    }
    return OrderedJson::object(
        {{QStringLiteral("message_id"), target},
         {QStringLiteral("emoji"), spec.value(QStringLiteral("emoji")).toString()}});
}

std::optional<OrderedJson> interactiveContent(const QJsonObject &spec, QString *error)
{
    for (const QString &kind : {QStringLiteral("button_reply"), QStringLiteral("list_reply")}) {
        if (spec.value(kind).isObject())
            return OrderedJson::object(
                {{QStringLiteral("type"), kind}, {kind, OrderedJson(spec.value(kind))}});
    }
    *error = QStringLiteral("an interactive message needs \"button_reply\", \"list_reply\" or a "
                            "full \"interactive\" object");
    return std::nullopt;
}

std::optional<OrderedJson> content(const QString &type, const QJsonObject &spec,
                                   const CustomerInfo &customer, const MediaStore &media,
                                   QString *error)
{
    // The spec may carry the exact object Meta would send under the type's key.
    const QJsonValue literal = spec.value(type);
    if (literal.isObject() || literal.isArray())
        return OrderedJson(literal);
    if (type == QLatin1String("text")) {
        if (!literal.isString() || literal.toString().isEmpty()) {
            *error = QStringLiteral("a text message needs \"text\"");
            return std::nullopt;
        }
        return OrderedJson::object({{QStringLiteral("body"), literal.toString()}});
    }
    if (MediaTypes.contains(type))
        return mediaContent(type, spec, media, error);
    if (type == QLatin1String("location")) {
        OrderedJson location = OrderedJson::object(
            {{QStringLiteral("latitude"), spec.value(QStringLiteral("latitude")).toDouble()},
             {QStringLiteral("longitude"), spec.value(QStringLiteral("longitude")).toDouble()}});
        for (const QString &key : {QStringLiteral("name"), QStringLiteral("address")}) {
            if (spec.contains(key))
                location.insert(key, spec.value(key).toString());
        }
        return location;
    }
    if (type == QLatin1String("reaction"))
        return reactionContent(spec, customer, error);
    if (type == QLatin1String("interactive"))
        return interactiveContent(spec, error);
    if (type == QLatin1String("button"))
        return OrderedJson::object(
            {{QStringLiteral("payload"), spec.value(QStringLiteral("payload")).toString()},
             {QStringLiteral("text"), spec.value(QStringLiteral("text")).toString()}});
    *error = QStringLiteral("cannot build a \"%1\" message without a \"%1\" object").arg(type);
    return std::nullopt;
}

} // namespace

std::optional<OrderedJson> buildInboundMessage(const QJsonObject &spec,
                                               const CustomerInfo &customer, const QString &wamid,
                                               const SimConfig &config, const MediaStore &media,
                                               QString *error)
{
    const QString type = spec.value(QStringLiteral("type")).toString();
    if (type.isEmpty()) {
        *error = QStringLiteral("the message needs a \"type\"");
        return std::nullopt;
    }
    const std::optional<OrderedJson> body = content(type, spec, customer, media, error);
    if (!body)
        return std::nullopt;

    OrderedJson message = OrderedJson::object();
    // Taps on buttons quote the business message they belong to.
    const bool isReply = type == QLatin1String("interactive") || type == QLatin1String("button");
    const QString contextId = spec.value(QStringLiteral("context_id"))
                                  .toString(isReply ? customer.lastBusinessWamid : QString());
    if (!contextId.isEmpty() || spec.value(QStringLiteral("forwarded")).toBool()) {
        OrderedJson context = OrderedJson::object();
        if (!contextId.isEmpty()) {
            context.insert(QStringLiteral("from"), config.displayPhoneNumber);
            context.insert(QStringLiteral("id"), contextId);
        } else {
            context.insert(QStringLiteral("forwarded"), true);
        }
        message.insert(QStringLiteral("context"), context);
    }
    message.insert(QStringLiteral("from"), customer.waId);
    message.insert(QStringLiteral("from_user_id"), customer.userId);
    message.insert(QStringLiteral("id"), wamid);
    message.insert(QStringLiteral("timestamp"),
                   QString::number(QDateTime::currentSecsSinceEpoch()));
    message.insert(QStringLiteral("type"), type);
    message.insert(type, *body);
    return message;
}

} // namespace Serambi::Sim
