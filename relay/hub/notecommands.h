#pragma once

#include "commandrunner.h"

#include "store/conversationrepo.h"
#include "store/noterepo.h"

#include <QSqlDatabase>

#include <optional>

namespace Serambi::Relay {

inline constexpr int MaxMentionsListed = 100;

// add_note {conversation_id, text}: an internal note in a chat the caller sees, never sent to
// the customer; every @username of a colleague who sees the chat becomes a mention
// (note.created, one mention.created per mentioned colleague).
CommandReply addNote(CommandContext &context);
// A note checked and ready to store, with the ids of the colleagues it mentions.
struct PendingNote
{
    Note note;
    QList<qint64> mentionedIds;
};

// Checks a note by the caller in conversation (as it will be when stored) with its @mentions
// and alsoMention (each colleague once, never the author); writes nothing. nullopt with
// *refusal: invalid_argument for an empty or too long text, forbidden for a colleague who may
// not see the conversation.
std::optional<PendingNote> prepareNote(CommandContext &context, const Conversation &conversation,
                                       const QJsonValue &text, const QList<User> &alsoMention,
                                       CommandReply *refusal);
// Stores it and appends note.created and one mention.created per mentioned colleague; false
// when the store failed (the transaction is marked failed).
bool storeNote(CommandContext &context, const Conversation &conversation, PendingNote &pending);
// list_notes {conversation_id} (read): {"notes": [...]}, oldest first.
CommandReply listNotesCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);
// list_mentions (read): {"mentions": [...]}, the caller's newest first.
CommandReply listMentionsCommand(QSqlDatabase &db, const User &user);

} // namespace Serambi::Relay
