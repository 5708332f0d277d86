#include "events.h"

#include <QString>

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {

constexpr std::array<std::pair<EventKind, const char *>, 15> KindNames{{
    {EventKind::ConversationUpdated, "conversation.updated"},
    {EventKind::MessageCreated, "message.created"},
    {EventKind::MessageUpdated, "message.updated"},
    {EventKind::DraftUpdated, "draft.updated"},
    {EventKind::TemplatesUpdated, "templates.updated"},
    {EventKind::CannedUpdated, "canned.updated"},
    {EventKind::CannedDeleted, "canned.deleted"},
    {EventKind::KbUpdated, "kb.updated"},
    {EventKind::NoteCreated, "note.created"},
    {EventKind::MentionCreated, "mention.created"},
    {EventKind::LabelUpdated, "label.updated"},
    {EventKind::LabelDeleted, "label.deleted"},
    {EventKind::ConversationLabeled, "conversation.labeled"},
    {EventKind::PresenceChanged, "presence.changed"},
    {EventKind::OrderUpdated, "order.updated"},
}};

} // namespace

QLatin1String eventKindName(EventKind kind)
{
    for (const auto &[value, name] : KindNames) {
        if (value == kind)
            return QLatin1String(name);
    }
    return {};
}

std::optional<EventKind> eventKindFromName(const QString &name)
{
    for (const auto &[value, text] : KindNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QList<EventKind> allEventKinds()
{
    QList<EventKind> all;
    for (const auto &entry : KindNames)
        all.append(entry.first);
    return all;
}

} // namespace Serambi::Protocol
