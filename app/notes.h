#pragma once

#include "protocol/notepayloads.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

namespace Serambi::App {

class RelayClient;

using Note = Protocol::NotePayload;
using Mention = Protocol::MentionPayload;

// Internal notes of the chats and the signed-in user's @mentions (docs/protocol.md, "Internal
// notes"): a chat's notes are loaded with list_notes when it opens and kept current by
// note.created; the mentions with list_mentions whenever the console comes online and by
// mention.created, each of which asks for the user's attention. Notes are sent only while
// online; refusals come back as an error code.
class Notes : public QObject
{
    Q_OBJECT

public:
    explicit Notes(RelayClient *relay, QObject *parent = nullptr);

    // A chat's notes as far as known, oldest first.
    QList<Note> notesOf(qint64 conversationId) const { return m_notes.value(conversationId); }
    // Asks the relay for a chat's notes (notesChanged follows).
    void load(qint64 conversationId);
    // False (and addFailed("unreachable")) when offline.
    bool add(qint64 conversationId, const QString &text);

    // My mentions, newest first, and the chats they are in.
    const QList<Mention> &mentions() const { return m_mentions; }
    QSet<qint64> mentionedConversations() const;

Q_SIGNALS:
    void notesChanged(qint64 conversationId);
    void mentionsChanged();
    // A colleague mentioned me (live, or missed while away and replayed).
    void mentioned(const Serambi::Protocol::MentionPayload &mention);
    void addFailed(const QString &errorCode);

private:
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void insertNote(const Note &note);

    RelayClient *m_relay;
    QHash<qint64, QList<Note>> m_notes;
    QList<Mention> m_mentions;
};

} // namespace Serambi::App
