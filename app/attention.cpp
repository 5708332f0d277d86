#include "attention.h"

#include "commandqueue.h"
#include "conversationlistmodel.h"
#include "inbox.h"
#include "notes.h"
#include "session.h"

#include <QPair>

#include <algorithm>

namespace Serambi::App {

Attention::Attention(Inbox *inbox, Session *session, CommandQueue *commands, Notes *notes,
                     QObject *parent)
    : QObject(parent), m_inbox(inbox), m_session(session), m_commands(commands)
{
    connect(notes, &Notes::mentioned, this, [this](const Protocol::MentionPayload &mention) {
        Q_EMIT attentionRequested(mention.note.conversationId, Reason::Mentioned);
    });
    connect(inbox, &Inbox::conversationChanged, this,
            [this](const Conversation *previous, const Conversation &current) {
                const std::optional<Reason> reason =
                    reasonFor(previous, current, m_session->username(),
                              m_commands->hasPendingFor(current.id));
                if (reason)
                    Q_EMIT attentionRequested(current.id, *reason);
            });
    connect(inbox->list(), &ConversationListModel::unreadTotalChanged, this,
            &Attention::unreadTotalChanged);
}

std::optional<Attention::Reason> Attention::reasonFor(const Conversation *previous,
                                                      const Conversation &current,
                                                      const QString &me, bool ownCommandPending)
{
    const QString previousAssignee = previous ? previous->assignee : QString();
    const bool queuedBefore = previous && previous->isQueued();
    const bool mineNow = current.assignee.compare(me, Qt::CaseInsensitive) == 0;
    const bool mineBefore = previousAssignee.compare(me, Qt::CaseInsensitive) == 0;
    if (mineNow && !mineBefore && !ownCommandPending)
        return Reason::AssignedToMe;
    if (current.isQueued() && !queuedBefore)
        return Reason::HumanRequested;
    return std::nullopt;
}

qint64 Attention::next(const ConversationListModel *list, qint64 fromId, bool backwards)
{
    QList<QPair<qint64, qint64>> candidates; // urgency, id
    for (int row = 0; row < list->rowCount(); ++row) {
        const QModelIndex index = list->index(row);
        if (!index.data(ConversationListModel::NeedsAttentionRole).toBool())
            continue;
        candidates.append({index.data(ConversationListModel::UrgencyRole).toLongLong(),
                           index.data(ConversationListModel::IdRole).toLongLong()});
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    const auto from = std::find_if(candidates.cbegin(), candidates.cend(),
                                   [fromId](const auto &c) { return c.second == fromId; });
    if (from == candidates.cend())
        return candidates.isEmpty()
                   ? 0
                   : (backwards ? candidates.constLast() : candidates.constFirst()).second;
    if (candidates.size() == 1)
        return 0;
    const int at = int(from - candidates.cbegin());
    const int n = int(candidates.size());
    return candidates.at((at + (backwards ? n - 1 : 1)) % n).second;
}

qint64 Attention::next(qint64 fromId, bool backwards) const
{
    return next(m_inbox->list(), fromId, backwards);
}

int Attention::unreadTotal() const
{
    return m_inbox->list()->unreadTotal();
}

} // namespace Serambi::App
