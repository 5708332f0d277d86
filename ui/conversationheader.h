#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Serambi::App {
class ConversationListModel;
class Session;
} // namespace Serambi::App

namespace Serambi::Ui {

class LabelChipRow;

// Above the open conversation: the customer's name and number, the chat's state and handoff
// reason, its labels, the countdown of the 24-hour window, the customer's rating of the chat,
// and the actions on the chat: take over, hand back to the AI, resolve, labels, the AI mode and
// (supervisors) assign.
class ConversationHeader : public QWidget
{
    Q_OBJECT

public:
    ConversationHeader(App::ConversationListModel *conversations, App::Session *session,
                       QWidget *parent = nullptr);

    void setConversation(qint64 id);
    qint64 conversationId() const { return m_id; }
    // Where the labels menu opens.
    QWidget *labelsButton() const;

Q_SIGNALS:
    void takeOverRequested();
    void handBackRequested();
    void resolveRequested();
    void assignRequested();
    void aiModeRequested(const QString &mode);
    void labelsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void showChannel(const QString &name);

    App::ConversationListModel *m_conversations;
    App::Session *m_session;
    qint64 m_id = 0;
    QLabel *m_name;
    QLabel *m_phone;
    QLabel *m_channel;
    QLabel *m_state;
    QLabel *m_window;
    QLabel *m_rating;
    QPushButton *m_takeOver;
    QPushButton *m_handBack;
    QPushButton *m_resolve;
    QPushButton *m_assign;
    QPushButton *m_labels;
    LabelChipRow *m_labelChips;
    QLabel *m_aiModeLabel;
    QComboBox *m_aiMode;
    QTimer m_clock;
};

} // namespace Serambi::Ui
