#pragma once

#include "agentinfo.h"

#include <QAbstractListModel>

namespace Serambi::App {

// The agents a chat may be given to, one row each, online first, then by display name.
class AgentListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        UsernameRole = Qt::UserRole + 1, // QString
        DisplayNameRole,                 // QString, the username when the relay has none
        RoleRole,                        // "agent" / "supervisor" / "admin"
        OnlineRole,                      // bool: a console of theirs is signed in now
    };
    Q_ENUM(Roles)

    explicit AgentListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setAgents(AgentList agents);

private:
    AgentList m_agents;
};

} // namespace Serambi::App
