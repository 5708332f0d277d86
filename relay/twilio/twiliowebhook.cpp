#include "twiliowebhook.h"

#include "whatsapp/webhookparser.h"

#include <QJsonObject>

namespace Serambi::Relay {

namespace {

const QString AddressPrefix = QStringLiteral("whatsapp:");

QString field(const FormParams &params, const char *name)
{
    return formValue(params, QLatin1String(name));
}

bool isOutboundStatus(const QString &status)
{
    return !status.isEmpty() && status != QLatin1String("received") &&
           status != QLatin1String("receiving");
}

QString relayStatus(const QString &twilio)
{
    if (twilio == QLatin1String("sent") || twilio == QLatin1String("delivered") ||
        twilio == QLatin1String("read"))
        return twilio;
    if (twilio == QLatin1String("failed") || twilio == QLatin1String("undelivered") ||
        twilio == QLatin1String("canceled"))
        return QStringLiteral("failed");
    return QStringLiteral("pending"); // accepted, queued, sending, scheduled, ...
}

QString mediaType(const QString &mimeType)
{
    for (const char *kind : {"image", "video", "audio"}) {
        if (mimeType.startsWith(QLatin1String(kind) + QLatin1Char('/')))
            return QLatin1String(kind);
    }
    return QStringLiteral("document");
}

InboundMessage message(const QString &id, const QString &type, const QJsonObject &content,
                       const InboundMessage &common, const QString &replyTo)
{
    InboundMessage parsed = common;
    parsed.wamid = id;
    parsed.type = type;
    QJsonObject raw{{QLatin1String("from"), common.from.waId},
                    {QLatin1String("id"), id},
                    {QLatin1String("type"), type},
                    {type, content}};
    if (!replyTo.isEmpty())
        raw.insert(QLatin1String("context"), QJsonObject{{QLatin1String("id"), replyTo}});
    parsed.raw = raw;
    parsed.text = messageText(raw);
    parsed.contextId = replyTo;
    return parsed;
}

QList<InboundMessage> messages(const FormParams &params, const InboundMessage &common)
{
    const QString sid = field(params, "MessageSid");
    const QString body = field(params, "Body");
    const QString replyTo = field(params, "OriginalRepliedMessageSid");
    const int media = field(params, "NumMedia").toInt();
    QList<InboundMessage> parsed;
    // WhatsApp carries one media item a message; should Twilio ever list more, each becomes a
    // message of its own, the first keeping the MessageSid and the caption.
    for (int i = 0; i < media; ++i) {
        const QString url = formValue(params, QStringLiteral("MediaUrl%1").arg(i));
        const QString mime = formValue(params, QStringLiteral("MediaContentType%1").arg(i));
        QJsonObject content{{QLatin1String("id"), url}, {QLatin1String("mime_type"), mime}};
        if (i == 0 && !body.isEmpty())
            content.insert(QLatin1String("caption"), body);
        const QString id = i == 0 ? sid : QStringLiteral("%1/%2").arg(sid).arg(i);
        parsed.append(message(id, mediaType(mime), content, common, replyTo));
    }
    if (!parsed.isEmpty())
        return parsed;
    if (hasFormValue(params, QStringLiteral("Latitude")) &&
        hasFormValue(params, QStringLiteral("Longitude"))) {
        QJsonObject location{{QLatin1String("latitude"), field(params, "Latitude").toDouble()},
                             {QLatin1String("longitude"), field(params, "Longitude").toDouble()}};
        if (const QString label = field(params, "Label"); !label.isEmpty())
            location.insert(QLatin1String("name"), label);
        if (const QString address = field(params, "Address"); !address.isEmpty())
            location.insert(QLatin1String("address"), address);
        parsed.append(message(sid, QStringLiteral("location"), location, common, replyTo));
    } else if (hasFormValue(params, QStringLiteral("ButtonPayload")) ||
               hasFormValue(params, QStringLiteral("ButtonText"))) {
        const QString text = field(params, "ButtonText");
        const QJsonObject button{{QLatin1String("text"), text.isEmpty() ? body : text},
                                 {QLatin1String("payload"), field(params, "ButtonPayload")}};
        parsed.append(message(sid, QStringLiteral("button"), button, common, replyTo));
    } else if (!body.isEmpty()) {
        parsed.append(message(sid, QStringLiteral("text"),
                              QJsonObject{{QLatin1String("body"), body}}, common, replyTo));
    } else {
        // Something this channel does not read (a sticker without media, a contact card, ...):
        // kept so agents see that the customer sent something.
        const QString type = field(params, "MessageType");
        InboundMessage unknown = message(sid, type.isEmpty() ? QStringLiteral("unknown") : type,
                                         QJsonObject(), common, replyTo);
        unknown.supported = false;
        parsed.append(unknown);
    }
    return parsed;
}

StatusUpdate status(const FormParams &params, const QString &businessNumber)
{
    StatusUpdate update;
    update.phoneNumberId = businessNumber;
    update.wamid = field(params, "MessageSid");
    update.status = relayStatus(field(params, "MessageStatus"));
    update.recipientId = field(params, "To").mid(AddressPrefix.size() + 1);
    if (update.status == QLatin1String("failed")) {
        update.errorCode = field(params, "ErrorCode").toInt();
        update.errorTitle = field(params, "ErrorMessage");
        if (update.errorTitle.isEmpty())
            update.errorTitle = QStringLiteral("Twilio: %1").arg(field(params, "MessageStatus"));
    }
    QJsonObject raw;
    for (const auto &[name, value] : params)
        raw.insert(name, value);
    update.raw = raw;
    return update;
}

} // namespace

QString whatsAppAddress(const QString &e164)
{
    return AddressPrefix + e164;
}

std::optional<WebhookBatch> parseTwilioWebhook(const FormParams &params, const QString &ourAddress,
                                               const QString &businessNumber, QString *error,
                                               QString *foreignAddress)
{
    if (field(params, "MessageSid").isEmpty()) {
        *error = QStringLiteral("no MessageSid");
        return std::nullopt;
    }
    WebhookBatch batch;
    const QString messageStatus = field(params, "MessageStatus");
    if (isOutboundStatus(messageStatus)) {
        // A status callback comes from our sender.
        const QString from = field(params, "From");
        if (!from.isEmpty() && from != ourAddress) {
            *foreignAddress = from;
            return batch;
        }
        batch.statuses.append(status(params, businessNumber));
        return batch;
    }
    const QString from = field(params, "From");
    if (!from.startsWith(AddressPrefix + QLatin1Char('+')) ||
        from.size() <= AddressPrefix.size() + 1) {
        *error = QStringLiteral("From is not a whatsapp:+<number> address");
        return std::nullopt;
    }
    const QString to = field(params, "To");
    if (to != ourAddress) {
        *foreignAddress = to;
        return batch;
    }
    InboundMessage common;
    common.phoneNumberId = businessNumber;
    common.displayPhoneNumber = to.mid(AddressPrefix.size());
    common.from.waId = field(params, "WaId");
    if (common.from.waId.isEmpty())
        common.from.waId = from.mid(AddressPrefix.size() + 1);
    common.from.profileName = field(params, "ProfileName");
    batch.messages = messages(params, common);
    return batch;
}

} // namespace Serambi::Relay
