#include "autoassigner.h"

#include "agenthub.h"
#include "conversationaccess.h"
#include "logging/relaylogging.h"
#include "protocol/types.h"
#include "reports/auditlog.h"
#include "store/conversationrepo.h"
#include "store/statementcache.h"
#include "store/storewriter.h"
#include "store/teamrepo.h"
#include "store/userrepo.h"
#include "store/writetxn.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace Serambi::Relay {

namespace {

struct PassInput
{
    QSet<qint64> online; // online and not away
    QHash<qint64, quint64> lastPicked;
    quint64 picks = 0;
    int capacity = 0;
    RoutingRules routing;
};

struct QueuedChat
{
    qint64 id = 0;
    qint64 teamId = 0;
};

struct PassOutput
{
    int assigned = 0;
    int waiting = 0;
    QHash<qint64, quint64> lastPicked;
    quint64 picks = 0;
};

QList<User> onlineAgents(QSqlDatabase &db, const QSet<qint64> &online)
{
    QList<User> agents;
    const QString agentRole = Protocol::roleName(Protocol::Role::Agent);
    for (const qint64 id : online) {
        const auto user = UserRepo::byId(db, id);
        if (user && !user->disabled && user->role == agentRole)
            agents.append(*user);
    }
    return agents;
}

QHash<qint64, int> openChatsByAgent(QSqlDatabase &db)
{
    QHash<qint64, int> loads;
    PreparedQuery query(db, QStringLiteral("SELECT assignee_id, COUNT(*) FROM conversations "
                                           "WHERE state = 'assigned' AND assignee_id IS NOT NULL "
                                           "GROUP BY assignee_id"));
    if (!execQuery(query))
        return loads;
    while (query.next())
        loads.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return loads;
}

QList<QueuedChat> queuedChats(QSqlDatabase &db)
{
    QList<QueuedChat> chats;
    PreparedQuery query(db, QStringLiteral("SELECT id, team_id FROM conversations "
                                           "WHERE state = 'queued' AND assignee_id IS NULL "
                                           "ORDER BY COALESCE(last_inbound_at, created_at), id"));
    if (!execQuery(query))
        return chats;
    while (query.next())
        chats.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    return chats;
}

// Gives each queued chat without a team the team its rules name (a team that does not exist is
// logged and skipped).
bool routeChats(WriteTxn &txn, const RoutingRules &routing, QList<QueuedChat> &queued)
{
    for (QueuedChat &chat : queued) {
        if (chat.teamId != 0)
            continue;
        auto conversation = ConversationRepo::load(txn.db(), chat.id);
        if (!conversation)
            continue;
        const QStringList texts = ConversationRepo::recentCustomerTexts(
            txn.db(), chat.id, conversation->lastMessageId + 1, 10, 0);
        const QString teamName =
            routing.teamFor(conversation->handoffReason, texts, conversation->channel);
        if (teamName.isEmpty())
            continue;
        const auto team = TeamRepo::byName(txn.db(), teamName);
        if (!team) {
            qCWarning(lcHub).noquote() << "routing names a team that does not exist:" << teamName;
            continue;
        }
        conversation->teamId = team->id;
        if (!ConversationRepo::update(txn, *conversation))
            return false;
        ConversationRepo::publishConversation(txn, *conversation);
        chat.teamId = team->id;
    }
    return true;
}

// The least loaded agent below capacity; equal loads: the one picked longest ago, then the
// lowest id. Null when every agent is full.
const User *pickAgent(const QList<User> &agents, const QHash<qint64, int> &loads,
                      const QHash<qint64, quint64> &lastPicked, int capacity)
{
    const User *best = nullptr;
    for (const User &agent : agents) {
        const int load = loads.value(agent.id);
        if (load >= capacity)
            continue;
        if (!best) {
            best = &agent;
            continue;
        }
        const int bestLoad = loads.value(best->id);
        const quint64 picked = lastPicked.value(agent.id);
        const quint64 bestPicked = lastPicked.value(best->id);
        if (load < bestLoad || (load == bestLoad && picked < bestPicked) ||
            (load == bestLoad && picked == bestPicked && agent.id < best->id))
            best = &agent;
    }
    return best;
}

WriteResult runAssignmentPass(WriteTxn &txn, PassInput input, PassOutput &output)
{
    output.lastPicked = std::move(input.lastPicked);
    output.picks = input.picks;
    QList<QueuedChat> queued = queuedChats(txn.db());
    if (!input.routing.isEmpty() && !routeChats(txn, input.routing, queued))
        return WriteResult::failure(QStringLiteral("cannot route conversations"));
    if (input.capacity <= 0)
        return WriteResult::success();
    const QList<User> agents =
        queued.isEmpty() ? QList<User>{} : onlineAgents(txn.db(), input.online);
    QHash<qint64, int> loads = agents.isEmpty() ? QHash<qint64, int>{} : openChatsByAgent(txn.db());
    const QHash<qint64, QSet<qint64>> members =
        agents.isEmpty() ? QHash<qint64, QSet<qint64>>{} : TeamRepo::membersByTeam(txn.db());
    for (const QueuedChat &chat : queued) {
        const qint64 id = chat.id;
        QList<User> candidates = agents;
        if (chat.teamId != 0) {
            const QSet<qint64> team = members.value(chat.teamId);
            candidates.removeIf([&team](const User &agent) { return !team.contains(agent.id); });
        }
        const User *agent = pickAgent(candidates, loads, output.lastPicked, input.capacity);
        auto conversation = agent ? ConversationRepo::load(txn.db(), id) : std::nullopt;
        if (!conversation) {
            ++output.waiting;
            continue;
        }
        // Unlike a person taking the chat, the agent who is handed it still needs to know why
        // it waited for a human.
        const QString reason = conversation->handoffReason;
        assignTo(*conversation, *agent, humanAiMode(*conversation));
        conversation->handoffReason = reason;
        if (!ConversationRepo::update(txn, *conversation) ||
            !AuditLog::recordAutoAssignment(txn, *conversation))
            return WriteResult::failure(QStringLiteral("cannot assign conversation %1").arg(id));
        ConversationRepo::publishConversation(txn, *conversation);
        ++loads[agent->id];
        output.lastPicked.insert(agent->id, ++output.picks);
        ++output.assigned;
    }
    return WriteResult::success();
}

} // namespace

