#include "localstoreschema.h"

namespace Serambi::App {

const QList<QStringList> &localStoreMigrations()
{
    static const QList<QStringList> migrations{
        // 0 -> 1
        {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE conversations (id INTEGER PRIMARY KEY, json TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY, "
                        "conversation_id INTEGER NOT NULL, json TEXT NOT NULL)"),
         QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, id)"),
         QStringLiteral("CREATE TABLE drafts (conversation_id INTEGER PRIMARY KEY, "
                        "json TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE commands (ord INTEGER PRIMARY KEY AUTOINCREMENT, "
                        "id TEXT NOT NULL UNIQUE, conversation_id INTEGER NOT NULL, "
                        "name TEXT NOT NULL, args TEXT NOT NULL, "
                        "local_message_id INTEGER NOT NULL, created_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE TABLE unsent_texts (conversation_id INTEGER PRIMARY KEY, "
                        "text TEXT NOT NULL)")},
    };
    return migrations;
}

} // namespace Serambi::App
