#include "conversationfilterproxy.h"

#include "conversationlistmodel.h"

#include <QRegularExpression>

#include <algorithm>

namespace Serambi::App {

using Roles = ConversationListModel::Roles;

ConversationFilterProxy::ConversationFilterProxy(Filter filter, QObject *parent)
    : QSortFilterProxyModel(parent), m_filter(filter)
{
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

void ConversationFilterProxy::setFilter(Filter filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void ConversationFilterProxy::setSearchText(const QString &text)
{
    if (m_search == text)
        return;
    m_search = text;
    parseSearch();
    invalidateFilter();
}

void ConversationFilterProxy::setLabels(const LabelList &labels)
{
    m_labels = labels;
    if (m_search.contains(QLatin1String("label:"), Qt::CaseInsensitive)) {
        parseSearch();
        invalidateFilter();
    }
}

void ConversationFilterProxy::setLabelFilter(qint64 labelId)
{
    if (m_labelFilter == labelId)
        return;
    m_labelFilter = labelId;
    invalidateFilter();
}

void ConversationFilterProxy::setChannelFilter(const QString &channel)
{
    if (m_channelFilter == channel)
        return;
    m_channelFilter = channel;
    invalidateFilter();
}

void ConversationFilterProxy::parseSearch()
{
    static const QRegularExpression labelWord(QStringLiteral("label:(?:\"([^\"]*)\"?|(\\S*))"),
                                              QRegularExpression::CaseInsensitiveOption);
    QString rest = m_search;
    m_searchLabels.clear();
    auto matches = labelWord.globalMatch(m_search);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString name =
            (match.hasCaptured(1) ? match.captured(1) : match.captured(2)).trimmed();
        rest.replace(match.captured(0), QStringLiteral(" "));
        if (name.isEmpty())
            continue; // still being typed
        const auto found =
            std::find_if(m_labels.cbegin(), m_labels.cend(), [&name](const Label &l) {
                return l.name.compare(name, Qt::CaseInsensitive) == 0;
            });
        m_searchLabels.append(found != m_labels.cend() ? found->id : -1);
    }
    m_words = rest.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // A "+62…" search matches the stored number, which has no plus sign.
    for (QString &word : m_words) {
        if (word.startsWith(QLatin1Char('+')))
            word.remove(0, 1);
    }
    m_words.removeAll(QString());
}

void ConversationFilterProxy::setMentioned(const QSet<qint64> &conversationIds)
{
    if (m_mentioned == conversationIds)
        return;
    m_mentioned = conversationIds;
    invalidateFilter();
}

qint64 ConversationFilterProxy::conversationIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return index(row, 0).data(Roles::IdRole).toLongLong();
}

bool ConversationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString state = source.data(Roles::StateRole).toString();
    const bool resolved = state == QLatin1String("resolved");
    bool accepted = false;
    switch (m_filter) {
    case Filter::Mine:
        accepted = !resolved && source.data(Roles::IsMineRole).toBool();
        break;
    case Filter::Queue:
        accepted = !resolved && source.data(Roles::AssigneeRole).toString().isEmpty();
        break;
    case Filter::All:
        accepted = !resolved;
        break;
    case Filter::Resolved:
        accepted = resolved;
        break;
    case Filter::Mentions:
        accepted = m_mentioned.contains(source.data(Roles::IdRole).toLongLong());
        break;
    }
    if (!accepted)
        return false;
    if (!m_channelFilter.isEmpty() && source.data(Roles::ChannelRole).toString() != m_channelFilter)
        return false;
    if (m_labelFilter != 0 || !m_searchLabels.isEmpty()) {
        const auto labelIds = source.data(Roles::LabelIdsRole).value<QList<qint64>>();
        if (m_labelFilter != 0 && !labelIds.contains(m_labelFilter))
            return false;
        for (const qint64 id : m_searchLabels) {
            if (!labelIds.contains(id))
                return false;
        }
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack = source.data(Roles::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool ConversationFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Ascending sort with "less" meaning "more urgent" puts the most urgent first.
    const qint64 l = left.data(Roles::UrgencyRole).toLongLong();
    const qint64 r = right.data(Roles::UrgencyRole).toLongLong();
    if (l != r)
        return l > r;
    return left.data(Roles::IdRole).toLongLong() > right.data(Roles::IdRole).toLongLong();
}

} // namespace Serambi::App
