#include "chattext.h"

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

QString ChatText::stateChip(const QString &state, bool isMine, const QString &assignee)
{
    if (state == QLatin1String("bot"))
        return tr("AI answering");
    if (state == QLatin1String("queued"))
        return tr("Waiting for an agent");
    if (state == QLatin1String("resolved"))
        return tr("Resolved");
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
