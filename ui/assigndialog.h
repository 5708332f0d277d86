#pragma once

#include "app/agentinfo.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace Serambi::App {
class AgentListModel;
}

namespace Serambi::Ui {

// Picks who takes a chat: the agents by display name with role and an online mark, narrowed
// by typing; Enter assigns the selected one, Esc cancels. It only asks; whoever shows it fills
// it with setAgents() or showError() and assigns what agentChosen() names.
class AssignDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AssignDialog(QWidget *parent = nullptr);

    void setAgents(const App::AgentList &agents);
    // The list could not be fetched; the text is already translated.
    void showError(const QString &text);
    QString selectedUsername() const;

Q_SIGNALS:
    void agentChosen(const QString &username);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void handleFilterChanged(const QString &text);
    void handleAccept();
    void selectFirstIfNone();
    void updateAssignEnabled();

    QLabel *m_prompt;
    QLineEdit *m_filter;
    QListView *m_list;
    QLabel *m_status;
    QPushButton *m_assign;
    QPushButton *m_cancel;
    App::AgentListModel *m_agents;
    QSortFilterProxyModel *m_proxy;
    bool m_loaded = false;
    bool m_failed = false;
};

} // namespace Serambi::Ui
