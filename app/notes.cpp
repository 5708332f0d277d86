#include "notes.h"

#include "relayclient.h"

#include "protocol/events.h"
#include "protocol/keys.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;

Notes::Notes(RelayClient *relay, QObject *parent) : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state != ConnectionState::Online)
            return;
        m_relay->request(Protocol::Command::ListMentions, {}, this, [this](const RelayResult &r) {
            if (!r.ok)
                return;
            m_mentions.clear();
            for (const QJsonValue &value : r.data.value(Key::Mentions).toArray())
                m_mentions.append(Mention::fromJson(value.toObject()));
            Q_EMIT mentionsChanged();
        });
    });
    connect(m_relay, &RelayClient::eventReceived, this, &Notes::handleEvent);
}

void Notes::load(qint64 conversationId)
{
    m_relay->request(Protocol::Command::ListNotes, {{Key::ConversationId, conversationId}}, this,
                     [this, conversationId](const RelayResult &result) {
                         if (!result.ok)
                             return;
                         QList<Note> notes;
                         for (const QJsonValue &value : result.data.value(Key::Notes).toArray())
                             notes.append(Note::fromJson(value.toObject()));
                         m_notes.insert(conversationId, notes);
                         Q_EMIT notesChanged(conversationId);
                     });
}

bool Notes::add(qint64 conversationId, const QString &text)
{
    const bool sent = m_relay->request(
        Protocol::Command::AddNote, {{Key::ConversationId, conversationId}, {Key::Text, text}},
        this, [this](const RelayResult &result) {
            if (result.lost)
                return;
            if (!result.ok) {
                Q_EMIT addFailed(result.errorCode);
                return;
            }
            insertNote(Note::fromJson(result.data.value(Key::Note).toObject()));
        });
    if (!sent)
        Q_EMIT addFailed(QStringLiteral("unreachable"));
    return sent;
}

QSet<qint64> Notes::mentionedConversations() const
{
    QSet<qint64> ids;
    for (const Mention &mention : m_mentions)
        ids.insert(mention.note.conversationId);
    return ids;
}

void Notes::handleEvent(qint64, const QString &kind, qint64, const QJsonObject &data)
{
    const std::optional<Protocol::EventKind> known = Protocol::eventKindFromName(kind);
    if (known == Protocol::EventKind::NoteCreated) {
        insertNote(Note::fromJson(data));
    } else if (known == Protocol::EventKind::MentionCreated) {
        const Mention mention = Mention::fromJson(data);
        const bool seen = std::any_of(m_mentions.cbegin(), m_mentions.cend(),
                                      [&](const Mention &m) { return m.id == mention.id; });
        if (seen)
            return;
        m_mentions.prepend(mention);
        insertNote(mention.note);
        Q_EMIT mentionsChanged();
        Q_EMIT mentioned(mention);
    }
}

void Notes::insertNote(const Note &note)
{
    QList<Note> &notes = m_notes[note.conversationId];
    const bool known =
        std::any_of(notes.cbegin(), notes.cend(), [&](const Note &n) { return n.id == note.id; });
    if (known)
        return;
    const auto at = std::lower_bound(notes.begin(), notes.end(), note,
                                     [](const Note &a, const Note &b) { return a.id < b.id; });
    notes.insert(at, note);
    Q_EMIT notesChanged(note.conversationId);
}

} // namespace Serambi::App
