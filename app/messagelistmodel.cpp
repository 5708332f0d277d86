#include "messagelistmodel.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace Serambi::App {

namespace {
QDate localDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

// Local sends not yet confirmed sort after every relay message, in issue order.
bool orderedBefore(const Message &m, qint64 id)
{
    const bool mLocal = m.id < 0;
    const bool idLocal = id < 0;
    if (mLocal != idLocal)
        return !mLocal;
    return mLocal ? m.id > id : m.id < id;
}

// Whether a reaction with id replaces one with storedId of the same side: relay ids grow, local
// sends (negative ids, issued downwards) are newer than anything the relay has confirmed.
bool replacesReaction(qint64 id, qint64 storedId)
{
    if (storedId < 0)
        return id >= 0 || id <= storedId; // confirmed by the relay, or a later local send
    return id < 0 || id >= storedId;
}

bool picksAChoice(const Message &m)
{
    return m.isInbound() &&
           (m.type == QLatin1String("interactive") || m.type == QLatin1String("button"));
}
} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent) {}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool MessageListModel::isSupportedType(const QString &type)
{
    static const QStringList supported{
        QStringLiteral("text"),     QStringLiteral("image"),    QStringLiteral("audio"),
        QStringLiteral("video"),    QStringLiteral("document"), QStringLiteral("sticker"),
        QStringLiteral("location"), QStringLiteral("contacts"), QStringLiteral("interactive"),
        QStringLiteral("button"),   QStringLiteral("template"), QStringLiteral("order"),
        QStringLiteral("system")};
    return supported.contains(type);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &m = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return m.id;
    case WamidRole:
        return m.wamid;
    case DirectionRole:
        return m.directionName();
    case TypeRole:
        return m.type;
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case StatusRole:
        return m.status;
    case SenderKindRole:
        return m.sender;
    case SenderNameRole:
        return m.senderName;
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(m.timestamp);
    case ReplyToRole:
        return quotedWamid(m);
    case QuotedTextRole:
    case QuotedSenderRole: {
        const QString wamid = quotedWamid(m);
        const Message *quoted = wamid.isEmpty() ? nullptr : message(m_idByWamid.value(wamid));
        if (!quoted)
            return QString();
        return role == QuotedTextRole ? quoted->text : quoted->sender;
    }
    case ErrorCodeRole:
        return m.errorCode;
    case ErrorTitleRole:
        return m.errorTitle;
    case ReactionRole:
        return m.wamid.isEmpty() ? QString() : reactionsOn(m.wamid);
    case SupportedRole:
        return m.isRevoked() || isSupportedType(m.type);
    case EditedRole:
        return m.isEdited();
    case RevokedRole:
        return m.isRevoked();
    case ErrorDetailsRole:
        return m.errorDetails;
    case ContentRole:
        return m.content;
    case IsFirstOfDayRole:
        return isFirstOfDay(index.row());
    case MediaStateRole:
        return m.media.state;
    case MediaKeyRole:
        return m.media.key;
    case MediaMimeTypeRole:
        return m.media.mimeType;
    case MediaSizeRole:
        return m.media.size;
    case MediaFileNameRole:
        return m.media.filename;
    case MediaErrorRole:
        return m.media.error;
    case OfferedByRole: {
        const QString offer = picksAChoice(m) ? m.contextId() : QString();
        return offer.isEmpty() ? qint64(0) : m_idByWamid.value(offer);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"},
                  {WamidRole, "wamid"},
                  {DirectionRole, "direction"},
                  {TypeRole, "type"},
                  {TextRole, "text"},
                  {StatusRole, "status"},
                  {SenderKindRole, "senderKind"},
                  {SenderNameRole, "senderName"},
                  {TimestampRole, "timestamp"},
                  {ReplyToRole, "replyTo"},
                  {QuotedTextRole, "quotedText"},
                  {QuotedSenderRole, "quotedSender"},
                  {ErrorCodeRole, "errorCode"},
                  {ErrorTitleRole, "errorTitle"},
                  {ReactionRole, "reaction"},
                  {SupportedRole, "supported"},
                  {ContentRole, "content"},
                  {IsFirstOfDayRole, "isFirstOfDay"},
                  {MediaStateRole, "mediaState"},
                  {MediaKeyRole, "mediaKey"},
                  {MediaMimeTypeRole, "mediaMimeType"},
                  {MediaSizeRole, "mediaSize"},
                  {MediaFileNameRole, "mediaFileName"},
                  {MediaErrorRole, "mediaError"},
                  {OfferedByRole, "offeredBy"},
                  {EditedRole, "edited"},
                  {RevokedRole, "revoked"},
                  {ErrorDetailsRole, "errorDetails"}});
    return names;
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_conversationId != 0 && !m_fetching && !m_reachedStart;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT olderPageRequested(m_conversationId, oldestId());
}

