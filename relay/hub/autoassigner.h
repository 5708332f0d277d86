#pragma once

#include "store/event.h"
#include "teamrouting.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace Serambi::Relay {

class AgentHub;
class StoreWriter;

// Routes queued chats to teams and hands them to online agents (design.md, "Conversations"):
// a queued chat without a team gets one from the routing rules; the chat that has waited
// longest goes to the online (not away) agent with the fewest open (assigned) chats below
// `capacity`, a team's chat only to that team's members; agents with equal load take turns.
// Supervisors and admins are never picked. A pass runs when a chat joins the queue, when an
// agent's console logs in or their presence changes, and, while chats are still waiting, when
// a chat is resolved or handed back. Capacity 0 turns assignment off (routing still runs).
class AutoAssigner : public QObject
{
    Q_OBJECT

public:
    AutoAssigner(StoreWriter *writer, AgentHub *hub, int capacity, RoutingRules routing = {},
                 QObject *parent = nullptr);
    ~AutoAssigner() override;

    // Runs a pass soon (passes never overlap; one asked for during a pass runs after it).
    void schedule();
    // A reloaded configuration's capacity and routing; a pass follows.
    void setRules(int capacity, RoutingRules routing);

    // Chats assigned since start.
    quint64 assignedTotal() const { return m_assignedTotal; }

Q_SIGNALS:
    // A pass finished: how many chats it assigned and how many still wait for a free agent.
    void passFinished(int assigned, int waiting);

public Q_SLOTS:
    void handleEvents(const Serambi::Relay::EventList &events);

private:
    void runPass();

    StoreWriter *m_writer;
    AgentHub *m_hub;
    int m_capacity;
    RoutingRules m_routing;
    QTimer *m_timer;
    bool m_running = false;
    bool m_again = false;
    bool m_chatsWaiting = false;
    quint64 m_assignedTotal = 0;
    // When each agent was last picked (a counter, not a time): equal loads go to the agent
    // picked longest ago, so ties take turns.
    QHash<qint64, quint64> m_lastPicked;
    quint64 m_picks = 0;
};

} // namespace Serambi::Relay
