#include "commands.h"

#include <QString>

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {

constexpr std::array<std::pair<Command, const char *>, 45> CommandNames{{
    {Command::SendText, "send_text"},
    {Command::MarkRead, "mark_read"},
    {Command::TakeOver, "take_over"},
    {Command::HandBack, "hand_back"},
    {Command::Resolve, "resolve"},
    {Command::Assign, "assign"},
    {Command::SetAiMode, "set_ai_mode"},
    {Command::DiscardDraft, "discard_draft"},
    {Command::RegenerateDraft, "regenerate_draft"},
    {Command::History, "history"},
    {Command::ListAgents, "list_agents"},
    {Command::SendMedia, "send_media"},
    {Command::SendInteractive, "send_interactive"},
    {Command::SendTemplate, "send_template"},
    {Command::SendReaction, "send_reaction"},
    {Command::RetryMedia, "retry_media"},
    {Command::Typing, "typing"},
    {Command::ListTemplates, "list_templates"},
    {Command::SyncTemplates, "sync_templates"},
    {Command::ListCanned, "list_canned"},
    {Command::SaveCanned, "save_canned"},
    {Command::DeleteCanned, "delete_canned"},
    {Command::ListKbSuggestions, "list_kb_suggestions"},
    {Command::DismissKbSuggestions, "dismiss_kb_suggestions"},
    {Command::ListArticles, "list_articles"},
    {Command::SaveArticle, "save_article"},
    {Command::DeleteArticle, "delete_article"},
    {Command::ListArticleVersions, "list_article_versions"},
    {Command::KbPreview, "kb_preview"},
    {Command::CustomerOrders, "customer_orders"},
    {Command::Logout, "logout"},
    {Command::AddNote, "add_note"},
    {Command::ListNotes, "list_notes"},
    {Command::ListMentions, "list_mentions"},
    {Command::Transfer, "transfer"},
    {Command::Report, "report"},
    {Command::ListAudit, "list_audit"},
    {Command::KbGaps, "kb_gaps"},
    {Command::ImportArticles, "import_articles"},
    {Command::ListLabels, "list_labels"},
    {Command::SaveLabel, "save_label"},
    {Command::DeleteLabel, "delete_label"},
    {Command::SetConversationLabels, "set_conversation_labels"},
    {Command::SetPresence, "set_presence"},
    {Command::ListTeams, "list_teams"},
}};

} // namespace

QLatin1String commandName(Command command)
{
    for (const auto &[value, name] : CommandNames) {
        if (value == command)
            return QLatin1String(name);
    }
    return {};
}

std::optional<Command> commandFromName(const QString &name)
{
    for (const auto &[value, text] : CommandNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QList<Command> allCommands()
{
    QList<Command> all;
    for (const auto &entry : CommandNames)
        all.append(entry.first);
    return all;
}

} // namespace Serambi::Protocol
