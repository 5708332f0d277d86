#include "floor.h"

#include "conversationlistmodel.h"
#include "presence.h"
#include "relayclient.h"

#include "protocol/keys.h"

#include <QJsonArray>
#include <QMetaMethod>
#include <QMetaObject>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;
using Protocol::Command;

namespace {

int presenceOrder(Protocol::Presence presence)
{
    switch (presence) {
    case Protocol::Presence::Online:
        return 0;
    case Protocol::Presence::Away:
        return 1;
    case Protocol::Presence::Offline:
        break;
    }
    return 2;
}

// Since when a queued chat waits: its oldest unanswered message, else its last customer message.
qint64 waitingSince(const Conversation &c)
{
    return c.waitingSince > 0 ? c.waitingSince : c.lastInboundAt;
}

void noteOldest(qint64 *oldest, qint64 since)
{
    if (since > 0 && (*oldest == 0 || since < *oldest))
        *oldest = since;
}

} // namespace

Floor::Floor(RelayClient *relay, ConversationListModel *chats, Presence *presence, QObject *parent)
    : QObject(parent), m_relay(relay), m_chats(chats)
{
    connect(m_chats, &QAbstractItemModel::modelReset, this, &Floor::scheduleChanged);
    connect(m_chats, &QAbstractItemModel::rowsInserted, this, &Floor::scheduleChanged);
    connect(m_chats, &QAbstractItemModel::rowsRemoved, this, &Floor::scheduleChanged);
    connect(m_chats, &QAbstractItemModel::dataChanged, this, &Floor::scheduleChanged);
    connect(presence, &Presence::changed, this, &Floor::handlePresence);
}

bool Floor::refresh()
{
    const bool sent =
        m_relay->request(Command::ListAgents, {}, this, [this](const RelayResult &result) {
            if (!result.ok) {
                Q_EMIT failed(result.errorCode);
                return;
            }
            m_agents.clear();
            for (const QJsonValue &value : result.data.value(Key::Agents).toArray())
                m_agents.append(AgentInfo::fromJson(value.toObject()));
            m_capacity = result.data.value(Key::Capacity).toInt();
            m_loaded = true;
            scheduleChanged();
        });
    if (!sent) {
        Q_EMIT failed(QStringLiteral("unreachable"));
        return false;
    }
    m_relay->request(Command::ListTeams, {}, this, [this](const RelayResult &result) {
        if (!result.ok)
            return;
        m_teams.clear();
        for (const QJsonValue &value : result.data.value(Key::Teams).toArray())
            m_teams.append(Protocol::TeamPayload::fromJson(value.toObject()).name);
        scheduleChanged();
    });
    return true;
}

FloorState Floor::state() const
{
    QHash<QString, FloorAgent> agents;
    for (const AgentInfo &info : m_agents)
        agents.insert(info.username,
                      {info.username, info.displayName, info.presence, info.teams, 0, 0});
    QHash<QString, FloorQueue> queues; // by lowercased team name, "" for no team
    queues.insert(QString(), {});
    for (const QString &team : m_teams)
        queues.insert(team.toLower(), {team, 0, 0, {}});
    FloorState state;
    for (int row = 0; row < m_chats->rowCount(); ++row) {
        const Conversation *c = m_chats->conversation(
            m_chats->index(row).data(ConversationListModel::IdRole).toLongLong());
        if (!c)
            continue;
        if (c->state == Protocol::ConversationState::Assigned) {
            const auto agent = agents.find(c->assignee);
            if (agent != agents.end()) {
                ++agent->openChats;
                noteOldest(&agent->oldestWaitingSince, c->waitingSince);
            }
        } else if (c->isQueued()) {
            const FloorChat chat{c->id, c->displayName(), c->team, c->handoffReason,
                                 waitingSince(*c)};
            FloorQueue &queue = queues[chat.team.toLower()];
            queue.team = chat.team;
            ++queue.waiting;
            noteOldest(&queue.oldestWaitingSince, chat.waitingSince);
            if (!chat.handoffReason.isEmpty())
                ++queue.reasons[chat.handoffReason];
            state.waiting.append(chat);
        }
    }
    state.agents = agents.values();
    std::sort(state.agents.begin(), state.agents.end(),
              [](const FloorAgent &a, const FloorAgent &b) {
                  if (a.presence != b.presence)
                      return presenceOrder(a.presence) < presenceOrder(b.presence);
                  const int order = a.displayName.compare(b.displayName, Qt::CaseInsensitive);
                  return order != 0 ? order < 0 : a.username < b.username;
              });
    state.queues = queues.values();
    std::sort(state.queues.begin(), state.queues.end(),
              [](const FloorQueue &a, const FloorQueue &b) {
                  if (a.team.isEmpty() != b.team.isEmpty())
                      return b.team.isEmpty(); // "no team" last
                  return a.team.compare(b.team, Qt::CaseInsensitive) < 0;
              });
    std::sort(
        state.waiting.begin(), state.waiting.end(), [](const FloorChat &a, const FloorChat &b) {
            return a.waitingSince != b.waitingSince ? a.waitingSince < b.waitingSince : a.id < b.id;
        });
    return state;
}

bool Floor::assign(qint64 conversationId, const QString &username)
{
    return send(Command::Assign,
                {{Key::ConversationId, conversationId}, {Key::Username, username}});
}

bool Floor::toTeam(qint64 conversationId, const QString &team)
{
    return send(Command::Transfer, {{Key::ConversationId, conversationId}, {Key::Team, team}});
}

bool Floor::send(Command command, const QJsonObject &args)
{
    const bool sent = m_relay->request(command, args, this, [this](const RelayResult &result) {
        if (!result.ok)
            Q_EMIT failed(result.errorCode);
    });
    if (!sent)
        Q_EMIT failed(QStringLiteral("unreachable"));
    return sent;
}

void Floor::handlePresence(const Protocol::PresencePayload &presence)
{
    for (AgentInfo &agent : m_agents) {
        if (agent.id == presence.userId) {
            agent.presence = presence.presence;
            agent.online = presence.presence != Protocol::Presence::Offline;
            scheduleChanged();
            return;
        }
    }
    // Someone list_agents did not name yet (a new user's first sign-in).
    if (m_loaded)
        refresh();
}

void Floor::scheduleChanged()
{
    // Every chat's events pass here; without an open floor window nobody listens.
    static const QMetaMethod changedSignal = QMetaMethod::fromSignal(&Floor::changed);
    if (m_changePending || !isSignalConnected(changedSignal))
        return;
    m_changePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_changePending = false;
            Q_EMIT changed();
        },
        Qt::QueuedConnection);
}

} // namespace Serambi::App
