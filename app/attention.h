#pragma once

#include "conversation.h"

#include <QObject>

#include <optional>

namespace Serambi::App {

class CommandQueue;
class ConversationListModel;
class Inbox;
class Notes;
class Session;

// Which chat needs the agent next, and when a change is worth a notification: a chat assigned
// to them by someone else, one that moved to the human queue, or a note that mentions them.
class Attention : public QObject
{
    Q_OBJECT

public:
    enum class Reason {
        AssignedToMe,   // a conversation was assigned to the signed-in user by someone else
        HumanRequested, // a conversation moved to the human queue (the customer or the AI asked)
        Mentioned,      // a colleague @mentioned the signed-in user in a note
    };
    Q_ENUM(Reason)

    Attention(Inbox *inbox, Session *session, CommandQueue *commands, Notes *notes,
              QObject *parent = nullptr);

    // Why a live change from previous (null: new to the console) to current needs me, if it
    // does. ownCommandPending: my own command on it awaits its result (I asked for it).
    static std::optional<Reason> reasonFor(const Conversation *previous,
                                           const Conversation &current, const QString &me,
                                           bool ownCommandPending);
    // The chat after (or before) fromId, in urgency order, that needs attention; 0 when none
    // does (or only fromId does).
    static qint64 next(const ConversationListModel *list, qint64 fromId, bool backwards = false);
    qint64 next(qint64 fromId, bool backwards = false) const;
    int unreadTotal() const;

Q_SIGNALS:
    void attentionRequested(qint64 conversationId, Serambi::App::Attention::Reason reason);
    void unreadTotalChanged(int total);

private:
    Inbox *m_inbox;
    Session *m_session;
    CommandQueue *m_commands;
};

} // namespace Serambi::App
