#pragma once

#include "agentinfo.h"
#include "connectionstatus.h"
#include "conversationfilterproxy.h"
#include "currentuser.h"
#include "draft.h"
#include "localstore.h"

#include "protocol/types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace Serambi::App {

class CannedResponses;
class ConversationListModel;
class CredentialStore;
class MediaCache;
class MediaUploader;
class MessageListModel;
class MessageTemplates;
class RelayClient;

struct ConsoleOptions
{
    // Where the per relay and user caches and the last session live; empty means
    // QStandardPaths::AppLocalDataLocation. Fetched media goes to <dataDirectory>/cache/media,
    // or without a data directory to QStandardPaths::CacheLocation/media.
    QString dataDirectory;
    // Unsent composer text is written this long after the last keystroke.
    int unsentTextDebounceMs = 300;
    // The console tells the relay the agent is typing at most this often per conversation.
    int typingIntervalMs = 10000;
};

// The facade the widgets talk to: session, connection state, models and every action an agent
// takes. It speaks error codes (docs/protocol.md, plus "unreachable" for a relay that cannot
// be reached); ui/ turns them into translated text.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    enum class AttentionReason {
        AssignedToMe,   // a conversation was assigned to the signed-in user by someone else
        HumanRequested, // a conversation moved to the human queue (the customer or the AI asked)
    };
    Q_ENUM(AttentionReason)

    ConsoleController(RelayClient *relay, CredentialStore *credentials, ConsoleOptions options = {},
                      QObject *parent = nullptr);
    ~ConsoleController() override;

    // Session. signIn() opens that relay and user's cache at once, then connects.
    void signIn(const QUrl &relayUrl, const QString &username, const QString &password);
    // Forgets the session token and disconnects; the cache stays on disk.
    void signOut();
    // Signs in again with the last session's token from the keychain, showing the cache
    // first. False when there is no last session (the sign-in form is needed).
    bool restoreSession();
    QUrl lastRelayUrl() const { return m_lastRelayUrl; }
    QString lastUsername() const { return m_lastUsername; }
    bool keychainAvailable() const;
    CurrentUser currentUser() const { return m_user; }
    ConnectionStatus connectionStatus() const;

    // Models. One filter proxy per tab, owned by the controller.
    ConversationListModel *conversationList() const { return m_conversations; }
    ConversationFilterProxy *conversations(ConversationFilterProxy::Filter filter) const;
    MessageListModel *messages() const { return m_messages; }
    // Media bytes of the signed-in relay, fetched with the session token.
    MediaCache *mediaCache() const { return m_media; }

    void openConversation(qint64 id);
    qint64 currentConversationId() const;
    std::optional<Draft> draft(qint64 conversationId) const;

    // Actions on the open conversation. Commands issued while disconnected are queued and sent
    // once after reconnecting. False when there is nothing to act on.
    bool sendText(const QString &text, const QString &replyToWamid = {});
    bool approveDraft();
    // The draft's text for the composer; the draft leaves the panel and the next send
    // records it as used.
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
    bool markRead();
    // Asks the relay to download a failed inbound media message of the open chat again.
    bool retryMedia(qint64 messageId);

    // Rich messages on the open conversation (docs/protocol.md "Rich messages"), queued like
    // send_text. mediaKey comes from uploader(); draftId is the pending draft this replaces.
    bool sendMedia(const QString &mediaKey, const QString &caption = {},
                   const QString &filename = {}, const QString &replyToWamid = {});
    bool sendInteractive(const QJsonObject &interactive, const QString &replyToWamid = {},
                         qint64 draftId = 0);
    bool sendTemplate(const QString &name, const QString &language, const QJsonObject &parameters);
    // messageId is the relay's id of a customer message; an empty emoji removes the reaction.
    bool sendReaction(qint64 messageId, const QString &emoji);
    // Tells the customer the agent is typing: only online, never queued, at most once per
    // ConsoleOptions::typingIntervalMs per conversation. True when sent.
    bool sendTyping();
    // Whether the customer wrote in the last 24 hours, so free-form messages may be sent.
    bool windowOpen(qint64 conversationId) const;

    CannedResponses *canned() const { return m_canned; }
    MessageTemplates *templates() const { return m_templates; }
    MediaUploader *uploader() const { return m_uploader; }

    // Composer text not sent yet, per conversation; kept across restarts and crashes.
    QString unsentText(qint64 conversationId) const;
    void setUnsentText(qint64 conversationId, const QString &text);

    // The conversation after (or before) fromId, in urgency order, that needs attention;
    // 0 when none does.
    qint64 nextNeedingAttention(qint64 fromId, bool backwards = false) const;
    int unreadTotal() const;

