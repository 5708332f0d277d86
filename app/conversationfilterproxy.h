#pragma once

#include "labels.h"

#include <QMap>
#include <QSet>
#include <QSortFilterProxyModel>

namespace Serambi::App {

// One tab of the chat list over a ConversationListModel: a filter, a search and the default
// order, most urgent first.
class ConversationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter {
        Mine,     // assigned to me and not resolved
        Queue,    // waiting for a human or answered by the AI, no assignee
        All,      // everything the user may see except resolved (supervisors)
        Resolved, // resolved
        Mentions, // chats where a colleague @mentioned me, resolved or not
    };
    Q_ENUM(Filter)

    explicit ConversationFilterProxy(Filter filter = Filter::All, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    QString searchText() const { return m_search; }
    // Matches name, number and message text, case-insensitively; every word must match.
    // label:name (label:"two words" for a name with a space) keeps the chats with that label.
    void setSearchText(const QString &text);
    // The team's labels, for label:name in the search.
    void setLabels(const LabelList &labels);
    // Keeps only the chats with this label; 0 for every chat.
    void setLabelFilter(qint64 labelId);
    qint64 labelFilter() const { return m_labelFilter; }
    // Keeps only the chats that came through this channel (its name); empty for every chat.
    void setChannelFilter(const QString &channel);
    QString channelFilter() const { return m_channelFilter; }
    // The chats the Mentions filter shows.
    void setMentioned(const QSet<qint64> &conversationIds);
    // The conversation id at a proxy row, 0 when out of range.
    qint64 conversationIdAt(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Filter m_filter;
    QString m_search;
    void parseSearch();

    QStringList m_words;
    QList<qint64> m_searchLabels; // from label:name; -1 for a name no label has
    LabelList m_labels;
    qint64 m_labelFilter = 0;
    QString m_channelFilter;
    QSet<qint64> m_mentioned;
};

// One proxy per tab of the chat list.
using ConversationFilters = QMap<ConversationFilterProxy::Filter, ConversationFilterProxy *>;

} // namespace Serambi::App
