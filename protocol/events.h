#pragma once

#include <QLatin1String>
#include <QList>

#include <optional>

class QString;

namespace Serambi::Protocol {

// What an event frame reports (docs/protocol.md, "Events"). The relay builds events of these
// kinds; the console dispatches on them. The names are the wire's and live only here.
enum class EventKind {
    ConversationUpdated, // conversation.updated
    MessageCreated,      // message.created
    MessageUpdated,      // message.updated
    DraftUpdated,        // draft.updated
    // Team-wide events (conversation_id 0, every console sees them).
    TemplatesUpdated, // templates.updated
    CannedUpdated,    // canned.updated
    CannedDeleted,    // canned.deleted
    KbUpdated,        // kb.updated
    // Collaboration in a chat (never sent to the customer).
    NoteCreated,    // note.created
    MentionCreated, // mention.created: only the mentioned user sees it
    // Labels: the team's list (conversation_id 0, everyone) and a chat's labels.
    LabelUpdated,        // label.updated
    LabelDeleted,        // label.deleted
    ConversationLabeled, // conversation.labeled
    // Live only (never stored): supervisors and the user whose presence it is.
    PresenceChanged, // presence.changed
    // Commerce: a shop changed an order of the chat's customer (docs/integrations.md).
    OrderUpdated, // order.updated
};

QLatin1String eventKindName(EventKind kind);
// The kind a name on the wire stands for; nullopt for a kind this build does not know
// (a newer relay's), which consoles ignore.
std::optional<EventKind> eventKindFromName(const QString &name);
// Every kind, in the order above (for tests and documentation checks).
QList<EventKind> allEventKinds();

} // namespace Serambi::Protocol
