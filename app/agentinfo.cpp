#include "agentinfo.h"

namespace Serambi::App {

AgentInfo AgentInfo::fromJson(const QJsonObject &json)
{
    AgentInfo agent;
    agent.id = json.value(QLatin1String("id")).toInteger();
    agent.username = json.value(QLatin1String("username")).toString();
    agent.displayName = json.value(QLatin1String("display_name")).toString();
    agent.role = json.value(QLatin1String("role")).toString();
    agent.online = json.value(QLatin1String("online")).toBool();
    return agent;
}

} // namespace Serambi::App
