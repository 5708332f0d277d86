#include "transfercommand.h"

#include "conversationaccess.h"
#include "notecommands.h"

#include "auth/visibility.h"
#include "protocol/keys.h"
#include "store/teamrepo.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

CommandReply transfer(CommandContext &context)
{
    const bool toTeam = !isAbsent(context.args, Key::Team);
    if (toTeam == !isAbsent(context.args, Key::Username))
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("name either a username or a team"));
    const QJsonValue target = context.args.value(toTeam ? Key::Team : Key::Username);
    if (!target.isString() || target.toString().isEmpty())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     toTeam ? QStringLiteral("team must be a team name")
                                            : QStringLiteral("username must be a user name"));
    CommandReply refusal;
    // Only its assignee (an agent's own chat) or a supervisor: an agent cannot hand on a chat
    // from the queue or someone else's.
    auto conversation = managedConversation(context, Manage::AssigneeOrSupervisor, &refusal);
    if (!conversation)
        return refusal;
    QList<User> receivers;
    if (toTeam) {
        const auto team = TeamRepo::byName(context.txn.db(), target.toString());
        if (!team)
            return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such team"));
        if (conversation->teamId == team->id && conversation->assigneeId == 0 &&
            conversation->state == Protocol::ConversationState::Queued)
            return CommandReply::refusal(ErrorCode::Conflict,
                                         QStringLiteral("the chat already waits for that team"));
        // Into the team's queue: its members see it there, auto-assignment gives it to one.
        conversation->assigneeId = 0;
        conversation->state = Protocol::ConversationState::Queued;
        conversation->aiMode = humanAiMode(*conversation);
        conversation->teamId = team->id;
    } else {
        const auto receiver = UserRepo::byName(context.txn.db(), target.toString());
        if (!receiver || receiver->disabled)
            return CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such user"));
        if (receiver->id == conversation->assigneeId)
            return CommandReply::refusal(ErrorCode::Conflict,
                                         QStringLiteral("the chat is already theirs"));
        assignTo(*conversation, *receiver, humanAiMode(*conversation));
        receivers.append(*receiver);
    }
    // The note is checked against the chat as it will be (the receiver its assignee, who is
    // shown it) before anything is stored: a refused note leaves the chat where it was.
    std::optional<PendingNote> pending;
    if (!isAbsent(context.args, Key::Note)) {
        pending =
            prepareNote(context, *conversation, context.args.value(Key::Note), receivers, &refusal);
        if (!pending)
            return refusal;
    }
    CommandReply reply = commitConversation(context, *conversation, true);
    if (!reply.ok)
        return reply;
    QJsonValue note = QJsonValue::Null;
    if (pending) {
        if (!storeNote(context, *conversation, *pending))
            return CommandReply::refusal(ErrorCode::Internal);
        note = pending->note.toJson();
    }
    reply.data.insert(Key::Note, note);
    return reply;
}

} // namespace Serambi::Relay
