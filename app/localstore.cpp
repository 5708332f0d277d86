#include "localstore.h"

#include "localstoreschema.h"
#include "localstoreworker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QThread>

namespace Serambi::App {

LocalStore::LocalStore(QObject *parent) : QObject(parent) {}

LocalStore::~LocalStore()
{
    close();
}

int LocalStore::schemaVersion()
{
    return int(localStoreMigrations().size());
}

QString LocalStore::pathFor(const QString &directory, const QUrl &relayUrl, const QString &username)
{
    const QByteArray identity = relayUrl.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() +
                                '\n' + username.toLower().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256);
    return QDir(directory).filePath(QString::fromLatin1(hash.toHex().left(32)) +
                                    QStringLiteral(".sqlite"));
}

void LocalStore::open(const QString &path)
{
    close();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("serambi-cache"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    m_worker = new LocalStoreWorker;
    m_thread->start();
    m_open = true;
    LocalStoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_context,
        [this, worker, path] {
            CachedState state;
            const bool ok = worker->open(path, &state);
            QMetaObject::invokeMethod(
                this, [this, ok, state = std::move(state)] { Q_EMIT opened(ok, state); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalStore::close()
{
    if (!m_thread)
        return;
    flush();
    LocalStoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_context,
        [worker] {
            worker->close();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    QObject *context = m_context;
    QMetaObject::invokeMethod(
        m_context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_context = nullptr;
    m_worker = nullptr;
    m_open = false;
}

void LocalStore::enqueue(Write write)
{
    if (!m_open)
        return;
    m_pending.append(std::move(write));
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &LocalStore::flush, Qt::QueuedConnection);
}

void LocalStore::flush()
{
    m_flushScheduled = false;
    if (m_pendingSeq >= 0) {
        const qint64 seq = std::exchange(m_pendingSeq, -1);
        m_pending.append([seq](LocalStoreWorker *w) {
            w->saveMeta(QStringLiteral("last_seq"), QString::number(seq));
        });
    }
    if (m_pending.isEmpty() || !m_open)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [worker = m_worker, writes = std::exchange(m_pending, {})] {
            // Everything written during one turn of the GUI's event loop: one transaction.
            worker->begin();
            for (const Write &write : writes)
                write(worker);
            worker->commit();
        },
        Qt::QueuedConnection);
}

void LocalStore::replaceConversations(const ConversationList &conversations)
{
    enqueue([conversations](LocalStoreWorker *w) { w->replaceConversations(conversations); });
}

void LocalStore::saveConversation(const Conversation &conversation)
{
    enqueue([conversation](LocalStoreWorker *w) { w->saveConversation(conversation); });
}

void LocalStore::removeConversation(qint64 id)
{
    enqueue([id](LocalStoreWorker *w) {
        w->exec(QStringLiteral("DELETE FROM conversations WHERE id = ?"), {id});
        w->exec(QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"), {id});
        w->exec(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {id});
    });
}

void LocalStore::saveMessage(const Message &message)
{
    enqueue([message](LocalStoreWorker *w) { w->saveMessage(message); });
}

void LocalStore::saveMessages(const MessageList &messages)
{
    enqueue([messages](LocalStoreWorker *w) {
        for (const Message &message : messages)
            w->saveMessage(message);
    });
}

void LocalStore::saveLastSeq(qint64 seq)
{
    // Coalesced: only the newest seq of a turn is written, with the changes it covers.
    if (!m_open)
        return;
    m_pendingSeq = seq;
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &LocalStore::flush, Qt::QueuedConnection);
}

void LocalStore::saveUser(const CurrentUser &user)
{
    const QJsonObject json{{QLatin1String("id"), user.id},
                           {QLatin1String("username"), user.username},
                           {QLatin1String("display_name"), user.displayName},
                           {QLatin1String("role"), user.role}};
    enqueue([json](LocalStoreWorker *w) { w->saveMeta(QStringLiteral("user"), toJsonText(json)); });
}

void LocalStore::saveDraft(const Draft &draft)
{
    enqueue([draft](LocalStoreWorker *w) {
        w->exec(
            QStringLiteral("INSERT OR REPLACE INTO drafts (conversation_id, json) VALUES (?, ?)"),
            {draft.conversationId, toJsonText(draftToJson(draft))});
    });
}

void LocalStore::removeDraft(qint64 conversationId)
{
    enqueue([conversationId](LocalStoreWorker *w) {
        w->exec(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"), {conversationId});
    });
}

void LocalStore::saveCommand(const PendingCommand &command)
{
    enqueue([command](LocalStoreWorker *w) { w->saveCommand(command); });
}

void LocalStore::removeCommand(const QString &id)
{
    enqueue([id](LocalStoreWorker *w) {
        w->exec(QStringLiteral("DELETE FROM commands WHERE id = ?"), {id});
    });
}

void LocalStore::saveUnsentText(qint64 conversationId, const QString &text)
{
    enqueue([conversationId, text](LocalStoreWorker *w) {
        if (text.isEmpty())
            w->exec(QStringLiteral("DELETE FROM unsent_texts WHERE conversation_id = ?"),
                    {conversationId});
        else
            w->exec(
                QStringLiteral(
                    "INSERT OR REPLACE INTO unsent_texts (conversation_id, text) VALUES (?, ?)"),
                {conversationId, text});
    });
}

void LocalStore::loadMessages(qint64 conversationId, qint64 beforeId, int limit)
{
    if (!m_open)
        return;
    // Reads see every write issued before them.
    flush();
    QMetaObject::invokeMethod(
        m_context,
        [this, worker = m_worker, conversationId, beforeId, limit] {
            MessageList messages = worker->loadMessages(conversationId, beforeId, limit);
            QMetaObject::invokeMethod(
                this,
                [this, conversationId, beforeId, messages = std::move(messages)] {
                    Q_EMIT messagesLoaded(conversationId, beforeId, messages);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Serambi::App
