#include "agentinfo.h"

#include "protocol/teampayloads.h"

namespace Serambi::App {

AgentInfo AgentInfo::fromJson(const QJsonObject &json)
{
    const auto user = Protocol::UserPayload::fromJson(json);
    const bool online = user.online.value_or(false);
    const Protocol::Presence presence =
        user.presence.value_or(online ? Protocol::Presence::Online : Protocol::Presence::Offline);
    return {user.id, user.username, user.displayName, user.role, online, presence, user.teams};
}

} // namespace Serambi::App
