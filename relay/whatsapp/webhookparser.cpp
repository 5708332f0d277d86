#include "webhookparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

namespace Serambi::Relay {

namespace {

QLatin1String key(const char *name)
{
    return QLatin1String(name);
}

QJsonObject objectAt(const QJsonObject &object, const char *name)
{
    return object.value(key(name)).toObject();
}

QJsonArray arrayAt(const QJsonObject &object, const char *name)
{
    return object.value(key(name)).toArray();
}

// Ids, phone numbers and timestamps are documented as strings but tolerated as numbers.
QString lenientString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        const qint64 integer = value.toInteger();
        if (double(integer) == number)
            return QString::number(integer);
        return QString::number(number, 'g', 17);
    }
    return {};
}

QString stringAt(const QJsonObject &object, const char *name)
{
    return lenientString(object.value(key(name)));
}

qint64 lenientInteger(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    if (value.isString()) {
        bool ok = false;
        const qint64 integer = value.toString().toLongLong(&ok);
        return ok ? integer : 0;
    }
    return 0;
}

qint64 integerAt(const QJsonObject &object, const char *name)
{
    return lenientInteger(object.value(key(name)));
}

struct ErrorFields
{
    int code = 0;
    QString title;
    QString details;
};

// One element of any errors[] array: {code, title, message, error_data: {details}}.
ErrorFields errorFields(const QJsonObject &error)
{
    ErrorFields fields;
    fields.code = int(integerAt(error, "code"));
    fields.title = stringAt(error, "title");
    if (fields.title.isEmpty())
        fields.title = stringAt(error, "message");
    fields.details = stringAt(objectAt(error, "error_data"), "details");
    return fields;
}

ErrorFields firstError(const QJsonObject &object)
{
    const QJsonArray errors = arrayAt(object, "errors");
    return errors.isEmpty() ? ErrorFields{} : errorFields(errors.first().toObject());
}

WaContact contactFrom(const QJsonObject &contact)
{
    const QJsonObject profile = objectAt(contact, "profile");
    WaContact parsed;
    parsed.waId = stringAt(contact, "wa_id");
    parsed.userId = stringAt(contact, "user_id");
    parsed.parentUserId = stringAt(contact, "parent_user_id");
    parsed.profileName = stringAt(profile, "name");
    parsed.username = stringAt(profile, "username");
    return parsed;
}

const WaContact *matchingContact(const QList<WaContact> &contacts, const WaContact &sender)
{
    if (contacts.size() == 1)
        return &contacts.first();
    for (const WaContact &contact : contacts) {
        if ((!sender.waId.isEmpty() && contact.waId == sender.waId) ||
            (!sender.userId.isEmpty() && contact.userId == sender.userId))
            return &contact;
    }
    return nullptr;
}

void fillGap(QString &field, const QString &fallback)
{
    if (field.isEmpty())
        field = fallback;
}

// messages[].from* name the sender; value.contacts[] adds the profile and any missing id.
WaContact senderOf(const QJsonObject &message, const QList<WaContact> &contacts)
{
    WaContact sender;
    sender.waId = stringAt(message, "from");
    sender.userId = stringAt(message, "from_user_id");
    sender.parentUserId = stringAt(message, "from_parent_user_id");
    if (const WaContact *contact = matchingContact(contacts, sender)) {
        fillGap(sender.waId, contact->waId);
        fillGap(sender.userId, contact->userId);
        fillGap(sender.parentUserId, contact->parentUserId);
        sender.profileName = contact->profileName;
        sender.username = contact->username;
    }
    return sender;
}

QString textOrCaption(const QJsonObject &message)
{
    const QString body = stringAt(objectAt(message, "text"), "body");
    if (!body.isEmpty())
        return body;
    const QString type = stringAt(message, "type");
    return type.isEmpty()
               ? QString()
               : lenientString(message.value(type).toObject().value(QLatin1String("caption")));
}

QString interactiveText(const QJsonObject &interactive)
{
    const QString type = stringAt(interactive, "type");
    const QJsonObject reply = interactive.value(type).toObject();
    if (type == QLatin1String("nfm_reply"))
        return stringAt(reply, "body");
    return stringAt(reply, "title");
}

