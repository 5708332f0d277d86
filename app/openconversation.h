#pragma once

#include "agentinfo.h"
#include "conversation.h"
#include "draft.h"

#include "protocol/commands.h"
#include "protocol/types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Serambi::App {

class CommandQueue;
class Inbox;
class MessageListModel;
class RelayClient;
class Session;
struct CachedState;

// The chat on screen and its rules: its messages (the cache's newest page at once, the relay's
// pages when online), its draft and whether it may be approved, whether the 24-hour window is
// open, the agent's unsent text (per chat, kept across restarts) and every action an agent
// takes on it. Actions are queued (CommandQueue) and false when there is nothing to act on.
class OpenConversation : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // Unsent composer text is written this long after the last keystroke.
        int unsentTextDebounceMs = 300;
        // The console tells the relay the agent is typing at most this often per chat.
        int typingIntervalMs = 10000;
    };

    OpenConversation(RelayClient *relay, Session *session, Inbox *inbox, CommandQueue *commands,
                     MessageListModel *messages, Options options, QObject *parent = nullptr);
    ~OpenConversation() override;

    // Shows a chat (0: none).
    void open(qint64 id);
    qint64 id() const;
    MessageListModel *messages() const { return m_messages; }
    // The open chat as the list knows it; null when none is open or it left the list.
    const Conversation *conversation() const;
    std::optional<Draft> draft() const;

    // The rules, each in one place.
    // Whether the customer wrote in the last 24 hours at nowMs, so free-form messages (and
    // drafts) may be sent.
    static bool windowOpenAt(const Conversation *conversation, qint64 nowMs);
    // Whether a draft may be approved as it is: finished, not empty, inside the window.
    static bool mayApprove(const std::optional<Draft> &draft, bool windowOpen);
    bool windowOpen() const;
    bool canApprove() const;
    // Whether the draft may move into the composer (inside the window, with text).
    bool canEditDraft() const;

    // Composer text not sent yet, per chat; kept across restarts and crashes.
    QString unsentText(qint64 conversationId) const;
    void setUnsentText(qint64 conversationId, const QString &text);

    bool sendText(const QString &text, const QString &replyToWamid = {});
    bool approveDraft();
    // The draft's text for the composer (and its unsent text); the draft leaves the panel and
    // the next send records it as used. Empty when there is none.
    QString editDraft();
    bool discardDraft();
    bool regenerateDraft();
    bool takeOver(Protocol::AiMode aiMode = Protocol::AiMode::Draft);
    bool handBack();
    bool resolve();
    bool setAiMode(Protocol::AiMode mode);
    bool assign(const QString &username); // supervisors and admins
    // Asks the relay who a chat may be given to (supervisors and admins). Read-only, so never
    // queued: answered by agentsListed() or agentsListFailed() ("unreachable" when offline).
    void listAgents();
    // Hands the open chat to a colleague (username) or a team's queue (team; exactly one of
    // them), with a note the receiver sees first (may be empty). Queued like every command.
    bool transfer(const QString &username, const QString &team, const QString &note);
    // Asks who the chat may be handed to: the teams with their members, and for supervisors
    // every agent with presence. Answered by transferTargetsListed() or
    // transferTargetsFailed() ("unreachable" when offline).
    void listTransferTargets();
    bool markRead();
    // Asks the relay to download a failed inbound media message again.
    bool retryMedia(qint64 messageId);
    // Rich messages (docs/protocol.md "Rich messages"). mediaKey comes from MediaUploader;
    // draftId is the pending draft the choices replace.
    bool sendMedia(const QString &mediaKey, const QString &caption = {},
                   const QString &filename = {}, const QString &replyToWamid = {});
    bool sendInteractive(const QJsonObject &interactive, const QString &replyToWamid = {},
                         qint64 draftId = 0);
    bool sendTemplate(const QString &name, const QString &language, const QJsonObject &parameters);
    // messageId is the relay's id of a customer message; an empty emoji removes the reaction.
    bool sendReaction(qint64 messageId, const QString &emoji);
    // Tells the customer the agent is typing: only online, never queued, at most once per
    // Options::typingIntervalMs per chat. True when sent.
    bool sendTyping();

Q_SIGNALS:
    void opened(qint64 id);
    // The open chat's draft appeared, changed or left.
    void draftChanged();
    void agentsListed(const Serambi::App::AgentList &agents);
    void agentsListFailed(const QString &errorCode);
    void transferTargetsListed(const QList<Serambi::Protocol::TeamPayload> &teams,
                               const Serambi::App::AgentList &agents);
    void transferTargetsFailed(const QString &errorCode);

private:
    void load(const CachedState &state);
    void close();
    bool command(Protocol::Command name, QJsonObject args = {});
    void handleMessagesLoaded(qint64 conversationId, qint64 beforeId, const MessageList &messages);
    void handleOlderPageRequested(qint64 conversationId, qint64 beforeId);
    void requestHistory(qint64 conversationId, qint64 beforeId);
    void handleHistory(qint64 conversationId, qint64 beforeId, const QJsonObject &data);
    void flushUnsentTexts();

    RelayClient *m_relay;
    Session *m_session;
    Inbox *m_inbox;
    CommandQueue *m_commands;
    MessageListModel *m_messages;
    Options m_options;
    QHash<qint64, QString> m_unsent;
    QSet<qint64> m_unsentDirty;
    QTimer m_unsentTimer;
    QHash<qint64, qint64> m_typingSentAt; // conversation -> ms since epoch
};

} // namespace Serambi::App
