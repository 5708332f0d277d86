#pragma once

#include "writetxn.h"

#include "protocol/notepayloads.h"

#include <QList>
#include <QSqlDatabase>

namespace Serambi::Relay {

using Note = Protocol::NotePayload;
using Mention = Protocol::MentionPayload;

namespace NoteRepo {

// Inserts the note and one mention per mentioned user id; sets the ids and createdAt (the
// txn's clock). The mentions come back in the order of mentionedUserIds.
bool add(WriteTxn &txn, Note &note, const QList<qint64> &mentionedUserIds,
         QList<Mention> *mentions);
// A conversation's notes, oldest first, with the usernames each mentions.
QList<Note> ofConversation(QSqlDatabase &db, qint64 conversationId);
// The newest mentions of a user, newest first, at most limit.
QList<Mention> mentionsOf(QSqlDatabase &db, qint64 userId, int limit);

} // namespace NoteRepo
} // namespace Serambi::Relay
