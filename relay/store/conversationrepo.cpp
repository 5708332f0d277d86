#include "conversationrepo.h"
#include "labelrepo.h"
#include "outbound.h"
#include "statementcache.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace Serambi::Relay {

namespace {

QVariant nullable(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant() : QVariant(value);
}

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString MessageColumns = QStringLiteral(
    "m.id, m.conversation_id, m.wamid, m.direction, m.type, m.text, m.payload, m.status, "
    "m.error_code, m.error_title, m.error_details, m.reply_to, m.sender_kind, m.sender_id, "
    "COALESCE(su.display_name, m.sender_label), m.timestamp, m.created_at, m.updated_at, mm.state, "
    "mm.media_key, "
    "mm.size, mm.mime_type, mm.filename, mm.error, mm.meta_media_id, mm.sha256, m.edited_at, "
    "m.revoked_at");
const QString MessageJoins = QStringLiteral("LEFT JOIN users su ON su.id = m.sender_id "
                                            "LEFT JOIN message_media mm ON mm.message_id = m.id ");
const QString MessageFrom = QStringLiteral(" FROM messages m ") + MessageJoins;

Message readMessage(const PreparedQuery &q, int offset = 0)
{
    Message m;
    m.id = q.value(offset + 0).toLongLong();
    m.conversationId = q.value(offset + 1).toLongLong();
    m.wamid = q.value(offset + 2).toString();
    m.direction = Protocol::directionFromName(q.value(offset + 3).toString())
                      .value_or(Protocol::Direction::In);
    m.type = q.value(offset + 4).toString();
    m.text = q.value(offset + 5).toString();
    m.payload = QJsonDocument::fromJson(q.value(offset + 6).toString().toUtf8()).object();
    m.status = q.value(offset + 7).toString();
    m.errorCode = q.value(offset + 8).toInt();
    m.errorTitle = q.value(offset + 9).toString();
    m.errorDetails = q.value(offset + 10).toString();
    m.replyTo = q.value(offset + 11).toString();
    m.senderKind = q.value(offset + 12).toString();
    m.senderId = q.value(offset + 13).toLongLong();
    m.senderName = q.value(offset + 14).toString();
    m.timestamp = q.value(offset + 15).toLongLong();
    m.createdAt = q.value(offset + 16).toLongLong();
    m.updatedAt = q.value(offset + 17).toLongLong();
    m.editedAt = q.value(offset + 26).toLongLong();
    m.revokedAt = q.value(offset + 27).toLongLong();
    if (!q.value(offset + 18).isNull()) {
        MessageMedia media;
        media.state = q.value(offset + 18).toString();
        media.key = q.value(offset + 19).toString();
        media.size = q.value(offset + 20).toLongLong();
        media.mimeType = q.value(offset + 21).toString();
        media.filename = q.value(offset + 22).toString();
        media.error = q.value(offset + 23).toString();
        media.metaMediaId = q.value(offset + 24).toString();
        media.sha256 = q.value(offset + 25).toString();
        m.media = media;
    }
    return m;
}

std::optional<Message> selectMessage(QSqlDatabase &db, const QString &where, const QVariant &key)
{
    PreparedQuery q(db, QStringLiteral("SELECT ") + MessageColumns + MessageFrom +
                            QStringLiteral("WHERE ") + where);
    q.addBindValue(key);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readMessage(q);
}

const QString ConversationSelect =
    QStringLiteral(
        "SELECT c.id, c.contact_id, c.phone_number_id, c.state, c.ai_mode, c.assignee_id, "
        "u.username, c.handoff_reason, c.last_inbound_at, c.last_message_at, c.last_message_id, "
        "c.unread, c.created_at, c.updated_at, k.wa_id, k.user_id, k.parent_user_id, "
        "k.profile_name, k.username, c.channel, c.team_id, t.name, s.score, s.answered_at, ") +
    MessageColumns +
    QStringLiteral(" FROM conversations c JOIN contacts k ON k.id = c.contact_id "
                   "LEFT JOIN users u ON u.id = c.assignee_id "
                   "LEFT JOIN teams t ON t.id = c.team_id "
                   "LEFT JOIN csat_surveys s ON s.id = (SELECT MAX(id) FROM csat_surveys WHERE "
                   "conversation_id = c.id AND score IS NOT NULL) "
                   "LEFT JOIN messages m ON m.id = c.last_message_id ") +
    MessageJoins;

Conversation readConversation(const PreparedQuery &q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.contactId = q.value(1).toLongLong();
    c.phoneNumberId = q.value(2).toString();
    Protocol::conversationStateFromName(q.value(3).toString(), &c.state);
    Protocol::aiModeFromName(q.value(4).toString(), &c.aiMode);
    c.assigneeId = q.value(5).toLongLong();
    c.assigneeName = q.value(6).toString();
    c.handoffReason = q.value(7).toString();
    c.lastInboundAt = q.value(8).toLongLong();
    c.lastMessageAt = q.value(9).toLongLong();
    c.lastMessageId = q.value(10).toLongLong();
    c.unread = q.value(11).toInt();
    c.createdAt = q.value(12).toLongLong();
    c.updatedAt = q.value(13).toLongLong();
    c.contact.waId = q.value(14).toString();
    c.contact.userId = q.value(15).toString();
    c.contact.parentUserId = q.value(16).toString();
    c.contact.profileName = q.value(17).toString();
    c.contact.username = q.value(18).toString();
    c.channel = q.value(19).toString();
    c.teamId = q.value(20).toLongLong();
    c.teamName = q.value(21).toString();
    c.csatScore = q.value(22).toInt();
    c.csatRatedAt = q.value(23).toLongLong();
    if (!q.value(24).isNull())
        c.lastMessage = readMessage(q, 24);
    return c;
}

} // namespace

