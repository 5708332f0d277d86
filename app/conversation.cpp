#include "conversation.h"

namespace Serambi::App {

namespace {
constexpr int RecentTextLimit = 400;

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
    return message.isInbound() && !message.isReaction();
}
} // namespace

Conversation Conversation::fromPayload(const Protocol::ConversationPayload &payload)
{
    Conversation c;
    c.id = payload.id;
    c.phoneNumberId = payload.phoneNumberId;
    c.waId = payload.contact.waId;
    c.userId = payload.contact.userId;
    c.name = payload.contact.name;
    c.username = payload.contact.username;
    c.state = payload.state;
    c.aiMode = payload.aiMode;
    c.assignee = payload.assignee;
    c.handoffReason = payload.handoffReason;
    c.lastInboundAt = payload.lastInboundAt;
    c.lastMessageAt = payload.lastMessageAt;
    c.unread = payload.unread;
    c.labelIds = payload.labels;
    c.team = payload.team;
    c.channel = payload.channel;
    c.csatScore = payload.csatScore;
    if (payload.lastMessage)
        c.lastMessage = Message::fromPayload(*payload.lastMessage);
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
    } else if (!message.isInbound() && message.id >= lastMessage.id) {
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
