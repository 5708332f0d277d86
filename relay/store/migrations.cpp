#include "migrations.h"

#include "dialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Serambi::Relay {

namespace {

QStringList version1()
{
    return {
        QStringLiteral(R"(CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
            password_salt BLOB NOT NULL,
            password_hash BLOB NOT NULL,
            password_iterations INTEGER NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE sessions (
            token_hash BLOB PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            phone_number_id TEXT NOT NULL,
            contact_key TEXT NOT NULL,
            wa_id TEXT,
            user_id TEXT,
            parent_user_id TEXT,
            profile_name TEXT NOT NULL DEFAULT '',
            username TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (phone_number_id, contact_key)))"),
        QStringLiteral(R"(CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts(id),
            phone_number_id TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'resolved')),
            ai_mode TEXT NOT NULL CHECK (ai_mode IN ('auto', 'draft', 'off')),
            assignee_id INTEGER REFERENCES users(id),
            handoff_reason TEXT NOT NULL DEFAULT '',
            last_inbound_at INTEGER,
            last_message_at INTEGER,
            last_message_id INTEGER,
            unread INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            wamid TEXT UNIQUE,
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            type TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            payload TEXT,
            status TEXT NOT NULL,
            error_code INTEGER,
            error_title TEXT,
            error_details TEXT,
            reply_to TEXT,
            sender_kind TEXT NOT NULL CHECK (sender_kind IN ('customer', 'agent', 'ai')),
            sender_id INTEGER REFERENCES users(id),
            timestamp INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, id)"),
        QStringLiteral(R"(CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            conversation_id INTEGER,
            assignee_id INTEGER,
            state TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE commands (
            user_id INTEGER NOT NULL,
            client_id TEXT NOT NULL,
            name TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, client_id)))"),
        QStringLiteral(R"(CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
            request TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'inflight', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"),
    };
}

QStringList version2()
{
    // Drafts the AI proposes for a conversation; one pending draft per conversation.
    return {
        QStringLiteral(R"(CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            for_message_id INTEGER NOT NULL REFERENCES messages(id),
            text TEXT NOT NULL,
            confidence REAL NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'discarded', 'superseded')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX drafts_by_conversation ON drafts (conversation_id, state)"),
        QStringLiteral(
            "CREATE INDEX conversations_by_assignee ON conversations (assignee_id, state)"),
    };
}

QStringList version3()
{
    // A draft the offline drafter made because the LLM provider failed.
    return {
        QStringLiteral("ALTER TABLE drafts ADD COLUMN fallback INTEGER NOT NULL DEFAULT 0"),
    };
}

QStringList version4()
{
    // Media: files stored by their SHA-256 (media/ab/<sha256> under the data directory), who
    // uploaded them, Meta's media id for reuse, and the media of each message.
    return {
        QStringLiteral(R"(CREATE TABLE media (
            media_key TEXT PRIMARY KEY,
            mime_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            filename TEXT NOT NULL DEFAULT '',
            meta_media_id TEXT,
            meta_uploaded_at INTEGER,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE media_uploads (
            media_key TEXT NOT NULL REFERENCES media(media_key),
            user_id INTEGER NOT NULL REFERENCES users(id),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (media_key, user_id)))"),
        QStringLiteral(R"(CREATE TABLE message_media (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id),
            state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'failed')),
            media_key TEXT,
            size INTEGER,
            mime_type TEXT NOT NULL DEFAULT '',
            filename TEXT NOT NULL DEFAULT '',
            error TEXT NOT NULL DEFAULT '',
            meta_media_id TEXT,
            sha256 TEXT,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX message_media_by_key ON message_media (media_key)"),
        QStringLiteral("CREATE INDEX message_media_by_state ON message_media (state)"),
    };
}

QStringList version5()
{
    // Meta's message templates as the last sync found them, and the team's canned responses.
    return {
        QStringLiteral(R"(CREATE TABLE templates (
            name TEXT NOT NULL,
            language TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            parameter_format TEXT NOT NULL DEFAULT 'POSITIONAL',
            components TEXT NOT NULL DEFAULT '[]',
            synced_at INTEGER NOT NULL,
            PRIMARY KEY (name, language)))"),
        QStringLiteral(R"(CREATE TABLE canned_responses (
            id INTEGER PRIMARY KEY,
            shortcut TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES users(id),
            updated_at INTEGER NOT NULL))"),
    };
}

QStringList version6()
{
    // Tokens the LLM provider reported for a conversation's drafts.
    return {
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN llm_tokens INTEGER NOT NULL DEFAULT 0"),
    };
}

