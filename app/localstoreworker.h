#pragma once

#include "localstore.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariantList>

namespace Serambi::App {

// The cache's SQL, run only on LocalStore's worker thread with its own connection.
class LocalStoreWorker
{
public:
    LocalStoreWorker();
    ~LocalStoreWorker();

    // Opens or creates the file and migrates it; a cache that cannot be used is recreated.
    bool open(const QString &path, CachedState *state);
    void close();

    bool begin();
    bool commit();
    bool exec(const QString &sql, const QVariantList &values = {});

    void replaceConversations(const ConversationList &conversations);
    void saveConversation(const Conversation &conversation);
    void saveMessage(const Message &message);
    void saveMeta(const QString &key, const QString &value);
    void saveCommand(const PendingCommand &command);

    MessageList loadMessages(qint64 conversationId, qint64 beforeId, int limit);

private:
    bool openFile(const QString &path);
    bool migrate();
    bool loadState(CachedState *state);

    QString m_connectionName;
    QSqlDatabase m_db;
};

QString toJsonText(const QJsonObject &object);
QJsonObject fromJsonText(const QString &text);

} // namespace Serambi::App