struct TypeInfo
{
    bool supported = false;
    QString text;
    QString targetId; // the wamid a reaction, revoke or edit acts on
};

TypeInfo typeInfo(const QString &type, const QJsonObject &message);

// An edit's new message is read as a message of its own type (a text, or media with a caption).
QString editedText(const QJsonObject &edited)
{
    const QString type = stringAt(edited, "type");
    if (type == QLatin1String("edit") || type == QLatin1String("revoke"))
        return {};
    QString text = typeInfo(type, edited).text;
    return text.isEmpty() ? textOrCaption(edited) : text;
}

TypeInfo typeInfo(const QString &type, const QJsonObject &message)
{
    const QJsonObject content = message.value(type).toObject();
    TypeInfo info;
    info.supported = true;
    if (type == QLatin1String("text")) {
        info.text = stringAt(content, "body");
    } else if (type == QLatin1String("image") || type == QLatin1String("video")) {
        info.text = stringAt(content, "caption");
    } else if (type == QLatin1String("document")) {
        info.text = stringAt(content, "caption");
        fillGap(info.text, stringAt(content, "filename"));
    } else if (type == QLatin1String("audio") || type == QLatin1String("sticker") ||
               type == QLatin1String("request_welcome")) {
        // Nothing to show as text: media without a caption, or a bare event.
    } else if (type == QLatin1String("location")) {
        info.text = stringAt(content, "name");
        fillGap(info.text, stringAt(content, "address"));
    } else if (type == QLatin1String("contacts")) {
        const QJsonArray cards = arrayAt(message, "contacts");
        if (!cards.isEmpty())
            info.text = stringAt(objectAt(cards.first().toObject(), "name"), "formatted_name");
    } else if (type == QLatin1String("interactive")) {
        info.text = interactiveText(content);
    } else if (type == QLatin1String("button")) {
        info.text = stringAt(content, "text");
        fillGap(info.text, stringAt(content, "payload"));
    } else if (type == QLatin1String("reaction")) {
        info.text = stringAt(content, "emoji");
        info.targetId = stringAt(content, "message_id");
    } else if (type == QLatin1String("order")) {
        info.text = stringAt(content, "text");
    } else if (type == QLatin1String("system")) {
        info.text = stringAt(content, "body");
    } else if (type == QLatin1String("revoke")) {
        info.targetId = stringAt(content, "original_message_id");
    } else if (type == QLatin1String("edit")) {
        info.text = editedText(objectAt(content, "message"));
        info.targetId = stringAt(content, "original_message_id");
    } else {
        info.supported = false;
    }
    return info;
}

InboundMessage inboundMessage(const QJsonObject &message, const QList<WaContact> &contacts)
{
    InboundMessage parsed;
    parsed.from = senderOf(message, contacts);
    parsed.wamid = stringAt(message, "id");
    parsed.timestamp = integerAt(message, "timestamp");
    parsed.type = stringAt(message, "type");
    TypeInfo info = typeInfo(parsed.type, message);
    parsed.text = std::move(info.text);
    parsed.supported = info.supported;
    parsed.contextId =
        info.targetId.isEmpty() ? stringAt(objectAt(message, "context"), "id") : info.targetId;
    ErrorFields error = firstError(message);
    parsed.errorCode = error.code;
    parsed.errorTitle = std::move(error.title);
    parsed.errorDetails = std::move(error.details);
    parsed.raw = message;
    return parsed;
}

StatusUpdate statusUpdate(const QJsonObject &status)
{
    StatusUpdate parsed;
    parsed.wamid = stringAt(status, "id");
    parsed.status = stringAt(status, "status");
    parsed.timestamp = integerAt(status, "timestamp");
    parsed.recipientId = stringAt(status, "recipient_id");
    parsed.recipientUserId = stringAt(status, "recipient_user_id");
    parsed.callbackData = stringAt(status, "biz_opaque_callback_data");
    const QJsonObject pricing = objectAt(status, "pricing");
    // Meta spells the international authentication category with a hyphen or an underscore.
    parsed.pricingCategory =
        stringAt(pricing, "category").replace(QLatin1Char('-'), QLatin1Char('_'));
    parsed.pricingType = stringAt(pricing, "type");
    ErrorFields error = firstError(status);
    parsed.errorCode = error.code;
    parsed.errorTitle = std::move(error.title);
    parsed.errorDetails = std::move(error.details);
    parsed.raw = status;
    return parsed;
}

