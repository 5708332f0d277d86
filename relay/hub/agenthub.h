#pragma once

#include "auth/loginthrottle.h"
#include "commandargs.h"
#include "huboptions.h"
#include "protocol/commands.h"
#include "protocol/floorpayloads.h"
#include "replayring.h"
#include "store/event.h"
#include "store/userrepo.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <optional>

class QWebSocket;

namespace Serambi::Relay {

class ConsoleSession;
class KbDrafter;
class KnowledgeBase;
struct KbArticle;
class ReadReceipts;
class StoreReader;
class TemplateSyncer;
class StoreWriter;

// The session a connection logged in with.
struct LiveSession
{
    QByteArray tokenHash;
    qint64 expiresAt = 0;
};

// The agents' WebSocket hub (docs/protocol.md): logs consoles in, replays or snapshots on
// subscribe, fans committed events out under the visibility rules and runs agent commands as
// store write jobs. Lives on the main thread with the reader; stop the writer before
// destroying the hub (the writer's completions are delivered to it).
class AgentHub : public QObject
{
    Q_OBJECT

public:
    AgentHub(StoreWriter *writer, StoreReader *reader, HubOptions options,
             QObject *parent = nullptr);
    ~AgentHub() override;

    // Loads the replay ring from the events table and starts watching for user changes made by
    // `serambi-relay user ...` (docs/protocol.md, "Revocation"). The reader must be open.
    bool start(QString *error);
    // Applies user changes recorded since the last look and closes connections whose session
    // reached its absolute limit. Runs every authPollMs; tests call it to skip the wait.
    void pollUserChanges();
    // Takes ownership of an upgraded /agents connection.
    void acceptConnection(QWebSocket *socket);

    // What reaches Meta from commands: typing indicators and template syncs. Without them
    // typing answers {"sent": false} and sync_templates internal.
    void setReadReceipts(ReadReceipts *receipts) { m_readReceipts = receipts; }
    // What a reloaded configuration changes here: Meta's rates for reports and the capacity
    // the floor and list_agents show.
    void setReloadableOptions(const QHash<QString, double> &metaRates, const QString &metaCurrency,
                              int autoAssignCapacity)
    {
        m_options.metaRates = metaRates;
        m_options.metaCurrency = metaCurrency;
        m_options.autoAssignCapacity = autoAssignCapacity;
    }
    void setTemplateSyncer(TemplateSyncer *syncer) { m_templateSyncer = syncer; }
    // The knowledge base the editor's commands change and the offline drafter kb_preview asks;
    // without them those commands answer internal.
    void setKnowledgeBase(KnowledgeBase *knowledgeBase, const KbDrafter *drafter)
    {
        m_knowledgeBase = knowledgeBase;
        m_kbDrafter = drafter;
    }

    // Logged-in consoles.
    int connectedConsoles() const { return m_connectedConsoles; }
    // Users with a logged-in console now.
    QSet<qint64> onlineUserIds() const;
    // A user's presence (agenthubpresence.cpp): offline without a logged-in console, away when
    // set so, else online. The relay's word; consoles only ask for a change (set_presence).
    Protocol::Presence presenceOf(qint64 userId) const;
    // Users who take chats now: online and not away.
    QSet<qint64> availableUserIds() const;
    // Events received from the writer since start.
    quint64 eventsPublished() const { return m_eventsPublished; }

Q_SIGNALS:
    void consoleConnected();
    void consoleDisconnected();
    // Someone's presence changed (presence.changed was sent).
    void presenceChanged();
    // An agent's mark_read was applied (also when a resent id returned the recorded result).
    void conversationRead(qint64 conversationId);

public Q_SLOTS:
    // Fans committed events out. The hub connects itself to StoreWriter::eventsCommitted;
    // events it has already seen are ignored, so a second connection is harmless.
    void publish(const Serambi::Relay::EventList &events);
    // Pushes a live-only event (seq 0: not stored, never replayed, e.g. a streaming draft) to
    // the subscribed consoles allowed to see it.
    void publishLive(const Serambi::Relay::Event &event);

private:
    qint64 now() const;
    ConsoleSession *findSession(quint64 id) const { return m_sessions.value(id); }

    void handleFrame(ConsoleSession *session, const QJsonObject &frame);
    void handleClosed(ConsoleSession *session);
    void handleHello(ConsoleSession *session, const QJsonObject &frame);
    void loginWithPassword(ConsoleSession *session, const QString &username,
                           const QString &password);
    void finishPasswordLogin(quint64 sessionId, const QString &address,
                             const std::optional<User> &user, const QStringList &throttleKeys);
    void loginWithToken(ConsoleSession *session, const QString &token);
    void welcome(ConsoleSession *session, const User &user, const LiveSession &live,
                 const QString &token);
    void logout(ConsoleSession *session, const QString &id);
    void applyUserChange(qint64 userId);
    void touchLiveSessions();
    void handleSubscribe(ConsoleSession *session, const QJsonObject &frame);
    void sendSnapshot(ConsoleSession *session);
    void handleCommand(ConsoleSession *session, const QJsonObject &frame);
    void runReadCommand(ConsoleSession *session, const QString &id, Protocol::Command command,
                        const QJsonObject &args);
    CommandReply readCommand(const User &user, Protocol::Command command, const QJsonObject &args);
    void syncTemplates(ConsoleSession *session, const QString &id);
    // list_articles, save_article, delete_article, kb_preview, kb_gaps, import_articles: on this
    // thread, where the knowledge base's connection is (agenthubkb.cpp).
    void runKbCommand(ConsoleSession *session, const QString &id, Protocol::Command command,
                      const QJsonObject &args);
    // import_articles: previews, or saves the files' new and changed articles.
    void importArticles(ConsoleSession *session, const QString &id, const QJsonObject &args,
                        const User &user);
    // Records the articles saved (or deleted) as versions by user, then answers id with reply
    // (or internal when failed: not every article could be saved).
    void recordArticleChanges(ConsoleSession *session, const QString &id,
                              const QList<KbArticle> &articles, bool deleted, const User &user,
                              const QJsonObject &reply, bool failed = false);
    // set_presence (agenthubpresence.cpp): in memory, on this thread, never recorded.
    void setPresence(ConsoleSession *session, const QString &id, const QJsonObject &args);
    // Sends presence.changed for the user when their presence is no longer `before`.
    void announcePresence(const User &user, Protocol::Presence before);

    StoreWriter *m_writer;
    StoreReader *m_reader;
    HubOptions m_options;
    ReadReceipts *m_readReceipts = nullptr;
    TemplateSyncer *m_templateSyncer = nullptr;
    KnowledgeBase *m_knowledgeBase = nullptr;
    const KbDrafter *m_kbDrafter = nullptr;
    ReplayRing m_ring;
    LoginThrottle m_throttle;
    QHash<quint64, ConsoleSession *> m_sessions;
    quint64 m_nextSessionId = 1;
    int m_connectedConsoles = 0;
    quint64 m_eventsPublished = 0;
    // Password checks; the destructor waits for them.
    QThreadPool m_passwordChecks;
    int m_passwordChecksPending = 0;
    QHash<QString, int> m_passwordChecksByAddress;
    // Revocation: the last user change applied, the poll, when live sessions were last marked
    // used, and per user the seq at which their role changed (an older resume gets a snapshot).
    qint64 m_lastChangeId = 0;
    QTimer m_authTimer;
    qint64 m_liveSessionsTouchedAt = 0;
    QHash<qint64, qint64> m_visibilityChangedAt;
    // Users set away (by hand or after idle input) while connected.
    QSet<qint64> m_away;
};

} // namespace Serambi::Relay
