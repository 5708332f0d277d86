#pragma once

#include "store/event.h"
#include "store/userrepo.h"

namespace Serambi::Relay {

// Supervisors and admins see and manage every conversation.
bool isSupervisor(const User &user);

// Agents see unassigned conversations and their own; supervisors see all.
bool canSeeConversation(const User &user, qint64 assigneeId);

// Decided by the assignee at the time of the event. An agent also gets the
// conversation.updated that moves a chat out of their sight (theirs or unassigned, now another
// agent's), so their console can drop it.
// Events of conversation 0 (templates, canned responses) are for everyone; a mention.created
// only for the colleague it mentions; a presence.changed for supervisors and the user it is about.
bool canSeeEvent(const User &user, const Event &event, qint64 previousAssigneeId);

// A stored media file: supervisors see all, a user what they uploaded, and anyone the media of
// a message in a conversation they see.
bool canSeeMedia(QSqlDatabase &db, const User &user, const QString &key);

// The assignee or a supervisor may resolve, hand back or change the AI mode.
bool canManageConversation(const User &user, qint64 assigneeId);

} // namespace Serambi::Relay
