#pragma once

#include "agentinfo.h"
#include "conversation.h"

#include "protocol/commands.h"
#include "protocol/floorpayloads.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Serambi::App {

class ConversationListModel;
class Presence;
class RelayClient;

// One agent on the floor: who, their presence, and the chats they hold now.
struct FloorAgent
{
    QString username;
    QString displayName;
    Protocol::Presence presence = Protocol::Presence::Offline;
    QStringList teams;
    int openChats = 0;             // assigned to them and not resolved
    qint64 oldestWaitingSince = 0; // their chat waiting longest for an answer, ms; 0 for none
};

// One queue: the chats waiting for a person in a team's queue ("" for no team).
struct FloorQueue
{
    QString team;
    int waiting = 0;
    qint64 oldestWaitingSince = 0; // ms; 0 when empty
    QHash<QString, int> reasons;   // handoff reason code -> chats
};

// A chat waiting in a queue.
struct FloorChat
{
    qint64 id = 0;
    QString name;
    QString team;
    QString handoffReason;
    qint64 waitingSince = 0; // ms
};

// The floor at one moment, computed in one pass over the chats.
struct FloorState
{
    QList<FloorAgent> agents; // online first, then away, then offline; by display name
    QList<FloorQueue> queues; // every team's queue (empty ones too), then "no team"; by name
    QList<FloorChat> waiting; // queued chats, waiting longest first
};

// The supervisors' live floor (docs/console.md, "The floor"): the agents as list_agents and
// then presence.changed describe them, the capacity auto-assignment fills them to, and the
// queues computed from the chats the console already keeps current from events; nothing is
// polled. assign() and toTeam() send assign and transfer for any chat; refusals come back as
// failed(code).
class Floor : public QObject
{
    Q_OBJECT

public:
    Floor(RelayClient *relay, ConversationListModel *chats, Presence *presence,
          QObject *parent = nullptr);

    // Asks list_agents and list_teams again; false when offline.
    bool refresh();

    FloorState state() const;
    // Open chats auto-assignment gives an agent at most; 0 when it is off.
    int capacity() const { return m_capacity; }
    bool loaded() const { return m_loaded; }

    bool assign(qint64 conversationId, const QString &username);
    bool toTeam(qint64 conversationId, const QString &team);

Q_SIGNALS:
    // The agents, queues or waiting chats changed (coalesced: once per event-loop pass).
    void changed();
    void failed(const QString &errorCode);

private:
    void scheduleChanged();
    void handlePresence(const Protocol::PresencePayload &presence);
    bool send(Protocol::Command command, const QJsonObject &args);

    RelayClient *m_relay;
    ConversationListModel *m_chats;
    AgentList m_agents;
    QStringList m_teams;
    int m_capacity = 0;
    bool m_loaded = false;
    bool m_changePending = false;
};

} // namespace Serambi::App
