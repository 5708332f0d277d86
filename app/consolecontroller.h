#pragma once

#include "conversationfilterproxy.h"

#include <QObject>

namespace Serambi::App {

class Attention;
class CannedResponses;
class CustomerOrders;
class Floor;
class KnowledgeBaseEditor;
class ReportsLoader;
class Notes;
class Labels;
class CommandQueue;
class ConversationListModel;
class CredentialStore;
class Inbox;
class MediaCache;
class MediaUploader;
class MessageListModel;
class MessageTemplates;
class OpenConversation;
class Presence;
class RelayClient;
class Session;

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

// The console's core, put together once: it owns the rooms and wires them to each other, and
// does nothing else. Widgets are given the room they use (docs/console.md, "The core"):
//   Session          sign-in, token, current user, connection state, the cache
//   Inbox            the conversations and drafts, in step with the relay's events
//   CommandQueue     the agent's commands until the relay answers, kept offline
//   OpenConversation the chat on screen: its messages, rules and actions
//   Attention        the next chat that needs the agent, and notifications
// plus the saved replies, the templates, media up- and download.
// Errors are codes (docs/protocol.md, plus "unreachable"); ui/ turns them into text.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    ConsoleController(RelayClient *relay, CredentialStore *credentials,
                      const ConsoleOptions &options = {}, QObject *parent = nullptr);
    ~ConsoleController() override;

    Session *session() const { return m_session; }
    Inbox *inbox() const { return m_inbox; }
    CommandQueue *commands() const { return m_commands; }
    OpenConversation *openConversation() const { return m_open; }
    Attention *attention() const { return m_attention; }

    ConversationListModel *conversationList() const;
    // One filter proxy per tab.
    ConversationFilterProxy *conversations(ConversationFilterProxy::Filter filter) const;
    const ConversationFilters &filters() const { return m_filters; }
    // The open chat's messages.
    MessageListModel *messages() const { return m_messages; }
    // Media bytes of the signed-in relay, fetched with the session token.
    MediaCache *mediaCache() const { return m_media; }
    CannedResponses *canned() const { return m_canned; }
    KnowledgeBaseEditor *knowledgeBase() const { return m_knowledgeBase; }
    ReportsLoader *reports() const { return m_reports; }
    Notes *notes() const { return m_notes; }
    CustomerOrders *orders() const { return m_orders; }
    MessageTemplates *templates() const { return m_templates; }
    Presence *presence() const { return m_presence; }
    // The supervisors' live floor: agents, queues, waiting chats.
    Floor *floor() const { return m_floor; }
    MediaUploader *uploader() const { return m_uploader; }
    // The team's labels; labelling a chat.
    Labels *labels() const { return m_labels; }

private:
    MessageListModel *m_messages;
    Session *m_session;
    Inbox *m_inbox;
    CommandQueue *m_commands;
    OpenConversation *m_open;
    Notes *m_notes;
    CustomerOrders *m_orders;
    Attention *m_attention;
    ConversationFilters m_filters;
    MediaCache *m_media;
    CannedResponses *m_canned;
    KnowledgeBaseEditor *m_knowledgeBase;
    ReportsLoader *m_reports;
    MessageTemplates *m_templates;
    MediaUploader *m_uploader;
    Labels *m_labels;
    Presence *m_presence;
    Floor *m_floor;
};

} // namespace Serambi::App
