#pragma once

#include "conversation.h"
#include "currentuser.h"
#include "draft.h"
#include "message.h"

#include "protocol/commands.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>

class QThread;

namespace Serambi::App {

class LocalStoreWorker;

// A command the relay has not answered yet; kept until its result arrives so it is sent
// exactly once (with the same id) after a reconnect or a restart.
struct PendingCommand
{
    QString id;
    Protocol::Command command = Protocol::Command::SendText;
    QJsonObject args;
    qint64 conversationId = 0;
    qint64 localMessageId = 0; // the placeholder row of a send_text, 0 otherwise
    qint64 createdAt = 0;      // ms since epoch
};

// Everything the console needs to show its last state at start-up.
struct CachedState
{
    qint64 lastSeq = 0;
    CurrentUser user;
    ConversationList conversations;
    QList<Draft> drafts;
    QList<PendingCommand> commands;
    QHash<qint64, QString> unsentTexts;
};

// The console's own SQLite cache for one relay and user. All SQL runs on a worker thread with
// its own connection; writes issued during one event-loop turn are committed together.
class LocalStore : public QObject
{
    Q_OBJECT

public:
    // The schema version this build writes (PRAGMA user_version).
    static int schemaVersion();

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // <directory>/<hash of relay URL and username>.sqlite
    static QString pathFor(const QString &directory, const QUrl &relayUrl, const QString &username);

    // Opens (creating or migrating) the cache and loads the last state; opened() answers.
    // A cache that cannot be read or has a newer schema is started afresh.
    void open(const QString &path);
    // Commits what is pending and closes the connection; blocks until done.
    void close();
    bool isOpen() const { return m_open; }

    void replaceConversations(const ConversationList &conversations);
    void saveConversation(const Conversation &conversation);
    void removeConversation(qint64 id);
    void saveMessage(const Message &message);
    void saveMessages(const MessageList &messages);
    void saveLastSeq(qint64 seq);
    void saveUser(const CurrentUser &user);
    void saveDraft(const Draft &draft);
    void removeDraft(qint64 conversationId);
    void saveCommand(const PendingCommand &command);
    void removeCommand(const QString &id);
    void saveUnsentText(qint64 conversationId, const QString &text);

    // At most limit messages older than beforeId (0: the newest), oldest first; the answer
    // comes with messagesLoaded().
    void loadMessages(qint64 conversationId, qint64 beforeId, int limit);

Q_SIGNALS:
    void opened(bool ok, const Serambi::App::CachedState &state);
    void messagesLoaded(qint64 conversationId, qint64 beforeId,
                        const Serambi::App::MessageList &messages);

private:
    using Write = std::function<void(LocalStoreWorker *)>;
    void enqueue(Write write);
    void flush();

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread; lambdas posted to it run there
    LocalStoreWorker *m_worker = nullptr;
    QList<Write> m_pending;
    qint64 m_pendingSeq = -1;
    bool m_flushScheduled = false;
    bool m_open = false;
};

} // namespace Serambi::App

Q_DECLARE_METATYPE(Serambi::App::CachedState)
