#pragma once

#include <QLatin1String>
#include <QList>

#include <optional>

class QString;

namespace Serambi::Protocol {

// The commands a console may send (docs/protocol.md, "Commands" and "Rich-message commands").
// The relay dispatches on them; the console builds them. The names are the wire's and live
// only here; tst_commands checks this list against docs/protocol.md's tables.
enum class Command {
    SendText,
    MarkRead,
    TakeOver,
    HandBack,
    Resolve,
    Assign,
    SetAiMode,
    DiscardDraft,
    RegenerateDraft,
    History,
    ListAgents,
    SendMedia,
    SendInteractive,
    SendTemplate,
    SendReaction,
    RetryMedia,
    Typing,
    ListTemplates,
    SyncTemplates,
    ListCanned,
    SaveCanned,
    DeleteCanned,
    ListKbSuggestions,
    DismissKbSuggestions,
    ListArticles,
    SaveArticle,
    DeleteArticle,
    ListArticleVersions,
    KbPreview,
    CustomerOrders,
    Logout,
    AddNote,
    ListNotes,
    ListMentions,
    Transfer,
    Report,
    ListAudit,
    KbGaps,
    ImportArticles,
    ListLabels,
    SaveLabel,
    DeleteLabel,
    SetConversationLabels,
    SetPresence,
    ListTeams,
};

QLatin1String commandName(Command command);
// nullopt for a name this build does not know (the relay answers unknown_command).
std::optional<Command> commandFromName(const QString &name);
// Every command, in the order above (for tests and documentation checks).
QList<Command> allCommands();

} // namespace Serambi::Protocol
