#include "visibility.h"

#include "protocol/keys.h"
#include "protocol/types.h"
#include "store/mediarepo.h"

#include <algorithm>

namespace Serambi::Relay {

bool isSupervisor(const User &user)
{
    Protocol::Role role = Protocol::Role::Agent;
    if (!Protocol::roleFromName(user.role, &role))
        return false;
    return role == Protocol::Role::Supervisor || role == Protocol::Role::Admin;
}

bool canSeeConversation(const User &user, qint64 assigneeId)
{
    return assigneeId == 0 || assigneeId == user.id || isSupervisor(user);
}

bool canSeeEvent(const User &user, const Event &event, qint64 previousAssigneeId)
{
    if (event.kind == EventKind::PresenceChanged)
        return isSupervisor(user) || event.data.value(Protocol::Key::UserId).toInteger() == user.id;
    if (event.conversationId == 0) // team-wide: templates, canned responses, knowledge base
        return event.kind != EventKind::KbUpdated || isSupervisor(user);
    if (event.kind == EventKind::MentionCreated)
        return event.data.value(Protocol::Key::UserId).toInteger() == user.id;
    if (canSeeConversation(user, event.assigneeId))
        return true;
    // The update that takes a chat out of the user's sight: theirs, or unassigned and so in
    // every agent's queue, now someone else's.
    return event.kind == EventKind::ConversationUpdated &&
           canSeeConversation(user, previousAssigneeId);
}

bool canSeeMedia(QSqlDatabase &db, const User &user, const QString &key)
{
    if (isSupervisor(user) || MediaRepo::uploadedBy(db, key, user.id))
        return true;
    const QList<qint64> assignees = MediaRepo::assigneesOfKey(db, key);
    return std::any_of(assignees.begin(), assignees.end(),
                       [&user](qint64 assignee) { return canSeeConversation(user, assignee); });
}

bool canManageConversation(const User &user, qint64 assigneeId)
{
    return (assigneeId != 0 && assigneeId == user.id) || isSupervisor(user);
}

} // namespace Serambi::Relay
