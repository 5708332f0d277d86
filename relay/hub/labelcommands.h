#pragma once

#include "commandrunner.h"

#include <QSqlDatabase>

namespace Serambi::Relay {

// save_label {id?, name, color} (supervisors/admins): adds a label or renames/recolours one
// (label.updated, to everyone).
CommandReply saveLabel(CommandContext &context);
// delete_label {id} (supervisors/admins): removes it from every chat and the list
// (label.deleted, to everyone).
CommandReply deleteLabel(CommandContext &context);
// set_conversation_labels {conversation_id, add?, remove?}: whoever sees the chat adds and
// removes labels on it (conversation.labeled, to those who see the chat).
CommandReply setConversationLabels(CommandContext &context);
// list_labels (read): {"labels": [...]}, by name.
CommandReply listLabelsCommand(QSqlDatabase &db);

} // namespace Serambi::Relay
