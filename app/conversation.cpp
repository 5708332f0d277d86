#include "conversation.h"

namespace Serambi::App {

namespace {
constexpr int RecentTextLimit = 400;

QString stringOf(const QJsonObject &json, QLatin1String key)
{
    return json.value(key).toString();
}

QString prependRecent(const QString &text, const QString &recent)
{
    const QString joined = text.toLower() + QLatin1Char('\n') + recent;
    return joined.left(RecentTextLimit);
}

// The search text without a text the customer edited away or deleted (the latest occurrence).
QString withoutText(const QString &recent, const QString &text)
{
    if (text.isEmpty())
        return recent;
    const QString lowered = text.toLower() + QLatin1Char('\n');
    const qsizetype at = recent.indexOf(lowered);
    if (at >= 0)
        return QString(recent).remove(at, lowered.size());
    return recent == text.toLower() ? QString() : recent;
}

bool isCustomerText(const Message &message)
{
    return message.direction == QLatin1String("in") && !message.isReaction();
}
} // namespace

Conversation Conversation::fromJson(const QJsonObject &json)
{
    Conversation c;
    c.id = json.value(QLatin1String("id")).toInteger();
    c.phoneNumberId = stringOf(json, QLatin1String("phone_number_id"));
    const QJsonObject contact = json.value(QLatin1String("contact")).toObject();
    c.waId = stringOf(contact, QLatin1String("wa_id"));
    c.userId = stringOf(contact, QLatin1String("user_id"));
    c.name = stringOf(contact, QLatin1String("name"));
    c.username = stringOf(contact, QLatin1String("username"));
    c.state = stringOf(json, QLatin1String("state"));
    c.aiMode = stringOf(json, QLatin1String("ai_mode"));
    c.assignee = stringOf(json, QLatin1String("assignee"));
    c.handoffReason = stringOf(json, QLatin1String("handoff_reason"));
    c.lastInboundAt = json.value(QLatin1String("last_inbound_at")).toInteger();
    c.lastMessageAt = json.value(QLatin1String("last_message_at")).toInteger();
    c.unread = json.value(QLatin1String("unread")).toInt();
    const QJsonValue last = json.value(QLatin1String("last_message"));
    if (last.isObject())
        c.lastMessage = Message::fromJson(last.toObject());
    c.waitingSince = isCustomerText(c.lastMessage) ? c.lastMessage.timestamp : 0;
    c.recentText = c.lastMessage.text.toLower();
    return c;
}

void Conversation::carryLocalState(const Conversation &previous)
{
    recentText = previous.recentText;
    if (lastMessage.id != 0 && lastMessage.id != previous.lastMessage.id &&
        !lastMessage.text.isEmpty()) {
        recentText = prependRecent(lastMessage.text, recentText);
    } else if (lastMessage.id != 0 && lastMessage.id == previous.lastMessage.id &&
               lastMessage.text != previous.lastMessage.text) {
        // Edited or deleted by the customer: search finds the new words only.
        recentText = withoutText(recentText, previous.lastMessage.text);
        if (!lastMessage.text.isEmpty())
            recentText = prependRecent(lastMessage.text, recentText);
    }
    if (!isCustomerText(lastMessage))
        waitingSince = lastMessage.id == 0 ? previous.waitingSince : 0;
    else if (previous.waitingSince != 0 && previous.waitingSince <= lastMessage.timestamp)
        waitingSince = previous.waitingSince;
    else
        waitingSince = lastMessage.timestamp;
}

void Conversation::applyMessage(const Message &message)
{
    if (message.isReaction() || message.isLocal())
        return;
    if (message.id > lastMessage.id) {
        lastMessage = message;
        lastMessageAt = qMax(lastMessageAt, message.timestamp);
        if (!message.text.isEmpty()) {
            recentText = prependRecent(message.text, recentText);
        }
    } else if (message.id == lastMessage.id) {
        if (message.text != lastMessage.text) {
            recentText = withoutText(recentText, lastMessage.text);
            if (!message.text.isEmpty())
                recentText = prependRecent(message.text, recentText);
        }
        lastMessage = message;
    }
    if (isCustomerText(message)) {
        lastInboundAt = qMax(lastInboundAt, message.timestamp);
        if (waitingSince == 0)
            waitingSince = message.timestamp;
    } else if (message.direction == QLatin1String("out") && message.id >= lastMessage.id) {
        waitingSince = 0;
    }
}

QString Conversation::displayName() const
{
    return name.isEmpty() ? displayHandle() : name;
}

QString Conversation::displayHandle() const
{
    if (!waId.isEmpty())
        return QLatin1Char('+') + waId;
    return username.isEmpty() ? userId : username;
}

} // namespace Serambi::App
