#include "chattext.h"

#include "app/message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Serambi::Ui {

QString ChatText::typeLabel(const QString &type)
{
    if (type == QLatin1String("image"))
        return tr("Photo");
    if (type == QLatin1String("video"))
        return tr("Video");
    if (type == QLatin1String("audio"))
        return tr("Voice message");
    if (type == QLatin1String("document"))
        return tr("Document");
    if (type == QLatin1String("sticker"))
        return tr("Sticker");
    if (type == QLatin1String("location"))
        return tr("Location");
    if (type == QLatin1String("contacts"))
        return tr("Contact card");
    if (type == QLatin1String("interactive") || type == QLatin1String("button"))
        return tr("Button reply");
    if (type == QLatin1String("reaction"))
        return tr("Reaction");
    if (type == QLatin1String("template"))
        return tr("Template");
    if (type == QLatin1String("text") || type.isEmpty())
        return {};
    return tr("Unsupported message");
}

QString ChatText::kindSummary(const App::Message &message)
{
    if (message.isRevoked())
        return tr("🚫 Message deleted");
    if (message.isInbound() && message.errorCode != 0)
        return tr("⚠️ %1").arg(undelivered(message.errorTitle, message.errorCode));
    const QJsonObject content = message.content;
    if (message.type == QLatin1String("system"))
        return tr("ℹ️ %1").arg(systemNotice(content.value(QLatin1String("system")).toObject()));
    if (message.type == QLatin1String("location") && message.text.isEmpty())
        return tr("📍 Location");
    if (message.type == QLatin1String("order")) {
        int items = 0;
        const QJsonArray products = content.value(QLatin1String("order"))
                                        .toObject()
                                        .value(QLatin1String("product_items"))
                                        .toArray();
        for (const QJsonValue &product : products)
            items += qMax(1, product.toObject().value(QLatin1String("quantity")).toInt());
        // English has no catalogue to pick a plural form: one sentence per form.
        return items == 1 ? tr("🛒 Order: 1 item") : tr("🛒 Order: %1 items").arg(items);
    }
    if (message.type != QLatin1String("interactive") || !message.isInbound())
        return {};
    const QJsonObject interactive = content.value(QLatin1String("interactive")).toObject();
    const QString kind = interactive.value(QLatin1String("type")).toString();
    const QJsonObject reply = interactive.value(kind).toObject();
    if (kind == QLatin1String("call_permission_reply"))
        return reply.value(QLatin1String("response")).toString() == QLatin1String("accept")
                   ? tr("📞 Calls allowed")
                   : tr("📞 Calls declined");
    if (kind == QLatin1String("nfm_reply")) {
        const QJsonObject answers =
            QJsonDocument::fromJson(reply.value(QLatin1String("response_json")).toString().toUtf8())
                .object();
        const int count = int(answers.size() - (answers.contains(QLatin1String("flow_token"))));
        if (count == 0)
            return tr("📋 Form sent");
        return count == 1 ? tr("📋 Form sent: 1 answer") : tr("📋 Form sent: %1 answers").arg(count);
    }
    return {};
}

QString ChatText::systemNotice(const QJsonObject &system)
{
    const QString type = system.value(QLatin1String("type")).toString();
    if (type == QLatin1String("user_changed_number") ||
        type == QLatin1String("customer_changed_number")) {
        QString number = system.value(QLatin1String("wa_id")).toString();
        if (number.isEmpty())
            number = system.value(QLatin1String("new_wa_id")).toString();
        return number.isEmpty() ? tr("The customer changed their phone number")
                                : tr("The customer changed their phone number to +%1").arg(number);
    }
    if (type == QLatin1String("customer_identity_changed"))
        return tr("The customer's security code changed");
    if (type == QLatin1String("user_changed_user_id"))
        return tr("The customer's WhatsApp account changed");
    const QString body = system.value(QLatin1String("body")).toString();
    return body.isEmpty() ? tr("WhatsApp changed something about this customer's account") : body;
}

QString ChatText::undelivered(const QString &title, int code)
{
    const QString what =
        title.isEmpty() ? QString::number(code) : QStringLiteral("%1 (%2)").arg(title).arg(code);
    return tr("WhatsApp could not deliver this message: %1").arg(what);
}

QString ChatText::edited()
{
    return tr("Edited");
}

QString ChatText::statusText(const QString &status)
{
    if (status == QLatin1String("pending") || status == QLatin1String("accepted"))
        return tr("Sending…");
    if (status == QLatin1String("queued-offline"))
        return tr("Waiting for the connection");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("delivered"))
        return tr("Delivered");
    if (status == QLatin1String("read") || status == QLatin1String("played"))
        return tr("Read");
    if (status == QLatin1String("failed"))
        return tr("Not delivered");
    return tr("Received");
}

QString ChatText::stateChip(Protocol::ConversationState state, bool isMine, const QString &assignee)
{
    switch (state) {
    case Protocol::ConversationState::Bot:
        return tr("AI answering");
    case Protocol::ConversationState::Queued:
        return tr("Waiting for an agent");
    case Protocol::ConversationState::Resolved:
        return tr("Resolved");
    case Protocol::ConversationState::Assigned:
        break;
    }
    if (isMine)
        return tr("Mine");
    if (assignee.isEmpty())
        return tr("Assigned");
    return tr("With %1").arg(assignee);
}

QString ChatText::compactDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

QString ChatText::waitingFor(qint64 seconds)
{
    return tr("Waiting %1").arg(compactDuration(seconds));
}

QString ChatText::windowLeft(qint64 seconds)
{
    if (seconds <= 0)
        return tr("Window closed");
    return tr("%1 left").arg(compactDuration(seconds));
}

QString ChatText::listTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QLocale locale;
    const qint64 days = when.date().daysTo(now.date());
    if (days <= 0)
        return locale.toString(when.time(), QStringLiteral("HH:mm"));
    if (days == 1)
        return tr("Yesterday");
    if (days < 7)
        return locale.dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return locale.toString(when.date(), QLocale::ShortFormat);
}

QString ChatText::dayLabel(const QDate &day, const QDate &today)
{
    const qint64 days = day.daysTo(today);
    if (days == 0)
        return tr("Today");
    if (days == 1)
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString ChatText::aiModeLabel(const QString &mode)
{
    if (mode == QLatin1String("auto"))
        return tr("AI sends replies");
    if (mode == QLatin1String("draft"))
        return tr("AI drafts, agent approves");
    return tr("AI off");
}

QString ChatText::handoffReason(const QString &code)
{
    if (code == QLatin1String("customer_request"))
        return tr("asked for a person");
    if (code == QLatin1String("anger"))
        return tr("customer is upset");
    if (code == QLatin1String("keyword"))
        return tr("mentioned a watched keyword");
    if (code == QLatin1String("low_confidence"))
        return tr("the AI could not answer");
    return tr("needs a person");
}

} // namespace Serambi::Ui
