#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Serambi::Sim {

struct ScriptStep
{
    QJsonObject message; // an inbound message spec, see docs/simulator.md
    int thinkMs = 4000;  // after the business replies, before this step is sent
    int waitMs = 60000;  // after this step, how long to wait for a reply before moving on
};

struct ScriptedCustomer
{
    QString waId;
    QString name;
    int startAfterMs = 0;
    QList<ScriptStep> steps;
};

// The simulated customers and their conversations (resources/demo/customers.json).
struct CustomerScript
{
    QList<ScriptedCustomer> customers;

    static std::optional<CustomerScript> fromJson(const QByteArray &json, QString *error);
    static std::optional<CustomerScript> load(const QString &path, QString *error);
};

// The built-in demo script, compiled into the simulator.
QString builtInScriptPath();

} // namespace Serambi::Sim
