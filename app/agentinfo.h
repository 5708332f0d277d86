#pragma once

#include "protocol/floorpayloads.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Serambi::App {

// A user a supervisor may give a chat to, as list_agents describes them.
struct AgentInfo
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString role; // agent / supervisor / admin
    bool online = false;
    Protocol::Presence presence = Protocol::Presence::Offline;
    QStringList teams; // the teams they belong to, by name

    static AgentInfo fromJson(const QJsonObject &json);
};

using AgentList = QList<AgentInfo>;

} // namespace Serambi::App
