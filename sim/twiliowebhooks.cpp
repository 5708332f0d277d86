#include "twiliowebhooks.h"

#include "simconfig.h"
#include "twilioform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Serambi::Sim {

namespace {

QString stringAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString address(const QString &digits)
{
    return QStringLiteral("whatsapp:+") + digits;
}

TwilioForm common(const SimConfig &config)
{
    return {{QStringLiteral("AccountSid"), config.twilioAccountSid},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
}

void addContent(const QJsonObject &message, const QString &sid, const SimConfig &config,
                const QUrl &mediaBase, TwilioForm &form)
{
    const QString type = stringAt(message, "type");
    const QJsonObject content = message.value(type).toObject();
    QString body;
    int media = 0;
    if (type == QLatin1String("text")) {
        body = stringAt(content, "body");
    } else if (type == QLatin1String("image") || type == QLatin1String("video") ||
               type == QLatin1String("audio") || type == QLatin1String("document") ||
               type == QLatin1String("sticker")) {
        media = 1;
        body = stringAt(content, "caption");
        QUrl url = mediaBase;
        url.setPath(QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2/Media/%3")
                        .arg(config.twilioAccountSid, sid, stringAt(content, "id")));
        form.append({QStringLiteral("MediaUrl0"), url.toString()});
        form.append({QStringLiteral("MediaContentType0"), stringAt(content, "mime_type")});
    } else if (type == QLatin1String("location")) {
        form.append(
            {QStringLiteral("Latitude"),
             QString::number(content.value(QLatin1String("latitude")).toDouble(), 'g', 10)});
        form.append(
            {QStringLiteral("Longitude"),
             QString::number(content.value(QLatin1String("longitude")).toDouble(), 'g', 10)});
        if (content.contains(QLatin1String("address")))
            form.append({QStringLiteral("Address"), stringAt(content, "address")});
        if (content.contains(QLatin1String("name")))
            form.append({QStringLiteral("Label"), stringAt(content, "name")});
    } else if (type == QLatin1String("button")) {
        body = stringAt(content, "text");
        form.append({QStringLiteral("ButtonText"), body});
        form.append({QStringLiteral("ButtonPayload"), stringAt(content, "payload")});
    } else if (type == QLatin1String("interactive")) {
        const QJsonObject reply = content.value(stringAt(content, "type")).toObject();
        body = stringAt(reply, "title");
        form.append({QStringLiteral("ButtonText"), body});
        form.append({QStringLiteral("ButtonPayload"), stringAt(reply, "id")});
    }
    form.append({QStringLiteral("MessageType"),
                 type == QLatin1String("interactive") ? QStringLiteral("button") : type});
    form.append({QStringLiteral("Body"), body});
    form.append({QStringLiteral("NumMedia"), QString::number(media)});
}

TwilioForm messageForm(const SimConfig &config, const QUrl &mediaBase, const QJsonObject &message,
                       const QJsonArray &contacts)
{
    const QString from = stringAt(message, "from");
    const QString sid = twilioMessageSid(stringAt(message, "id"));
    TwilioForm form = common(config);
    form.append({QStringLiteral("MessageSid"), sid});
    form.append({QStringLiteral("SmsMessageSid"), sid});
    form.append({QStringLiteral("From"), address(from)});
    form.append({QStringLiteral("To"), QStringLiteral("whatsapp:") + config.twilioNumber});
    form.append({QStringLiteral("WaId"), from});
    for (const QJsonValue &value : contacts) {
        const QJsonObject contact = value.toObject();
        if (stringAt(contact, "wa_id") == from)
            form.append({QStringLiteral("ProfileName"),
                         stringAt(contact.value(QLatin1String("profile")).toObject(), "name")});
    }
    const QString replyTo = stringAt(message.value(QLatin1String("context")).toObject(), "id");
    if (!replyTo.isEmpty())
        form.append({QStringLiteral("OriginalRepliedMessageSid"), twilioMessageSid(replyTo)});
    addContent(message, sid, config, mediaBase, form);
    return form;
}

TwilioForm statusForm(const SimConfig &config, const QJsonObject &status)
{
    TwilioForm form = common(config);
    const QString name = stringAt(status, "status");
    form.append({QStringLiteral("MessageSid"), stringAt(status, "id")});
    form.append({QStringLiteral("MessageStatus"), name});
    form.append({QStringLiteral("SmsStatus"), name});
    form.append({QStringLiteral("From"), QStringLiteral("whatsapp:") + config.twilioNumber});
    form.append({QStringLiteral("To"), address(stringAt(status, "recipient_id"))});
    const QJsonObject error = status.value(QLatin1String("errors")).toArray().at(0).toObject();
    if (name == QLatin1String("failed") && !error.isEmpty()) {
        form.append({QStringLiteral("ErrorCode"),
                     QString::number(error.value(QLatin1String("code")).toInt())});
        form.append({QStringLiteral("ErrorMessage"), stringAt(error, "title")});
    }
    return form;
}

WebhookDelivery signedDelivery(const SimConfig &config, const TwilioForm &form, const QUrl &url)
{
    return {QByteArrayLiteral("application/x-www-form-urlencoded"),
            encodeTwilioForm(form),
            {{QByteArrayLiteral("X-Twilio-Signature"),
              twilioSignature(url.toString(QUrl::FullyEncoded), form, config.twilioAuthToken)},
             {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("TwilioProxy/1.1")}}};
}

} // namespace

QList<WebhookDelivery> twilioDeliveries(const SimConfig &config, const QUrl &mediaBase,
                                        const QByteArray &metaBody, const QUrl &url)
{
    QList<WebhookDelivery> deliveries;
    const QJsonArray entries =
        QJsonDocument::fromJson(metaBody).object().value(QLatin1String("entry")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonArray changes = entry.toObject().value(QLatin1String("changes")).toArray();
        for (const QJsonValue &change : changes) {
            const QJsonObject value = change.toObject().value(QLatin1String("value")).toObject();
            const QJsonArray contacts = value.value(QLatin1String("contacts")).toArray();
            for (const QJsonValue &message : value.value(QLatin1String("messages")).toArray())
                deliveries.append(signedDelivery(
                    config, messageForm(config, mediaBase, message.toObject(), contacts), url));
            for (const QJsonValue &status : value.value(QLatin1String("statuses")).toArray())
                deliveries.append(
                    signedDelivery(config, statusForm(config, status.toObject()), url));
        }
    }
    return deliveries;
}

} // namespace Serambi::Sim
