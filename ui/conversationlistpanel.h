#pragma once

#include "app/conversationfilterproxy.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QTabWidget;

namespace Serambi::App {
class Labels;
class OpenConversation;
class Session;
} // namespace Serambi::App

namespace Serambi::Ui {

class ConversationDelegate;

// The left side: the search field, the label filter and (with several WhatsApp numbers) the
// channel filter over one tab per filter (Mine, Queue,
// All for supervisors, Resolved, Mentions), each a list view over the controller's proxy for
// it, most urgent first.
class ConversationListPanel : public QWidget
{
    Q_OBJECT

public:
    using Filter = App::ConversationFilterProxy::Filter;

    ConversationListPanel(const App::ConversationFilters &filters, App::Session *session,
                          App::OpenConversation *openConversation, App::Labels *labels,
                          QWidget *parent = nullptr);

    void focusSearch();
    // Clears the search; false when it was already empty.
    bool clearSearch();
    void showFilter(Filter filter);
    Filter currentFilter() const;
    // Selects the conversation in the current tab when it is there.
    void selectConversation(qint64 id);
    QListView *listView(Filter filter) const;
    QLineEdit *searchField() const { return m_search; }
    QComboBox *labelFilter() const { return m_labelFilter; }
    // Shown only when the relay serves more than one WhatsApp number.
    QComboBox *channelFilter() const { return m_channelFilter; }

Q_SIGNALS:
    void conversationActivated(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Tab
    {
        Filter filter;
        QListView *view = nullptr;
    };

    void retranslateUi();
    void updateTabTitles();
    void updateSupervisorTabs();
    void handleCurrentChanged(const QModelIndex &current);
    QString filterTitle(Filter filter) const;
    void reloadLabelFilter();
    void applyLabelFilter();
    void reloadChannelFilter();
    void applyChannelFilter();

    App::ConversationFilters m_filters;
    App::Session *m_session;
    App::Labels *m_labels;
    QLineEdit *m_search;
    QComboBox *m_labelFilter;
    QComboBox *m_channelFilter;
    QTabWidget *m_tabs;
    ConversationDelegate *m_delegate;
    QList<Tab> m_tabList;
    QTimer m_clock; // waiting times and window countdowns move on
    int m_modelChanging = 0;
};

} // namespace Serambi::Ui