void MessageListModel::setConversation(qint64 conversationId)
{
    beginResetModel();
    m_conversationId = conversationId;
    m_rows.clear();
    m_rowById.clear();
    m_idByWamid.clear();
    m_reactions.clear();
    m_fetching = false;
    m_reachedStart = false;
    endResetModel();
}

void MessageListModel::mergeMessages(const MessageList &messages)
{
    for (const Message &m : messages) {
        if (m.conversationId != m_conversationId || m_conversationId == 0)
            continue;
        if (m.isReaction()) {
            applyReaction(m);
            continue;
        }
        const auto found = m_rowById.constFind(m.id);
        if (found != m_rowById.constEnd()) {
            const int row = *found;
            const QString oldWamid = m_rows.at(row).wamid;
            m_rows[row] = m;
            if (!m.wamid.isEmpty() && m.wamid != oldWamid) {
                m_idByWamid.insert(m.wamid, m.id);
                emitRepliesChanged(m.wamid);
            }
            emitRowChanged(row);
            continue;
        }
        insertRow(insertionRow(m.id), m);
    }
}

void MessageListModel::addOlderPage(qint64 conversationId, const MessageList &messages,
                                    bool reachedStart)
{
    if (conversationId != m_conversationId)
        return;
    m_fetching = false;
    m_reachedStart = reachedStart;
    const qint64 oldest = oldestId();
    MessageList older;
    MessageList rest;
    for (const Message &m : messages) {
        if (!m.isReaction() && !m.isLocal() && (oldest == 0 || m.id < oldest) &&
            !m_rowById.contains(m.id))
            older.append(m);
        else
            rest.append(m);
    }
    std::sort(older.begin(), older.end(),
              [](const Message &a, const Message &b) { return a.id < b.id; });
    if (!older.isEmpty()) {
        // One insertion at the top keeps a view's scroll position easy to restore.
        beginInsertRows({}, 0, int(older.size()) - 1);
        m_rows = older + m_rows;
        rebuildIndex();
        for (const Message &m : std::as_const(older)) {
            if (!m.wamid.isEmpty())
                m_idByWamid.insert(m.wamid, m.id);
        }
        endInsertRows();
        const int boundary = int(older.size());
        if (boundary < m_rows.size())
            emitRowChanged(boundary);
        QSet<QString> wamids;
        for (const Message &m : std::as_const(older)) {
            if (!m.wamid.isEmpty())
                wamids.insert(m.wamid);
        }
        // One pass for the whole page: newer rows quoting one of these now show its text.
        for (int row = boundary; row < m_rows.size(); ++row) {
            const QString quoted = quotedWamid(m_rows.at(row));
            if (!quoted.isEmpty() && wamids.contains(quoted))
                emitRowChanged(row);
        }
    }
    mergeMessages(rest);
}

void MessageListModel::cancelOlderPage(qint64 conversationId)
{
    if (conversationId == m_conversationId)
        m_fetching = false;
}

