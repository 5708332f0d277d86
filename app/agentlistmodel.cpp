#include "agentlistmodel.h"

#include <algorithm>

namespace Serambi::App {

namespace {
QString shownName(const AgentInfo &agent)
{
    return agent.displayName.isEmpty() ? agent.username : agent.displayName;
}
} // namespace

AgentListModel::AgentListModel(QObject *parent) : QAbstractListModel(parent) {}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentInfo &agent = m_agents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return shownName(agent);
    case UsernameRole:
        return agent.username;
    case RoleRole:
        return agent.role;
    case OnlineRole:
        return agent.online;
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UsernameRole, "username");
    names.insert(DisplayNameRole, "displayName");
    names.insert(RoleRole, "role");
    names.insert(OnlineRole, "online");
    return names;
}

void AgentListModel::setAgents(AgentList agents)
{
    std::stable_sort(agents.begin(), agents.end(), [](const AgentInfo &a, const AgentInfo &b) {
        if (a.online != b.online)
            return a.online;
        return shownName(a).toCaseFolded().localeAwareCompare(shownName(b).toCaseFolded()) < 0;
    });
    beginResetModel();
    m_agents = std::move(agents);
    endResetModel();
}

} // namespace Serambi::App
