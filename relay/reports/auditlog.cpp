#include "auditlog.h"

#include "protocol/commands.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "protocol/payloads.h"
#include "protocol/types.h"
#include "store/commandlog.h"
#include "store/conversationrepo.h"
#include "store/dialect.h"
#include "store/statementcache.h"

#include <QJsonDocument>
#include <QUuid>

namespace Serambi::Relay::AuditLog {

namespace {

using Protocol::Command;

constexpr Command Audited[] = {Command::Assign,   Command::Transfer, Command::TakeOver,
                               Command::HandBack, Command::Resolve,  Command::SetAiMode};

} // namespace

std::optional<QList<Protocol::AuditEntry>> page(QSqlDatabase &db, int offset, int limit, bool *more)
{
    const QStringList marks(qsizetype(std::size(Audited)) + 1, QStringLiteral("?"));
    PreparedQuery q(
        db, QStringLiteral(
                "SELECT at, actor, action, result, subject FROM (SELECT c.created_at AS at, "
                "u.username AS actor, c.name AS action, c.result AS result, '' AS subject, 0 AS "
                "source, %2 AS k FROM commands c LEFT JOIN users u ON u.id = c.user_id WHERE "
                "c.name IN (%1) UNION ALL SELECT x.at, '', 'user.' || x.change, '', u.username, 1, "
                "x.id FROM user_changes x LEFT JOIN users u ON u.id = x.user_id) AS audit ORDER BY "
                "at DESC, "
                "source DESC, k DESC LIMIT ? OFFSET ?")
                .arg(marks.join(QLatin1Char(',')),
                     // Commands of the same millisecond, in the order they were stored.
                     insertionOrderSql(engineOf(db), QStringLiteral("c"))));
    for (const Command command : Audited)
        q.addBindValue(QString(Protocol::commandName(command)));
    q.addBindValue(QString(Protocol::AutoAssignAction));
    q.addBindValue(limit + 1);
    q.addBindValue(offset);
    if (!q.exec())
        return std::nullopt;
    QList<Protocol::AuditEntry> entries;
    while (q.next()) {
        Protocol::AuditEntry entry;
        entry.at = q.value(0).toLongLong();
        entry.actor = q.value(1).toString();
        entry.action = q.value(2).toString();
        entry.subject = q.value(4).toString();
        const QJsonObject result = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        const QJsonObject data = result.value(Protocol::Key::Data).toObject();
        if (data.contains(Protocol::Key::Conversation)) {
            const auto conversation = Protocol::ConversationPayload::fromJson(
                data.value(Protocol::Key::Conversation).toObject());
            entry.conversationId = conversation.id;
            entry.subject = conversation.assignee;
            entry.detail = entry.action == Protocol::commandName(Command::SetAiMode)
                               ? QString(Protocol::aiModeName(conversation.aiMode))
                               : QString(Protocol::conversationStateName(conversation.state));
        }
        entries.append(entry);
    }
    *more = entries.size() > limit;
    if (*more)
        entries.removeLast();
    return entries;
}

bool recordAutoAssignment(WriteTxn &txn, const Conversation &conversation)
{
    // Read back by page() as a command's result frame; user 0 is nobody.
    const QJsonObject result{
        {Protocol::Key::Data, QJsonObject{{Protocol::Key::Conversation, conversation.toJson()}}}};
    return CommandLog::record(
        txn, 0, QStringLiteral("auto:") + QUuid::createUuid().toString(QUuid::WithoutBraces),
        Protocol::AutoAssignAction, result);
}

} // namespace Serambi::Relay::AuditLog