void parseMessagesValue(const QJsonObject &value, WebhookBatch &batch)
{
    const QJsonObject metadata = objectAt(value, "metadata");
    const QString phoneNumberId = stringAt(metadata, "phone_number_id");
    const QString displayPhoneNumber = stringAt(metadata, "display_phone_number");
    batch.changeNumbers.append(phoneNumberId);

    const QJsonArray contactArray = arrayAt(value, "contacts");
    QList<WaContact> contacts;
    contacts.reserve(contactArray.size());
    for (const auto &contact : contactArray) {
        if (contact.isObject())
            contacts.append(contactFrom(contact.toObject()));
    }

    const QJsonArray messages = arrayAt(value, "messages");
    for (const auto &message : messages) {
        if (!message.isObject())
            continue;
        batch.messages.append(inboundMessage(message.toObject(), contacts));
        InboundMessage &parsed = batch.messages.last();
        parsed.phoneNumberId = phoneNumberId;
        parsed.displayPhoneNumber = displayPhoneNumber;
    }

    const QJsonArray statuses = arrayAt(value, "statuses");
    for (const auto &status : statuses) {
        if (!status.isObject())
            continue;
        batch.statuses.append(statusUpdate(status.toObject()));
        batch.statuses.last().phoneNumberId = phoneNumberId;
    }

    const QJsonArray errors = arrayAt(value, "errors");
    for (const auto &error : errors) {
        if (!error.isObject())
            continue;
        ErrorFields fields = errorFields(error.toObject());
        batch.errors.append(AsyncError{phoneNumberId, fields.code, std::move(fields.title),
                                       std::move(fields.details)});
    }
}

template<typename Item> void dropWhere(QList<Item> &items, const QSet<QString> &numbers)
{
    items.removeIf([&numbers](const Item &item) { return numbers.contains(item.phoneNumberId); });
}

} // namespace

QString messageText(const QJsonObject &message)
{
    return typeInfo(stringAt(message, "type"), message).text;
}

int dropOtherNumbers(WebhookBatch &batch, const QString &servedNumber, QStringList *foreignNumbers)
{
    QSet<QString> foreign;
    int dropped = 0;
    for (const QString &number : std::as_const(batch.changeNumbers)) {
        if (number == servedNumber)
            continue;
        ++dropped;
        if (!foreign.contains(number)) {
            foreign.insert(number);
            if (foreignNumbers)
                foreignNumbers->append(number);
        }
    }
    if (dropped == 0)
        return 0;
    dropWhere(batch.messages, foreign);
    dropWhere(batch.statuses, foreign);
    dropWhere(batch.errors, foreign);
    batch.changeNumbers.removeIf([&foreign](const QString &n) { return foreign.contains(n); });
    return dropped;
}

std::optional<WebhookBatch> parseWebhook(const QByteArray &body, QString *error)
{
    auto fail = [error](const QString &reason) -> std::optional<WebhookBatch> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("webhook body is not JSON: %1 at offset %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("webhook body is not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(key("object")).toString() != QLatin1String("whatsapp_business_account"))
        return fail(QStringLiteral("webhook \"object\" is not \"whatsapp_business_account\""));
    const QJsonValue entries = root.value(key("entry"));
    if (!entries.isArray())
        return fail(QStringLiteral("webhook \"entry\" is not an array"));

    WebhookBatch batch;
    const QJsonArray entryArray = entries.toArray();
    for (const auto &entry : entryArray) {
        const QJsonArray changes = arrayAt(entry.toObject(), "changes");
        for (const auto &changeValue : changes) {
            const QJsonObject change = changeValue.toObject();
            if (change.value(key("field")).toString() != QLatin1String("messages")) {
                ++batch.ignoredChanges;
                continue;
            }
            parseMessagesValue(objectAt(change, "value"), batch);
        }
    }
    return batch;
}

} // namespace Serambi::Relay