Q_SIGNALS:
    void signedIn();
    void signedOut();
    // The stored token is missing or was refused: ask for the password of lastUsername().
    void passwordRequired();
    void signInFailed(const QString &errorCode, int retryAfterSeconds);
    void connectionChanged();
    void currentUserChanged();
    void keychainAvailabilityChanged(bool available);
    // The cache (or the first snapshot) filled the models.
    void conversationsLoaded();
    void conversationOpened(qint64 id);
    void draftChanged(qint64 conversationId);
    void commandFailed(qint64 conversationId, const QString &errorCode, const QString &metaTitle);
    void messageFailed(qint64 conversationId, qint64 messageId, int metaCode,
                       const QString &metaTitle);
    void attentionRequested(qint64 conversationId,
                            Serambi::App::ConsoleController::AttentionReason reason);
    void unreadTotalChanged(int total);
    void agentsListed(const Serambi::App::AgentList &agents);
    void agentsListFailed(const QString &errorCode);

private:
    struct HistoryRequest
    {
        qint64 conversationId = 0;
        qint64 beforeId = 0;
    };

    QString dataDirectory() const;
    QString cacheDirectory() const;
    void openStore(const QUrl &relayUrl, const QString &username);
    void closeStore();
    void connectToRelay();
    void rememberSession();
    void loadLastSession();
    QString tokenKey() const;

    void handleStoreOpened(bool ok, const CachedState &state);
    void handleStatusChanged(const ConnectionStatus &status);
    void handleWelcomed(const CurrentUser &user, const QString &newToken);
    void handleAuthenticationFailed(const QString &errorCode, int retryAfterSeconds,
                                    bool withToken);
    void handleSnapshot(qint64 seq, const QJsonArray &conversations);
    void handleSubscribed(qint64 seq);
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void handleResult(const QString &commandId, bool ok, const QJsonObject &data,
                      const QString &errorCode);
    void handleHistory(const HistoryRequest &request, bool ok, const QJsonObject &data);
    void handleAgents(bool ok, const QJsonObject &data, const QString &errorCode);
    void handleMessagesLoaded(qint64 conversationId, qint64 beforeId, const MessageList &messages);
    void handleOlderPageRequested(qint64 conversationId, qint64 beforeId);

    void applyConversation(const Conversation &conversation, const QJsonObject &json, bool live);
    void applyMessage(const Message &message);
    void applyDraft(qint64 conversationId, const QJsonValue &json);
    void showDraft(qint64 conversationId, const std::optional<Draft> &draft);

    QString issueCommand(const QString &name, qint64 conversationId, const QJsonObject &args,
                         qint64 localMessageId = 0);
    void flushCommands();
    bool commandOnCurrent(const QString &name, QJsonObject args = {});
    bool queueSend(qint64 conversationId, const QString &text, const QString &replyTo,
                   qint64 draftId);
    Message placeholderFor(const PendingCommand &command) const;
    void refreshPlaceholders();
    void requestHistory(qint64 conversationId, qint64 beforeId);
    void flushUnsentTexts();

    RelayClient *m_relay;
    CredentialStore *m_credentials;
    ConsoleOptions m_options;
    ConversationListModel *m_conversations;
    MessageListModel *m_messages;
    CannedResponses *m_canned;
    MessageTemplates *m_templates;
    MediaUploader *m_uploader;
    QHash<qint64, qint64> m_typingSentAt; // conversation -> ms since epoch
    MediaCache *m_media;
    QHash<int, ConversationFilterProxy *> m_proxies;
    std::unique_ptr<LocalStore> m_store;
    QString m_storePath;

    QUrl m_relayUrl;
    QString m_username;
    QUrl m_lastRelayUrl;
    QString m_lastUsername;
    CurrentUser m_user;
    QString m_password;            // only until the cache is open and the hello is sent
    bool m_connectPending = false; // waiting for the cache before connecting
    bool m_signedIn = false;
    bool m_live = false; // past the replay: events are news worth a notification

    QHash<qint64, Draft> m_drafts;
    QHash<qint64, qint64> m_editedDraftIds; // conversation -> draft moved into the composer
    QList<PendingCommand> m_commands;       // in issue order
    QSet<QString> m_inFlight;               // sent on this connection, awaiting a result
    QHash<QString, HistoryRequest> m_historyRequests;
    QSet<QString> m_agentRequests; // list_agents sent on this connection
    QHash<qint64, QString> m_unsent;
    QSet<qint64> m_unsentDirty;
    QTimer m_unsentTimer;
    qint64 m_nextLocalId = -1;
};

} // namespace Serambi::App
