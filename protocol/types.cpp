#include "types.h"

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {
template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QLatin1String(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
bool valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name,
             Enum *value)
{
    for (const auto &[v, text] : table) {
        if (name == QLatin1String(text)) {
            *value = v;
            return true;
        }
    }
    return false;
}

constexpr std::array<std::pair<Role, const char *>, 3> RoleNames{{
    {Role::Agent, "agent"},
    {Role::Supervisor, "supervisor"},
    {Role::Admin, "admin"},
}};

constexpr std::array<std::pair<ConversationState, const char *>, 4> StateNames{{
    {ConversationState::Bot, "bot"},
    {ConversationState::Queued, "queued"},
    {ConversationState::Assigned, "assigned"},
    {ConversationState::Resolved, "resolved"},
}};

constexpr std::array<std::pair<AiMode, const char *>, 3> AiModeNames{{
    {AiMode::Auto, "auto"},
    {AiMode::Draft, "draft"},
    {AiMode::Off, "off"},
}};

constexpr std::array<std::pair<MessageStatus, const char *>, 8> StatusNames{{
    {MessageStatus::Received, "received"},
    {MessageStatus::Pending, "pending"},
    {MessageStatus::Accepted, "accepted"},
    {MessageStatus::Sent, "sent"},
    {MessageStatus::Delivered, "delivered"},
    {MessageStatus::Read, "read"},
    {MessageStatus::Played, "played"},
    {MessageStatus::Failed, "failed"},
}};
} // namespace

QString roleName(Role role)
{
    return nameOf(RoleNames, role);
}
bool roleFromName(const QString &name, Role *role)
{
    return valueOf(RoleNames, name, role);
}

QString conversationStateName(ConversationState state)
{
    return nameOf(StateNames, state);
}
bool conversationStateFromName(const QString &name, ConversationState *state)
{
    return valueOf(StateNames, name, state);
}

QString aiModeName(AiMode mode)
{
    return nameOf(AiModeNames, mode);
}
bool aiModeFromName(const QString &name, AiMode *mode)
{
    return valueOf(AiModeNames, name, mode);
}

QString messageStatusName(MessageStatus status)
{
    return nameOf(StatusNames, status);
}
bool messageStatusFromName(const QString &name, MessageStatus *status)
{
    return valueOf(StatusNames, name, status);
}

int messageStatusRank(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Received:
    case MessageStatus::Pending:
        return 0;
    case MessageStatus::Accepted:
        return 1;
    case MessageStatus::Sent:
    case MessageStatus::Failed:
        return 2;
    case MessageStatus::Delivered:
        return 3;
    case MessageStatus::Read:
        return 4;
    case MessageStatus::Played:
        return 5;
    }
    return 0;
}

} // namespace Serambi::Protocol
