#include "localstoreworker.h"

#include "localstoreschema.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Serambi::App {

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

namespace {
// A chat's label ids as the cache's labels column holds them: space-separated.
QString labelText(const QList<qint64> &labelIds)
{
    QStringList ids;
    for (const qint64 id : labelIds)
        ids.append(QString::number(id));
    return ids.join(QLatin1Char(' '));
}
} // namespace

LocalStoreWorker::LocalStoreWorker()
    : m_connectionName(QStringLiteral("serambi-cache-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

LocalStoreWorker::~LocalStoreWorker()
{
    close();
}

bool LocalStoreWorker::open(const QString &path, CachedState *state)
{
    if (openFile(path) && migrate() && loadState(state))
        return true;
    // The cache is only a copy of the relay's state: start it afresh rather than fail.
    qCWarning(lcConsole) << "local cache unusable, starting a new one";
    close();
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    *state = CachedState();
    return openFile(path) && migrate() && loadState(state);
}

bool LocalStoreWorker::openFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        qCWarning(lcConsole) << "cannot open local cache:" << m_db.lastError().text();
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return exec(QStringLiteral("PRAGMA journal_mode = WAL")) &&
           exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

void LocalStoreWorker::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool LocalStoreWorker::migrate()
{
    QSqlQuery version(m_db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
        return false;
    const int current = version.value(0).toInt();
    version.finish();
    const QList<QStringList> &migrations = localStoreMigrations();
    if (current > migrations.size()) {
        qCWarning(lcConsole) << "local cache schema" << current << "is newer than this console";
        return false;
    }
    for (int step = current; step < migrations.size(); ++step) {
        if (!begin())
            return false;
        for (const QString &statement : migrations.at(step)) {
            if (!exec(statement)) {
                m_db.rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)) || !commit())
            return false;
    }
    return true;
}

bool LocalStoreWorker::loadState(CachedState *state)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return false;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QLatin1String("last_seq")) {
            state->lastSeq = q.value(1).toLongLong();
        } else if (key == QLatin1String("user")) {
            const QJsonObject user = fromJsonText(q.value(1).toString());
            state->user.id = user.value(QLatin1String("id")).toInteger();
            state->user.username = user.value(QLatin1String("username")).toString();
            state->user.displayName = user.value(QLatin1String("display_name")).toString();
            state->user.role = user.value(QLatin1String("role")).toString();
        }
    }
    if (!q.exec(QStringLiteral(
            "SELECT id, phone_number_id, wa_id, user_id, name, username, state, ai_mode, "
            "assignee, handoff_reason, last_inbound_at, last_message_at, unread, waiting_since, "
            "recent_text, last_id, last_wamid, last_direction, last_type, last_text, "
            "last_status, last_sender, last_timestamp, labels, team, channel, csat_score FROM "
            "conversations")))
        return false;
    while (q.next()) {
        Conversation c;
        c.id = q.value(0).toLongLong();
        c.phoneNumberId = q.value(1).toString();
        c.waId = q.value(2).toString();
        c.userId = q.value(3).toString();
        c.name = q.value(4).toString();
        c.username = q.value(5).toString();
        Protocol::conversationStateFromName(q.value(6).toString(), &c.state);
        Protocol::aiModeFromName(q.value(7).toString(), &c.aiMode);
        c.assignee = q.value(8).toString();
        c.handoffReason = q.value(9).toString();
        c.lastInboundAt = q.value(10).toLongLong();
        c.lastMessageAt = q.value(11).toLongLong();
        c.unread = q.value(12).toInt();
        c.waitingSince = q.value(13).toLongLong();
        c.recentText = q.value(14).toString();
        c.lastMessage.id = q.value(15).toLongLong();
        c.lastMessage.conversationId = c.id;
        c.lastMessage.wamid = q.value(16).toString();
        c.lastMessage.direction =
            Protocol::directionFromName(q.value(17).toString()).value_or(Protocol::Direction::In);
        c.lastMessage.type = q.value(18).toString();
        c.lastMessage.text = q.value(19).toString();
        c.lastMessage.status = q.value(20).toString();
        c.lastMessage.sender = q.value(21).toString();
        c.lastMessage.timestamp = q.value(22).toLongLong();
        const QStringList labelIds =
            q.value(23).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &labelId : labelIds)
            c.labelIds.append(labelId.toLongLong());
        c.team = q.value(24).toString();
        c.channel = q.value(25).toString();
        c.csatScore = q.value(26).toInt();
        state->conversations.append(c);
    }
    if (!q.exec(QStringLiteral("SELECT conversation_id, json FROM drafts")))
        return false;
    while (q.next()) {
        if (const auto draft =
                draftFromJson(q.value(0).toLongLong(), fromJsonText(q.value(1).toString())))
            state->drafts.append(*draft);
    }
    if (!q.exec(QStringLiteral("SELECT id, conversation_id, name, args, local_message_id, "
                               "created_at FROM commands ORDER BY ord")))
        return false;
    while (q.next()) {
        // A name this build does not know (the cache of a newer console) cannot be sent.
        const std::optional<Protocol::Command> known =
            Protocol::commandFromName(q.value(2).toString());
        if (!known) {
            qCWarning(lcConsole) << "skipping a queued command of unknown name";
            continue;
        }
        PendingCommand command;
        command.id = q.value(0).toString();
        command.conversationId = q.value(1).toLongLong();
        command.command = *known;
        command.args = fromJsonText(q.value(3).toString());
        command.localMessageId = q.value(4).toLongLong();
        command.createdAt = q.value(5).toLongLong();
        state->commands.append(command);
    }
    if (!q.exec(QStringLiteral("SELECT conversation_id, text FROM unsent_texts")))
        return false;
    while (q.next())
        state->unsentTexts.insert(q.value(0).toLongLong(), q.value(1).toString());
    return true;
}

