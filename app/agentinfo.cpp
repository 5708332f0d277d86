#include "agentinfo.h"

#include "protocol/teampayloads.h"

namespace Serambi::App {

AgentInfo AgentInfo::fromJson(const QJsonObject &json)
{
    const auto user = Protocol::UserPayload::fromJson(json);
    return {user.id, user.username, user.displayName, user.role, user.online.value_or(false)};
}

} // namespace Serambi::App