Protocol::MessagePayload Message::toPayload() const
{
    Protocol::MessagePayload json;
    json.id = id;
    json.conversationId = conversationId;
    json.wamid = wamid;
    json.direction = direction;
    json.type = type;
    json.text = text;
    json.status = status;
    json.sender = senderKind;
    json.senderName = senderName;
    json.replyTo = replyTo;
    json.timestamp = timestamp;
    json.errorCode = errorCode;
    json.errorTitle = errorTitle;
    json.errorDetails = errorDetails;
    json.editedAt = editedAt;
    json.revokedAt = revokedAt;
    json.content = isInbound() ? payload : outboundContent(payload);
    if (media)
        json.media = media->toPayload();
    return json;
}

Protocol::ConversationPayload Conversation::toPayload() const
{
    Protocol::ConversationPayload json;
    json.id = id;
    json.phoneNumberId = phoneNumberId;
    json.channel = channel;
    json.contact = contact.toPayload();
    json.state = state;
    json.aiMode = aiMode;
    json.assignee = assigneeName;
    json.handoffReason = handoffReason;
    json.team = teamName;
    json.lastInboundAt = lastInboundAt;
    json.lastMessageAt = lastMessageAt;
    json.unread = unread;
    if (lastMessage)
        json.lastMessage = lastMessage->toPayload();
    if (draft)
        json.draft = draft->toPayload();
    json.labels = labelIds;
    json.csatScore = csatScore;
    json.csatRatedAt = csatRatedAt;
    return json;
}

