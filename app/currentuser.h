#pragma once

#include <QString>

namespace Serambi::App {

// The signed-in agent, as the relay's welcome describes them.
struct CurrentUser
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString role; // agent / supervisor / admin

    bool isSupervisor() const
    {
        return role == QLatin1String("supervisor") || role == QLatin1String("admin");
    }
};

} // namespace Serambi::App
