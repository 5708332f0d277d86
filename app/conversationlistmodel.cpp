#include "conversationlistmodel.h"

#include <QDateTime>

namespace Serambi::App {

namespace {
// Urgency tiers, each above every value of the tier below (ms timestamps stay below 2^43).
constexpr qint64 TierSpan = qint64(1) << 44;
constexpr qint64 TimeCeiling = qint64(1) << 43;

QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}
} // namespace

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent) {}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &c = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return c.id;
    case Qt::DisplayRole:
    case NameRole:
        return c.displayName();
    case PhoneRole:
        return c.displayHandle();
    case PreviewRole:
        return c.lastMessage.text;
    case PreviewTypeRole:
        return c.lastMessage.type;
    case PreviewDirectionRole:
        return c.lastMessage.directionName();
    case PreviewMessageRole:
        return QVariant::fromValue(c.lastMessage);
    case LastMessageAtRole:
        return fromMs(c.lastMessageAt);
    case UnreadRole:
        return c.unread;
    case StateRole:
        return c.stateName();
    case AssigneeRole:
        return c.assignee;
    case IsMineRole:
        return !m_username.isEmpty() && c.assignee == m_username;
    case AiModeRole:
        return c.aiModeName();
    case HandoffReasonRole:
        return c.handoffReason;
    case DraftReadyRole:
        return m_draftReady.contains(c.id);
    case WaitingSinceRole:
        return fromMs(c.waitingSince);
    case WindowClosesAtRole:
        return c.windowClosesAt() > 0 ? fromMs(c.windowClosesAt()) : QDateTime();
    case NeedsAttentionRole:
        return needsAttention(c);
    case UrgencyRole:
        return urgency(c);
    case SearchTextRole:
        return QString(c.displayName().toLower() + QLatin1Char('\n') + c.waId + QLatin1Char('\n') +
                       c.username.toLower() + QLatin1Char('\n') + c.recentText);
    case LabelIdsRole:
        return QVariant::fromValue(c.labelIds);
    case TeamRole:
        return c.team;
    case ChannelRole:
        return c.channel;
    case LabelsRole: {
        QVariantList chips;
        for (const Label &label : m_labels) {
            if (c.labelIds.contains(label.id))
                chips.append(QVariantMap{{QStringLiteral("name"), label.name},
                                         {QStringLiteral("color"), label.color}});
        }
        return chips;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "conversationId"},
                  {NameRole, "name"},
                  {PhoneRole, "phone"},
                  {PreviewRole, "preview"},
                  {PreviewTypeRole, "previewType"},
                  {PreviewDirectionRole, "previewDirection"},
                  {PreviewMessageRole, "previewMessage"},
                  {LastMessageAtRole, "lastMessageAt"},
                  {UnreadRole, "unread"},
                  {StateRole, "state"},
                  {AssigneeRole, "assignee"},
                  {IsMineRole, "isMine"},
                  {AiModeRole, "aiMode"},
                  {HandoffReasonRole, "handoffReason"},
                  {DraftReadyRole, "draftReady"},
                  {WaitingSinceRole, "waitingSince"},
                  {WindowClosesAtRole, "windowClosesAt"},
                  {NeedsAttentionRole, "needsAttention"},
                  {UrgencyRole, "urgency"},
                  {SearchTextRole, "searchText"},
                  {LabelIdsRole, "labelIds"},
                  {TeamRole, "team"},
                  {ChannelRole, "channel"},
                  {LabelsRole, "labels"}});
    return names;
}

void ConversationListModel::setCurrentUsername(const QString &username)
{
    if (m_username == username)
        return;
    m_username = username;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {IsMineRole, NeedsAttentionRole, UrgencyRole});
}

void ConversationListModel::resetConversations(const ConversationList &conversations)
{
    beginResetModel();
    m_rows = conversations;
    rebuildIndex();
    QSet<qint64> kept;
    for (const qint64 id : std::as_const(m_draftReady)) {
        if (m_rowById.contains(id))
            kept.insert(id);
    }
    m_draftReady = kept;
    endResetModel();
    int total = 0;
    for (const Conversation &c : std::as_const(m_rows))
        total += c.unread;
    setUnreadTotal(total);
}