namespace ConversationRepo {

std::optional<Conversation> findOrCreate(WriteTxn &txn, const QString &channel,
                                         const QString &phoneNumberId, const Contact &contact,
                                         Protocol::AiMode defaultAiMode, bool *created)
{
    const QString key = contact.key();
    if (key.isEmpty())
        return std::nullopt;
    // Most messages come from a known contact whose details did not change: read first, and
    // write the contact only when it is new or Meta told us something new about it.
    qint64 contactId = 0;
    qint64 conversationId = 0;
    bool current = false;
    {
        PreparedQuery find = txn.prepare(QStringLiteral(
            "SELECT k.id, c.id, k.wa_id, k.user_id, k.parent_user_id, k.profile_name, k.username "
            "FROM contacts k LEFT JOIN conversations c ON c.contact_id = k.id "
            "WHERE k.phone_number_id = ? AND k.contact_key = ?"));
        find.addBindValue(phoneNumberId);
        find.addBindValue(key);
        if (!execQuery(find)) {
            txn.markFailed();
            return std::nullopt;
        }
        if (find.next()) {
            contactId = find.value(0).toLongLong();
            conversationId = find.value(1).toLongLong();
            auto same = [&find](int column, const QString &incoming) {
                return incoming.isEmpty() || find.value(column).toString() == incoming;
            };
            current = same(2, contact.waId) && same(3, contact.userId) &&
                      same(4, contact.parentUserId) && same(5, contact.profileName) &&
                      same(6, contact.username);
        }
        find.finish();
    }
    if (!current) {
        PreparedQuery upsert = txn.prepare(QStringLiteral(
            "INSERT INTO contacts (phone_number_id, contact_key, wa_id, user_id, parent_user_id, "
            "profile_name, username, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?) "
            "ON CONFLICT (phone_number_id, contact_key) DO UPDATE SET "
            "wa_id = COALESCE(excluded.wa_id, contacts.wa_id), "
            "user_id = COALESCE(excluded.user_id, contacts.user_id), "
            "parent_user_id = COALESCE(excluded.parent_user_id, contacts.parent_user_id), "
            "profile_name = CASE WHEN excluded.profile_name = '' THEN contacts.profile_name "
            "ELSE excluded.profile_name END, "
            "username = CASE WHEN excluded.username = '' THEN contacts.username "
            "ELSE excluded.username END, "
            "updated_at = excluded.updated_at"));
        upsert.addBindValue(phoneNumberId);
        upsert.addBindValue(key);
        upsert.addBindValue(nullable(contact.waId));
        upsert.addBindValue(nullable(contact.userId));
        upsert.addBindValue(nullable(contact.parentUserId));
        upsert.addBindValue(contact.profileName);
        upsert.addBindValue(contact.username);
        upsert.addBindValue(txn.now());
        upsert.addBindValue(txn.now());
        if (!execQuery(upsert)) {
            txn.markFailed();
            return std::nullopt;
        }
        if (contactId == 0)
            contactId = upsert.lastInsertId();
    }
    if (created)
        *created = conversationId == 0;
    if (conversationId == 0) {
        PreparedQuery insert = txn.prepare(QStringLiteral(
            "INSERT INTO conversations (contact_id, phone_number_id, channel, state, ai_mode, "
            "created_at, updated_at) VALUES (?, ?, ?, 'bot', ?, ?, ?)"));
        insert.addBindValue(contactId);
        insert.addBindValue(phoneNumberId);
        insert.addBindValue(channel);
        insert.addBindValue(Protocol::aiModeName(defaultAiMode));
        insert.addBindValue(txn.now());
        insert.addBindValue(txn.now());
        if (!execQuery(insert)) {
            txn.markFailed();
            return std::nullopt;
        }
        conversationId = insert.lastInsertId();
    }
    auto conversation = load(txn.db(), conversationId);
    if (!conversation)
        txn.markFailed();
    return conversation;
}

std::optional<Conversation> load(QSqlDatabase &db, qint64 id)
{
    PreparedQuery q(db, ConversationSelect + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(id);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    Conversation conversation = readConversation(q);
    conversation.draft = DraftRepo::pendingFor(db, id);
    conversation.labelIds = LabelRepo::ofConversation(db, id);
    return conversation;
}

std::optional<Message> loadMessage(QSqlDatabase &db, qint64 id)
{
    return selectMessage(db, QStringLiteral("m.id = ?"), id);
}

std::optional<Message> messageByWamid(QSqlDatabase &db, const QString &wamid)
{
    return selectMessage(db, QStringLiteral("m.wamid = ?"), wamid);
}

bool insertMessage(WriteTxn &txn, Message &message)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, wamid, direction, type, text, payload, status, "
        "error_code, error_title, error_details, reply_to, sender_kind, sender_id, sender_label, "
        "timestamp, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (wamid) DO NOTHING"));
    q.addBindValue(message.conversationId);
    q.addBindValue(nullable(message.wamid));
    q.addBindValue(QString(Protocol::directionName(message.direction)));
    q.addBindValue(message.type);
    q.addBindValue(message.text);
    q.addBindValue(toJsonText(message.payload));
    q.addBindValue(message.status);
    q.addBindValue(message.errorCode ? QVariant(message.errorCode) : QVariant());
    q.addBindValue(nullable(message.errorTitle));
    q.addBindValue(nullable(message.errorDetails));
    q.addBindValue(nullable(message.replyTo));
    q.addBindValue(message.senderKind);
    q.addBindValue(nullable(message.senderId));
    // A person's name comes from users; an automatic message keeps the name it went out under.
    q.addBindValue(message.senderId ? QVariant() : nullable(message.senderName));
    q.addBindValue(message.timestamp);
    q.addBindValue(txn.now());
    q.addBindValue(txn.now());
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    if (q.numRowsAffected() == 0)
        return false;
    message.id = q.lastInsertId();
    message.createdAt = message.updatedAt = txn.now();
    if (message.media && !MediaRepo::saveMessageMedia(txn, message.id, *message.media))
        return false;
    return true;
}

