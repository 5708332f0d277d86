#include "readcommands.h"

#include "outboundsend.h"

#include "ai/kbsuggestions.h"
#include "auth/visibility.h"
#include "store/conversationrepo.h"
#include "store/teamrepo.h"
#include "store/templaterepo.h"

#include "protocol/keys.h"

#include <QJsonArray>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

CommandReply historyCommand(QSqlDatabase &db, const User &user, const QJsonObject &args)
{
    CommandReply refusal;
    const auto conversationId = requireId(args, Key::ConversationId, &refusal);
    if (!conversationId)
        return refusal;
    qint64 beforeId = 0;
    const QLatin1String beforeArg("before_id");
    if (!isAbsent(args, beforeArg)) {
        const auto before = requireId(args, beforeArg, &refusal);
        if (!before)
            return refusal;
        beforeId = *before;
    }
    qint64 limit = DefaultHistoryLimit;
    const QLatin1String limitArg("limit");
    if (!isAbsent(args, limitArg)) {
        const auto requested = requireId(args, limitArg, &refusal);
        if (!requested)
            return refusal;
        limit = std::min<qint64>(*requested, MaxHistoryLimit);
    }
    const auto conversation = ConversationRepo::load(db, *conversationId);
    if (!conversation)
        return CommandReply::refusal(ErrorCode::NotFound);
    if (!canSeeConversation(user, conversation->assigneeId))
        return CommandReply::refusal(ErrorCode::Forbidden);
    QJsonArray messages;
    for (const Message &message :
         ConversationRepo::history(db, *conversationId, beforeId, int(limit)))
        messages.append(message.toJson());
    return CommandReply::success({{Key::Messages, messages}});
}

CommandReply listAgentsCommand(QSqlDatabase &db, const User &user,
                               const std::function<Protocol::Presence(qint64)> &presenceOf,
                               int capacity)
{
    if (!isSupervisor(user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    const QHash<qint64, QStringList> teams = TeamRepo::teamNamesByUser(db);
    QJsonArray agents;
    for (const User &candidate : UserRepo::all(db)) {
        if (candidate.disabled)
            continue;
        const Protocol::Presence presence = presenceOf(candidate.id);
        Protocol::UserPayload payload =
            candidate.toPayload(presence != Protocol::Presence::Offline);
        payload.presence = presence;
        payload.teams = teams.value(candidate.id);
        agents.append(payload.toJson());
    }
    return CommandReply::success({{Key::Agents, agents}, {Key::Capacity, capacity}});
}

CommandReply listKbSuggestionsCommand(QSqlDatabase &db, const User &user)
{
    if (!isSupervisor(user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    return CommandReply::success({{Key::Groups, KbSuggestions::grouped(db)}});
}

CommandReply listTemplatesCommand(QSqlDatabase &db)
{
    QJsonArray templates;
    for (const MessageTemplate &item : TemplateRepo::all(db))
        templates.append(item.toJson());
    const qint64 syncedAt = TemplateRepo::syncedAt(db);
    return CommandReply::success({{Key::Templates, templates},
                                  {Key::SyncedAt, syncedAt ? QJsonValue(syncedAt) : QJsonValue()}});
}

std::optional<qint64> typingConversation(QSqlDatabase &db, const User &user,
                                         const QJsonObject &args, qint64 nowMs, qint64 windowMs,
                                         CommandReply *refusal)
{
    const auto conversationId = requireId(args, Key::ConversationId, refusal);
    if (!conversationId)
        return std::nullopt;
    const auto conversation = ConversationRepo::load(db, *conversationId);
    if (!conversation) {
        *refusal = CommandReply::refusal(ErrorCode::NotFound);
        return std::nullopt;
    }
    if (conversation->assigneeId != 0 && !canManageConversation(user, conversation->assigneeId)) {
        *refusal = CommandReply::refusal(ErrorCode::Forbidden);
        return std::nullopt;
    }
    return windowOpen(*conversation, nowMs, windowMs) ? *conversationId : 0;
}

} // namespace Serambi::Relay
