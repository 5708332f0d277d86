#pragma once

#include "app/conversationfilterproxy.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListView;
class QTabWidget;

namespace Serambi::App {
class OpenConversation;
class Session;
} // namespace Serambi::App

namespace Serambi::Ui {

class ConversationDelegate;

// The left side: the search field over one tab per filter (Mine, Queue, All for supervisors,
// Resolved), each a list view over the controller's proxy for it, most urgent first.
class ConversationListPanel : public QWidget
{
    Q_OBJECT

public:
    using Filter = App::ConversationFilterProxy::Filter;

    ConversationListPanel(const App::ConversationFilters &filters, App::Session *session,
                          App::OpenConversation *openConversation, QWidget *parent = nullptr);

    void focusSearch();
    // Clears the search; false when it was already empty.
    bool clearSearch();
    void showFilter(Filter filter);
    Filter currentFilter() const;
    // Selects the conversation in the current tab when it is there.
    void selectConversation(qint64 id);
    QListView *listView(Filter filter) const;
    QLineEdit *searchField() const { return m_search; }

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

    App::ConversationFilters m_filters;
    App::Session *m_session;
    QLineEdit *m_search;
    QTabWidget *m_tabs;
    ConversationDelegate *m_delegate;
    QList<Tab> m_tabList;
    QTimer m_clock; // waiting times and window countdowns move on
    int m_modelChanging = 0;
};

} // namespace Serambi::Ui
