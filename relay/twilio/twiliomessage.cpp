#include "twiliomessage.h"

#include "twiliowebhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Serambi::Relay {

namespace {

QString stringAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool isContentSid(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^HX[0-9a-fA-F]{32}$"));
    return pattern.match(name).hasMatch();
}

bool addTemplate(const QJsonObject &object, const TwilioSender &sender, FormParams *form,
                 QString *error)
{
    const QString name = stringAt(object, "name");
    const QString sid = isContentSid(name) ? name : sender.contentSids.value(name);
    if (sid.isEmpty())
        return fail(
            error,
            QStringLiteral("template %1 has no Twilio ContentSid (content_templates)").arg(name));
    QJsonObject variables;
    const QJsonArray components = object.value(QLatin1String("components")).toArray();
    for (const QJsonValue &value : components) {
        const QJsonObject component = value.toObject();
        const QJsonArray parameters = component.value(QLatin1String("parameters")).toArray();
        if (parameters.isEmpty())
            continue;
        if (stringAt(component, "type") != QLatin1String("body"))
            return fail(error, QStringLiteral("Twilio templates take parameters in the body only"));
        for (const QJsonValue &parameter : parameters) {
            const QJsonObject text = parameter.toObject();
            if (stringAt(text, "type") != QLatin1String("text"))
                return fail(error, QStringLiteral("Twilio templates take text parameters only"));
            variables.insert(QString::number(variables.size() + 1), stringAt(text, "text"));
        }
    }
    form->append({QStringLiteral("ContentSid"), sid});
    if (!variables.isEmpty())
        form->append({QStringLiteral("ContentVariables"),
                      QString::fromUtf8(QJsonDocument(variables).toJson(QJsonDocument::Compact))});
    return true;
}

bool addMedia(const QString &type, const QJsonObject &object, FormParams *form, QString *error)
{
    const QString link = stringAt(object, "link");
    if (link.isEmpty())
        return fail(error, QStringLiteral("Twilio sends %1 only from a public URL").arg(type));
    if (const QString caption = stringAt(object, "caption"); !caption.isEmpty())
        form->append({QStringLiteral("Body"), caption});
    form->append({QStringLiteral("MediaUrl"), link});
    return true;
}

} // namespace

bool twilioMessageForm(const QJsonObject &message, const TwilioSender &sender, FormParams *form,
                       QString *error)
{
    form->clear();
    const QString to = stringAt(message, "to");
    if (!to.startsWith(QLatin1Char('+')))
        return fail(error, QStringLiteral("Twilio needs the customer's phone number"));
    form->append({QStringLiteral("To"), whatsAppAddress(to)});
    form->append({QStringLiteral("From"), sender.from});
    const QString type = stringAt(message, "type");
    const QJsonObject object = message.value(type).toObject();
    bool ok = false;
    if (type == QLatin1String("text")) {
        form->append({QStringLiteral("Body"), stringAt(object, "body")});
        ok = true;
    } else if (type == QLatin1String("image") || type == QLatin1String("video") ||
               type == QLatin1String("audio") || type == QLatin1String("document")) {
        ok = addMedia(type, object, form, error);
    } else if (type == QLatin1String("template")) {
        ok = addTemplate(object, sender, form, error);
    } else {
        ok = fail(error, QStringLiteral("Twilio's Messages resource cannot send %1 messages")
                             .arg(type.isEmpty() ? QStringLiteral("untyped") : type));
    }
    if (ok && !sender.statusCallback.isEmpty())
        form->append({QStringLiteral("StatusCallback"), sender.statusCallback});
    return ok;
}

} // namespace Serambi::Relay