QStringList version7()
{
    // Edits and revokes (coexistence numbers) change the message they name: when it was last
    // edited, when it was revoked, and what a revoke took from consoles (kept, never served).
    // message_changes records every edit and revoke by its own wamid (Meta redelivers), holding
    // one whose original has not arrived yet until it does.
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN edited_at INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN revoked_at INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN retained_content TEXT"),
        QStringLiteral(R"(CREATE TABLE message_changes (
            wamid TEXT PRIMARY KEY,
            target_wamid TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'revoke')),
            phone_number_id TEXT NOT NULL,
            sender_key TEXT NOT NULL,
            payload TEXT,
            timestamp INTEGER NOT NULL,
            applied_at INTEGER,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX message_changes_held ON message_changes (target_wamid) "
                       "WHERE applied_at IS NULL"),
    };
}

QStringList version8()
{
    // What `serambi-relay user ...` changed, for the running relay to apply to live connections
    // (docs/protocol.md, "Revocation"); sessions found by user for `user revoke`.
    return {
        QStringLiteral(R"(CREATE TABLE user_changes (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL,
            change TEXT NOT NULL,
            at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX sessions_by_user ON sessions(user_id)"),
    };
}

QStringList version9()
{
    // Internal notes agents write in a chat (never sent to the customer) and the colleagues
    // each one @mentions.
    return {
        QStringLiteral(R"(CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            author_id INTEGER NOT NULL REFERENCES users(id),
            text TEXT NOT NULL,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX notes_by_conversation ON notes(conversation_id, id)"),
        QStringLiteral(R"(CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            UNIQUE (note_id, user_id)))"),
        QStringLiteral("CREATE INDEX mentions_by_user ON mentions(user_id, id)"),
    };
}

QStringList version10()
{
    // Knowledge-base suggestions: a customer's message (masked) and an agent's reply where the
    // AI abstained or its draft was rewritten, one per customer message (docs/ai.md).
    return {
        QStringLiteral(R"(CREATE TABLE kb_suggestions (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
            question TEXT NOT NULL,
            reply TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('abstained', 'edited')),
            created_at INTEGER NOT NULL))"),
    };
}

QStringList version13()
{
    // Shop orders as the shop's webhooks last described them, their lines, and the webhook
    // deliveries already taken (WooCommerce resends; docs/integrations.md).
    return {
        QStringLiteral(R"(CREATE TABLE shop_orders (
            shop TEXT NOT NULL,
            order_id INTEGER NOT NULL,
            number TEXT NOT NULL,
            status TEXT NOT NULL,
            currency TEXT NOT NULL,
            total_hundredths INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            modified_at INTEGER NOT NULL,
            billing_wa_id TEXT NOT NULL,
            courier TEXT NOT NULL,
            tracking_number TEXT NOT NULL,
            stored_at INTEGER NOT NULL,
            PRIMARY KEY (shop, order_id)))"),
        QStringLiteral("CREATE INDEX shop_orders_by_customer ON shop_orders(billing_wa_id)"),
        QStringLiteral(R"(CREATE TABLE shop_order_items (
            shop TEXT NOT NULL,
            order_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (shop, order_id, position)))"),
        QStringLiteral(R"(CREATE TABLE shop_webhook_deliveries (
            shop TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (shop, delivery_id)))"),
    };
}

QStringList version16()
{
    // Knowledge-base edits from the console: every saved or deleted article as a version with
    // who and when (the articles themselves live in kb.sqlite), and suggestions a supervisor
    // has handled (dismissed or turned into an article) leave the list.
    return {
        QStringLiteral(R"(CREATE TABLE kb_article_versions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            title TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            questions TEXT NOT NULL DEFAULT '[]',
            body TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            author_id INTEGER NOT NULL REFERENCES users(id),
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX kb_article_versions_by_article ON kb_article_versions "
                       "(article_id, id)"),
        QStringLiteral("ALTER TABLE kb_suggestions ADD COLUMN handled_at INTEGER"),
    };
}

QStringList version17()
{
    // Channels: a conversation belongs to (channel, customer). Conversations stored before
    // channels existed came through the relay's first Cloud API number, the channel "main".
    return {
        QStringLiteral("ALTER TABLE conversations ADD COLUMN channel TEXT NOT NULL DEFAULT 'main'"),
        QStringLiteral("CREATE INDEX conversations_by_channel ON conversations (channel)"),
    };
}

QStringList version18()
{
    // Meta's pricing of each message the relay sent, as its status webhooks reported it, for
    // the report's estimated Meta cost (docs/reports.md).
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN pricing_category TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN pricing_type TEXT"),
    };
}

QStringList version19()
{
    // The team's labels (name, colour) and the labels on each chat.
    return {
        QStringLiteral(R"(CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE conversation_labels (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            label_id INTEGER NOT NULL REFERENCES labels(id),
            added_at INTEGER NOT NULL,
            PRIMARY KEY (conversation_id, label_id)) WITHOUT ROWID)"),
        QStringLiteral(
            "CREATE INDEX conversation_labels_by_label ON conversation_labels(label_id)"),
    };
}

QStringList version20()
{
    // Teams agents belong to, and the team whose queue a chat is in (routing and transfer to a
    // team; docs/configuration.md, "Teams and routing").
    return {
        QStringLiteral(R"(CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE team_members (
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id),
            PRIMARY KEY (team_id, user_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX team_members_by_user ON team_members(user_id)"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN team_id INTEGER "
                       "REFERENCES teams(id) ON DELETE SET NULL"),
    };
}