bool updateMessage(WriteTxn &txn, const Message &message)
{
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE messages SET wamid = ?, status = ?, error_code = ?, error_title = ?, "
        "error_details = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(nullable(message.wamid));
    q.addBindValue(message.status);
    q.addBindValue(message.errorCode ? QVariant(message.errorCode) : QVariant());
    q.addBindValue(nullable(message.errorTitle));
    q.addBindValue(nullable(message.errorDetails));
    q.addBindValue(txn.now());
    q.addBindValue(message.id);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return true;
}

bool updateEditedMessage(WriteTxn &txn, const Message &message)
{
    PreparedQuery q =
        txn.prepare(QStringLiteral("UPDATE messages SET type = ?, text = ?, payload = ?, "
                                   "edited_at = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(message.type);
    q.addBindValue(message.text);
    q.addBindValue(toJsonText(message.payload));
    q.addBindValue(nullable(message.editedAt));
    q.addBindValue(txn.now());
    q.addBindValue(message.id);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    return true;
}

bool revokeMessage(WriteTxn &txn, Message &message, qint64 revokedAt)
{
    QJsonObject retained{{QLatin1String("text"), message.text},
                         {QLatin1String("payload"), message.payload}};
    if (message.media)
        retained.insert(QLatin1String("media"), message.media->toJson());
    // What consoles still get: who sent what kind of message when, and what it answered.
    QJsonObject identity;
    for (const char *key : {"from", "from_user_id", "id", "timestamp", "type", "context"}) {
        const QJsonValue value = message.payload.value(QLatin1String(key));
        if (!value.isUndefined())
            identity.insert(QLatin1String(key), value);
    }
    PreparedQuery q = txn.prepare(QStringLiteral(
        "UPDATE messages SET text = '', payload = ?, retained_content = ?, revoked_at = ?, "
        "updated_at = ? WHERE id = ?"));
    q.addBindValue(toJsonText(identity));
    q.addBindValue(toJsonText(retained));
    q.addBindValue(revokedAt);
    q.addBindValue(txn.now());
    q.addBindValue(message.id);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    PreparedQuery media =
        txn.prepare(QStringLiteral("DELETE FROM message_media WHERE message_id = ?"));
    media.addBindValue(message.id);
    if (!execQuery(media)) {
        txn.markFailed();
        return false;
    }
    message.text.clear();
    message.payload = identity;
    message.media.reset();
    message.revokedAt = revokedAt;
    message.updatedAt = txn.now();
    return true;
}

bool update(WriteTxn &txn, Conversation &conversation)
{
    conversation.updatedAt = txn.now();
    PreparedQuery q = txn.prepare(
        QStringLiteral("UPDATE conversations SET state = ?, ai_mode = ?, assignee_id = ?, "
                       "handoff_reason = COALESCE(?, ''), "
                       "last_inbound_at = ?, last_message_at = ?, last_message_id = ?, unread = ?, "
                       "updated_at = ?, team_id = ? WHERE id = ?"));
    q.addBindValue(conversation.stateName());
    q.addBindValue(Protocol::aiModeName(conversation.aiMode));
    q.addBindValue(nullable(conversation.assigneeId));
    q.addBindValue(conversation.handoffReason);
    q.addBindValue(nullable(conversation.lastInboundAt));
    q.addBindValue(nullable(conversation.lastMessageAt));
    q.addBindValue(nullable(conversation.lastMessageId));
    q.addBindValue(conversation.unread);
    q.addBindValue(conversation.updatedAt);
    q.addBindValue(nullable(conversation.teamId));
    q.addBindValue(conversation.id);
    if (!execQuery(q)) {
        txn.markFailed();
        return false;
    }
    if (conversation.assigneeId != 0) {
        PreparedQuery name = txn.prepare(QStringLiteral("SELECT username FROM users WHERE id = ?"));
        name.addBindValue(conversation.assigneeId);
        if (execQuery(name) && name.next())
            conversation.assigneeName = name.value(0).toString();
    } else {
        conversation.assigneeName.clear();
    }
    conversation.teamName.clear();
    if (conversation.teamId != 0) {
        PreparedQuery team = txn.prepare(QStringLiteral("SELECT name FROM teams WHERE id = ?"));
        team.addBindValue(conversation.teamId);
        if (execQuery(team) && team.next())
            conversation.teamName = team.value(0).toString();
    }
    return true;
}

Event publishConversation(WriteTxn &txn, const Conversation &conversation)
{
    return txn.appendEvent(EventKind::ConversationUpdated, conversation.id, conversation.assigneeId,
                           conversation.stateName(), conversation.toJson());
}

Event publishMessage(WriteTxn &txn, const Conversation &conversation, const Message &message,
                     EventKind kind)
{
    return txn.appendEvent(kind, conversation.id, conversation.assigneeId, conversation.stateName(),
                           message.toJson());
}

QList<Message> history(QSqlDatabase &db, qint64 conversationId, qint64 beforeId, int limit)
{
    PreparedQuery q(
        db, QStringLiteral("SELECT ") + MessageColumns + MessageFrom +
                QStringLiteral("WHERE m.conversation_id = ? AND m.id < ? ORDER BY m.id DESC "
                               "LIMIT ?"));
    q.addBindValue(conversationId);
    q.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    QList<Message> messages;
    if (!execQuery(q))
        return messages;
    while (q.next())
        messages.prepend(readMessage(q));
    return messages;
}

QStringList recentCustomerTexts(QSqlDatabase &db, qint64 conversationId, qint64 beforeId, int limit,
                                qint64 sinceMs)
{
    PreparedQuery q(db, QStringLiteral("SELECT direction, text, timestamp FROM messages "
                                       "WHERE conversation_id = ? AND id < ? "
                                       "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(conversationId);
    q.addBindValue(beforeId);
    q.addBindValue(limit);
    QStringList texts;
    if (!execQuery(q))
        return texts;
    while (q.next()) {
        const QString text = q.value(1).toString();
        if (q.value(0).toString() == QLatin1String("in") && !text.isEmpty() &&
            q.value(2).toLongLong() >= sinceMs)
            texts.prepend(text);
    }
    return texts;
}

QString channelOf(QSqlDatabase &db, qint64 conversationId)
{
    PreparedQuery q(db, QStringLiteral("SELECT channel FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!execQuery(q) || !q.next())
        return {};
    return q.value(0).toString();
}

QString channelOfMessage(QSqlDatabase &db, qint64 messageId)
{
    PreparedQuery q(db, QStringLiteral("SELECT c.channel FROM messages m JOIN conversations c "
                                       "ON c.id = m.conversation_id WHERE m.id = ?"));
    q.addBindValue(messageId);
    if (!execQuery(q) || !q.next())
        return {};
    return q.value(0).toString();
}

QList<Conversation> all(QSqlDatabase &db)
{
    PreparedQuery q(db, ConversationSelect +
                            QStringLiteral("ORDER BY c.last_message_at DESC, c.id DESC"));
    QList<Conversation> conversations;
    if (!execQuery(q))
        return conversations;
    const QHash<qint64, Draft> drafts = DraftRepo::allPending(db);
    const QHash<qint64, QList<qint64>> labels = LabelRepo::ofAllConversations(db);
    while (q.next()) {
        conversations.append(readConversation(q));
        Conversation &conversation = conversations.last();
        if (auto it = drafts.constFind(conversation.id); it != drafts.constEnd())
            conversation.draft = *it;
        conversation.labelIds = labels.value(conversation.id);
    }
    return conversations;
}

} // namespace ConversationRepo
} // namespace Serambi::Relay