AutoAssigner::AutoAssigner(StoreWriter *writer, AgentHub *hub, int capacity, RoutingRules routing,
                           QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_hub(hub)
    , m_capacity(capacity)
    , m_routing(std::move(routing))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &AutoAssigner::runPass);
    connect(hub, &AgentHub::consoleConnected, this, &AutoAssigner::schedule);
    connect(hub, &AgentHub::presenceChanged, this, &AutoAssigner::schedule);
}

AutoAssigner::~AutoAssigner() = default;

void AutoAssigner::schedule()
{
    if (m_capacity <= 0 && m_routing.isEmpty())
        return;
    if (m_running)
        m_again = true;
    else
        m_timer->start();
}

void AutoAssigner::setRules(int capacity, RoutingRules routing)
{
    m_capacity = capacity;
    m_routing = std::move(routing);
    schedule();
}

void AutoAssigner::handleEvents(const EventList &events)
{
    const QString queued = Protocol::conversationStateName(Protocol::ConversationState::Queued);
    const QString assigned = Protocol::conversationStateName(Protocol::ConversationState::Assigned);
    for (const Event &event : events) {
        if (event.kind != EventKind::ConversationUpdated)
            continue;
        const bool joinedQueue = event.state == queued && event.assigneeId == 0;
        // A chat leaving an agent may make room for one that waits.
        const bool mayFreeRoom = m_chatsWaiting && event.state != assigned;
        if (joinedQueue || mayFreeRoom) {
            schedule();
            return;
        }
    }
}

void AutoAssigner::runPass()
{
    m_running = true;
    m_again = false;
    PassInput input{m_hub->availableUserIds(), m_lastPicked, m_picks, m_capacity, m_routing};
    // Filled on the writer's thread; read in the completion, which runs after the job.
    auto output = std::make_shared<PassOutput>();
    m_writer->submit(
        [input, output](WriteTxn &txn) { return runAssignmentPass(txn, input, *output); }, this,
        [this, output](const WriteResult &result) {
            m_running = false;
            if (!result.ok) {
                qCWarning(lcHub).noquote() << "auto-assignment failed:" << result.error;
            } else {
                m_lastPicked = output->lastPicked;
                m_picks = output->picks;
                m_chatsWaiting = output->waiting > 0;
                m_assignedTotal += quint64(output->assigned);
                if (output->assigned > 0) {
                    qCInfo(lcHub) << "auto-assigned" << output->assigned << "chats;"
                                  << output->waiting << "still waiting";
                }
                Q_EMIT passFinished(output->assigned, output->waiting);
            }
            if (m_again)
                schedule();
        });
}

} // namespace Serambi::Relay
