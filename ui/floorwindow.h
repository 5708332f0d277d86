#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Serambi::App {
class Floor;
}

namespace Serambi::Ui {

// The supervisors' floor (Ctrl+Shift+F; docs/console.md, "The floor"): the agents with presence,
// open chats against the capacity and their longest-waiting chat; every team's queue with its
// waiting chats, longest wait and handoff reasons; and the waiting chats, longest first. It
// follows App::Floor, which events keep current; the waiting times count up locally. A chat
// is assigned by selecting it and an agent and pressing Ctrl+Enter (or dragging it onto the
// agent), moved to a queue with Ctrl+M (or dropped on the queue), opened with Enter.
class FloorWindow : public QDialog
{
    Q_OBJECT

public:
    explicit FloorWindow(App::Floor *floor, QWidget *parent = nullptr);

    // Asks the relay for the agents and teams again (F5).
    void refresh();

Q_SIGNALS:
    void openRequested(qint64 conversationId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    void assignSelected();
    void moveSelected();
    void openSelected();
    void updateButtons();
    void showError(const QString &errorCode);
    qint64 selectedChat() const;

    App::Floor *m_floor;
    QLabel *m_summary;
    QPushButton *m_refresh;
    QLabel *m_agentsLabel;
    QTreeWidget *m_agents;
    QLabel *m_queuesLabel;
    QTreeWidget *m_queues;
    QLabel *m_waitingLabel;
    QTreeWidget *m_waiting;
    QPushButton *m_open;
    QPushButton *m_assign;
    QPushButton *m_move;
    QLabel *m_status;
    QTimer m_clock;
};

} // namespace Serambi::Ui