void MessageListModel::removeMessage(qint64 id)
{
    const auto found = m_rowById.constFind(id);
    if (found == m_rowById.constEnd())
        return;
    const int row = *found;
    beginRemoveRows({}, row, row);
    const Message removed = m_rows.takeAt(row);
    if (!removed.wamid.isEmpty())
        m_idByWamid.remove(removed.wamid);
    rebuildIndex();
    endRemoveRows();
    if (row < m_rows.size())
        emitRowChanged(row);
}

void MessageListModel::removeOlderThan(qint64 id)
{
    int count = 0;
    while (count < m_rows.size() && !m_rows.at(count).isLocal() && m_rows.at(count).id < id)
        ++count;
    if (count == 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_rows.remove(0, count);
    m_idByWamid.clear();
    for (const Message &m : std::as_const(m_rows)) {
        if (!m.wamid.isEmpty())
            m_idByWamid.insert(m.wamid, m.id);
    }
    rebuildIndex();
    endRemoveRows();
    if (!m_rows.isEmpty())
        emitRowChanged(0);
}

qint64 MessageListModel::latestInboundId() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (it->isInbound())
            return it->id;
    }
    return 0;
}

qint64 MessageListModel::oldestId() const
{
    for (const Message &m : m_rows) {
        if (!m.isLocal())
            return m.id;
    }
    return 0;
}

const Message *MessageListModel::message(qint64 id) const
{
    const auto found = m_rowById.constFind(id);
    return found == m_rowById.constEnd() ? nullptr : &m_rows.at(*found);
}

int MessageListModel::insertionRow(qint64 id) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id, orderedBefore);
    return int(it - m_rows.cbegin());
}

void MessageListModel::insertRow(int row, const Message &message)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, message);
    if (row == m_rows.size() - 1)
        m_rowById.insert(message.id, row);
    else
        rebuildIndex();
    if (!message.wamid.isEmpty())
        m_idByWamid.insert(message.wamid, message.id);
    endInsertRows();
    if (row + 1 < m_rows.size())
        emitRowChanged(row + 1);
    if (!message.wamid.isEmpty())
        emitRepliesChanged(message.wamid);
}

void MessageListModel::applyReaction(const Message &reaction)
{
    const QString target = reaction.reactionTarget();
    if (target.isEmpty())
        return;
    // One reaction per side: WhatsApp keeps one per customer and one per business account.
    QHash<QString, Reaction> &onTarget = m_reactions[target];
    const QString side = reaction.directionName();
    const auto stored = onTarget.constFind(side);
    if (stored != onTarget.constEnd() && !replacesReaction(reaction.id, stored->messageId))
        return;
    onTarget.insert(side, {reaction.id, reaction.reactionEmoji()});
    const auto found = m_idByWamid.constFind(target);
    if (found != m_idByWamid.constEnd())
        emitRowChanged(m_rowById.value(*found, -1));
}

QString MessageListModel::reactionsOn(const QString &wamid) const
{
    const auto found = m_reactions.constFind(wamid);
    if (found == m_reactions.constEnd())
        return {};
    return found->value(QStringLiteral("in")).emoji + found->value(QStringLiteral("out")).emoji;
}

QString MessageListModel::quotedWamid(const Message &m) const
{
    if (!m.replyTo.isEmpty())
        return m.replyTo;
    return picksAChoice(m) ? m.contextId() : QString();
}

void MessageListModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
}

void MessageListModel::emitRowChanged(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

void MessageListModel::emitRepliesChanged(const QString &wamid)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (quotedWamid(m_rows.at(row)) == wamid)
            emitRowChanged(row);
    }
}

bool MessageListModel::isFirstOfDay(int row) const
{
    if (row == 0)
        return true;
    return localDay(m_rows.at(row - 1).timestamp) != localDay(m_rows.at(row).timestamp);
}

} // namespace Serambi::App