QStringList version21()
{
    // Who agreed to order updates on WhatsApp, as the shop's checkout recorded it on their
    // latest order (docs/integrations.md, "Status templates").
    return {
        QStringLiteral(R"(CREATE TABLE shop_order_update_consents (
            wa_id TEXT PRIMARY KEY,
            opted_in INTEGER NOT NULL CHECK (opted_in IN (0, 1)),
            shop TEXT NOT NULL,
            order_id INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL))"),
    };
}

QStringList version22()
{
    // Customer satisfaction (docs/configuration.md, "Customer satisfaction"): the rating question
    // sent when an agent resolved a chat, the agent it rates, and the customer's answer (score
    // and its wamid, null until answered). The question and the thank-you reply are remembered
    // so reports never take them for an agent's answers.
    return {
        QStringLiteral(R"(CREATE TABLE csat_surveys (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            agent_id INTEGER NOT NULL REFERENCES users(id),
            question_message_id INTEGER REFERENCES messages(id),
            asked_at INTEGER NOT NULL,
            score INTEGER CHECK (score BETWEEN 1 AND 5),
            answer_wamid TEXT UNIQUE,
            answered_at INTEGER,
            thanks_message_id INTEGER REFERENCES messages(id)))"),
        QStringLiteral(
            "CREATE INDEX csat_surveys_by_conversation ON csat_surveys(conversation_id)"),
        QStringLiteral("CREATE INDEX csat_surveys_by_answer ON csat_surveys(answered_at)"),
    };
}

QStringList version24()
{
    // The name an automatic message is sent under ("Jam layanan", "Status pesanan"): people's
    // messages take their name from users.
    return {QStringLiteral("ALTER TABLE messages ADD COLUMN sender_label TEXT")};
}

bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, "users, sessions, contacts, conversations, messages, events, commands, outbox",
         version1()},
        {2, "AI drafts; conversations by assignee", version2()},
        {3, "drafts marked as the offline fallback", version3()},
        {4, "media files, uploads and the media of messages", version4()},
        {5, "message templates; canned responses", version5()},
        {6, "LLM tokens per conversation", version6()},
        {7, "edited and revoked messages; edits and revokes held for their original", version7()},
        {8, "user changes for live revocation; sessions by user", version8()},
        {9, "internal notes and their @mentions", version9()},
        {10, "knowledge-base suggestions", version10()},
        {13, "shop orders, their lines, webhook deliveries taken", version13()},
        {16, "knowledge-base article versions; handled suggestions", version16()},
        {17, "the channel of each conversation", version17()},
        {18, "Meta's pricing of sent messages", version18()},
        {19, "labels and the labels on chats", version19()},
        {20, "teams, their members, the team of a chat", version20()},
        {21, "customers' consent to order updates", version21()},
        {22, "customer satisfaction surveys and ratings", version22()},
        {24, "the sender name of automatic messages", version24()},
    };
    return all;
}

int schemaVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

namespace {

bool migrateLocked(QSqlDatabase &db, Engine engine, QString *error, int targetVersion)
{
    QSqlQuery query(db);
    for (const QString &statement : setupStatements(engine)) {
        if (!exec(query, statement, error))
            return false;
    }
    if (!exec(query,
              sqlFor(engine,
                     QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
                                    "NOT NULL)")),
              error))
        return false;
    const int latest = migrations().constLast().version;
    const int target = targetVersion < 0 ? latest : targetVersion;
    const int current = schemaVersion(db);
    if (current > latest) {
        if (error)
            *error = QStringLiteral("database schema version %1 is newer than this relay (%2)")
                         .arg(current)
                         .arg(latest);
        return false;
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current || migration.version > target)
            continue;
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &statement : migration.statements) {
            if (!exec(query, sqlFor(engine, statement), error)) {
                ok = false;
                break;
            }
        }
        ok = ok && exec(query, QStringLiteral("DELETE FROM schema_version"), error);
        ok = ok && exec(query,
                        QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                            .arg(migration.version),
                        error);
        if (!ok) {
            db.rollback();
            if (error)
                *error =
                    QStringLiteral("migration %1 failed: %2").arg(migration.version).arg(*error);
            return false;
        }
        if (!db.commit()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

bool migrate(QSqlDatabase &db, QString *error, int targetVersion)
{
    // Relays starting together on one PostgreSQL database migrate it one after the other.
    const Engine engine = engineOf(db);
    QSqlQuery lock(db);
    if (const QString acquire = migrationLockSql(engine, true);
        !acquire.isEmpty() && !exec(lock, acquire, error))
        return false;
    const bool migrated = migrateLocked(db, engine, error, targetVersion);
    if (const QString release = migrationLockSql(engine, false); !release.isEmpty())
        lock.exec(release);
    return migrated;
}

} // namespace Serambi::Relay