void ConversationListModel::upsertConversation(const Conversation &conversation)
{
    const auto found = m_rowById.constFind(conversation.id);
    int unreadBefore = 0;
    if (found == m_rowById.constEnd()) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(conversation);
        m_rowById.insert(conversation.id, row);
        endInsertRows();
    } else {
        unreadBefore = m_rows.at(*found).unread;
        m_rows[*found] = conversation;
        const QModelIndex changed = index(*found);
        Q_EMIT dataChanged(changed, changed);
    }
    setUnreadTotal(m_unreadTotal - unreadBefore + conversation.unread);
}

void ConversationListModel::removeConversation(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    const int unread = m_rows.at(row).unread;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    rebuildIndex();
    m_draftReady.remove(id);
    endRemoveRows();
    setUnreadTotal(m_unreadTotal - unread);
}

void ConversationListModel::setDraftReady(qint64 id, bool ready)
{
    if (m_draftReady.contains(id) == ready)
        return;
    if (ready)
        m_draftReady.insert(id);
    else
        m_draftReady.remove(id);
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row),
                           {DraftReadyRole, NeedsAttentionRole, UrgencyRole});
}

void ConversationListModel::setLabels(const LabelList &labels)
{
    m_labels = labels;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {LabelsRole});
}

bool ConversationListModel::setConversationLabels(qint64 id, const QList<qint64> &labelIds)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    m_rows[row].labelIds = labelIds;
    Q_EMIT dataChanged(index(row), index(row), {LabelIdsRole, LabelsRole});
    return true;
}

ConversationList ConversationListModel::dropLabel(qint64 labelId)
{
    ConversationList changed;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].labelIds.removeAll(labelId) == 0)
            continue;
        changed.append(m_rows[row]);
        Q_EMIT dataChanged(index(row), index(row), {LabelIdsRole, LabelsRole});
    }
    return changed;
}

const Conversation *ConversationListModel::conversation(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

qint64 ConversationListModel::idOfCustomer(const QString &waId) const
{
    for (const Conversation &row : m_rows) {
        if (!waId.isEmpty() && row.waId == waId)
            return row.id;
    }
    return 0;
}

int ConversationListModel::rowOf(qint64 id) const
{
    return m_rowById.value(id, -1);
}

int ConversationListModel::unreadTotal() const
{
    return m_unreadTotal;
}

bool ConversationListModel::needsAttention(qint64 id) const
{
    const Conversation *c = conversation(id);
    return c && needsAttention(*c);
}

bool ConversationListModel::needsAttention(const Conversation &c) const
{
    if (c.isResolved())
        return false;
    const bool mine = !m_username.isEmpty() && c.assignee == m_username;
    if (!mine && !c.assignee.isEmpty())
        return false;
    if (c.isQueued() || m_draftReady.contains(c.id))
        return true;
    return mine && c.waitingSince > 0;
}

qint64 ConversationListModel::urgency(const Conversation &c) const
{
    // Needing attention first, then customers waiting for anyone, then the rest; within a
    // tier the longest wait (or, without a wait, the latest activity) comes first.
    qint64 tier = 0;
    if (needsAttention(c))
        tier = 3;
    else if (c.waitingSince > 0 && !c.isResolved())
        tier = 2;
    else if (!c.isResolved())
        tier = 1;
    const qint64 within = c.waitingSince > 0 ? TimeCeiling - qMin(c.waitingSince, TimeCeiling - 1)
                                             : qBound<qint64>(0, c.lastMessageAt, TimeCeiling - 1);
    return tier * TierSpan + within;
}

void ConversationListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
}

void ConversationListModel::setUnreadTotal(int total)
{
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    Q_EMIT unreadTotalChanged(total);
}

} // namespace Serambi::App