bool LocalStoreWorker::begin()
{
    return m_db.transaction();
}

bool LocalStoreWorker::commit()
{
    if (m_db.commit())
        return true;
    qCWarning(lcConsole) << "local cache commit failed:" << m_db.lastError().text();
    m_db.rollback();
    return false;
}

bool LocalStoreWorker::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        qCWarning(lcConsole) << "local cache statement failed:" << q.lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (q.exec())
        return true;
    qCWarning(lcConsole) << "local cache statement failed:" << q.lastError().text();
    return false;
}

void LocalStoreWorker::replaceConversations(const ConversationList &conversations)
{
    exec(QStringLiteral("DELETE FROM conversations"));
    for (const Conversation &conversation : conversations)
        saveConversation(conversation);
}

void LocalStoreWorker::saveConversation(const Conversation &conversation)
{
    const Conversation &c = conversation;
    const Message &last = c.lastMessage;
    exec(QStringLiteral(
             "INSERT OR REPLACE INTO conversations (id, phone_number_id, wa_id, "
             "user_id, name, username, state, ai_mode, assignee, handoff_reason, "
             "last_inbound_at, last_message_at, unread, waiting_since, recent_text, "
             "last_id, last_wamid, last_direction, last_type, last_text, last_status, "
             "last_sender, last_timestamp, labels, team, channel, csat_score) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
             "?, ?)"),
         {c.id,
          c.phoneNumberId,
          c.waId,
          c.userId,
          c.name,
          c.username,
          c.stateName(),
          c.aiModeName(),
          c.assignee,
          c.handoffReason,
          c.lastInboundAt,
          c.lastMessageAt,
          c.unread,
          c.waitingSince,
          c.recentText,
          last.id,
          last.wamid,
          last.directionName(),
          last.type,
          last.text,
          last.status,
          last.sender,
          last.timestamp,
          labelText(c.labelIds),
          c.team,
          c.channel,
          c.csatScore});
}

void LocalStoreWorker::saveMessage(const Message &message)
{
    exec(QStringLiteral(
             "INSERT OR REPLACE INTO messages (id, conversation_id, json) VALUES (?, ?, ?)"),
         {message.id, message.conversationId, toJsonText(message.toJson())});
}

void LocalStoreWorker::saveMeta(const QString &key, const QString &value)
{
    exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), {key, value});
}

void LocalStoreWorker::saveCommand(const PendingCommand &command)
{
    exec(QStringLiteral("INSERT OR IGNORE INTO commands (id, conversation_id, name, args, "
                        "local_message_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
         {command.id, command.conversationId, QString(Protocol::commandName(command.command)),
          toJsonText(command.args), command.localMessageId, command.createdAt});
}

MessageList LocalStoreWorker::loadMessages(qint64 conversationId, qint64 beforeId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT json FROM messages WHERE conversation_id = ? AND id < ? "
                             "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(conversationId);
    q.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    MessageList messages;
    if (!q.exec()) {
        qCWarning(lcConsole) << "local cache read failed:" << q.lastError().text();
        return messages;
    }
    while (q.next())
        messages.prepend(Message::fromJson(fromJsonText(q.value(0).toString())));
    return messages;
}

} // namespace Serambi::App
