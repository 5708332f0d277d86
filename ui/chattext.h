#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "protocol/types.h"

namespace Serambi::App {
struct Message;
}

namespace Serambi::Ui {

// The short words the chat list and the conversation view paint: message kinds, delivery
// states, conversation states, durations and times. Translated; made fresh on every paint,
// so a language switch shows at once.
class ChatText
{
    Q_DECLARE_TR_FUNCTIONS(ChatText)

public:
    // "Photo", "Voice message", … for a WhatsApp message type; empty for text.
    static QString typeLabel(const QString &type);
    // The chat list's words for a message whose kind says more than its text, with its own
    // icon: "🚫 Message deleted", "📍 Location", "🛒 Order: 3 items", "📞 Calls allowed",
    // "📋 Form sent", "⚠️ …", a system notice. Empty when the text (or typeLabel) says it.
    static QString kindSummary(const App::Message &message);
    // A WhatsApp system message (content.system) in words: a number or security code changed.
    static QString systemNotice(const QJsonObject &system);
    // Meta could not process an inbound message: its error (title and code) in words.
    static QString undelivered(const QString &title, int code);
    // "Edited".
    static QString edited();
    // "Sent", "Delivered", "Read", "Not delivered", "Sending…", "Waiting for the connection".
    static QString statusText(const QString &status);
    // The chip of a conversation: AI answering, waiting for an agent, mine, X's, resolved.
    static QString stateChip(Protocol::ConversationState state, bool isMine,
                             const QString &assignee);
    // "45 s", "12 min", "3 h", "2 d".
    static QString compactDuration(qint64 seconds);
    // "Waiting 12 min".
    static QString waitingFor(qint64 seconds);
    // "3 h left" / "Window closed".
    static QString windowLeft(qint64 seconds);
    // "14:05" today, "Yesterday", a weekday this week, else a short date.
    static QString listTime(const QDateTime &when, const QDateTime &now);
    // "Today", "Yesterday", else a long date: the conversation view's day separators.
    static QString dayLabel(const QDate &day, const QDate &today);
    static QString aiModeLabel(const QString &mode);
    // Why the chat waits for a person, from the relay's handoff_reason code.
    static QString handoffReason(const QString &code);
};

} // namespace Serambi::Ui
