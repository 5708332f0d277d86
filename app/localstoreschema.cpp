#include "localstoreschema.h"

namespace Serambi::App {

const QList<QStringList> &localStoreMigrations()
{
    static const QList<QStringList> migrations{
        // 0 -> 1
        {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
         // Columns rather than JSON: 10,000 rows must load in well under a second.
         QStringLiteral("CREATE TABLE conversations (id INTEGER PRIMARY KEY, "
                        "phone_number_id TEXT, wa_id TEXT, user_id TEXT, name TEXT, "
                        "username TEXT, state TEXT, ai_mode TEXT, assignee TEXT, "
                        "handoff_reason TEXT, last_inbound_at INTEGER, last_message_at INTEGER, "
                        "unread INTEGER, waiting_since INTEGER, recent_text TEXT, "
                        "last_id INTEGER, last_wamid TEXT, last_direction TEXT, last_type TEXT, "
                        "last_text TEXT, last_status TEXT, last_sender TEXT, "
                        "last_timestamp INTEGER)"),
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
        // 1 -> 2: a chat's label ids, space-separated
        {QStringLiteral("ALTER TABLE conversations ADD COLUMN labels TEXT NOT NULL DEFAULT ''")},
        // 2 -> 3: the chat's team queue and the relay channel it came through
        {QStringLiteral("ALTER TABLE conversations ADD COLUMN team TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("ALTER TABLE conversations ADD COLUMN channel TEXT NOT NULL DEFAULT ''")},
        // 3 -> 4: the customer's latest rating of the chat (0: none)
        {QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN csat_score INTEGER NOT NULL DEFAULT 0")},
    };
    return migrations;
}

} // namespace Serambi::App
