#include "consolecontroller.h"

#include "attention.h"
#include "cannedresponses.h"
#include "commandqueue.h"
#include "conversationlistmodel.h"
#include "customerorders.h"
#include "floor.h"
#include "inbox.h"
#include "knowledgebaseeditor.h"
#include "labels.h"
#include "mediacache.h"
#include "mediauploader.h"
#include "messagelistmodel.h"
#include "messagetemplates.h"
#include "notes.h"
#include "openconversation.h"
#include "presence.h"
#include "relayclient.h"
#include "reportsloader.h"
#include "session.h"

#include "protocol/keys.h"

#include <QDir>
#include <QStandardPaths>

namespace Serambi::App {

namespace Key = Protocol::Key;

namespace {
QString dataDirectory(const ConsoleOptions &options)
{
    return options.dataDirectory.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
               : options.dataDirectory;
}

QString mediaDirectory(const ConsoleOptions &options)
{
    // Tests give a data directory of their own: keep their media beside it.
    const QString cache = options.dataDirectory.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                              : QDir(options.dataDirectory).filePath(QStringLiteral("cache"));
    return QDir(cache).filePath(QStringLiteral("media"));
}
} // namespace

ConsoleController::ConsoleController(RelayClient *relay, CredentialStore *credentials,
                                     const ConsoleOptions &options, QObject *parent)
    : QObject(parent)
    , m_messages(new MessageListModel(this))
    // The order matters where rooms follow the same signal: the session first, then the list,
    // then the queue (flush), then the open chat (its newest page).
    , m_session(new Session(relay, credentials, dataDirectory(options), this))
    , m_inbox(new Inbox(relay, m_session, this))
    , m_commands(new CommandQueue(relay, m_session, m_messages, this))
    , m_open(new OpenConversation(relay, m_session, m_inbox, m_commands, m_messages,
                                  {options.unsentTextDebounceMs, options.typingIntervalMs}, this))
    , m_notes(new Notes(relay, this))
    , m_orders(new CustomerOrders(relay, this))
    , m_attention(new Attention(m_inbox, m_session, m_commands, m_notes, this))
    , m_media(new MediaCache(mediaDirectory(options), this))
    , m_canned(new CannedResponses(relay, this))
    , m_knowledgeBase(new KnowledgeBaseEditor(relay, this))
    , m_reports(new ReportsLoader(relay, this))
    , m_templates(new MessageTemplates(relay, this))
    , m_uploader(new MediaUploader(relay, this))
    , m_labels(new Labels(relay, this))
    , m_presence(new Presence(relay, this))
    , m_floor(new Floor(relay, m_inbox->list(), m_presence, this))
{
    using Filter = ConversationFilterProxy::Filter;
    for (const Filter filter :
         {Filter::Mine, Filter::Queue, Filter::All, Filter::Resolved, Filter::Mentions}) {
        auto *proxy = new ConversationFilterProxy(filter, this);
        proxy->setSourceModel(m_inbox->list());
        m_filters.insert(filter, proxy);
    }
    connect(m_notes, &Notes::mentionsChanged, this, [this] {
        m_filters.value(Filter::Mentions)->setMentioned(m_notes->mentionedConversations());
    });
    connect(m_labels, &Labels::changed, this, [this] {
        m_inbox->list()->setLabels(m_labels->all());
        for (ConversationFilterProxy *proxy : std::as_const(m_filters))
            proxy->setLabels(m_labels->all());
    });
    connect(relay, &RelayClient::welcomed, m_media,
            [this, relay] { m_media->setSession(m_session->relayUrl(), relay->sessionToken()); });
    // A result's "conversation" is the state when the command ran; a later command of the same
    // commit may have changed it since (e.g. approved the draft it still shows), and every
    // change arrives as an event anyway, in order. So only the message is taken.
    connect(m_commands, &CommandQueue::succeeded, m_inbox,
            [this](const PendingCommand &, const QJsonObject &data) {
                const QJsonValue message = data.value(Key::Message);
                if (message.isObject())
                    m_inbox->applyMessage(Message::fromJson(message.toObject()));
            });
}

ConsoleController::~ConsoleController()
{
    // While every room is still there to write what it holds.
    m_session->closeCache();
}

ConversationListModel *ConsoleController::conversationList() const
{
    return m_inbox->list();
}

ConversationFilterProxy *
ConsoleController::conversations(ConversationFilterProxy::Filter filter) const
{
    return m_filters.value(filter);
}

} // namespace Serambi::App
