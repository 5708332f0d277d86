#pragma once

#include "app/attention.h"

#include <QObject>

class QSystemTrayIcon;

namespace Serambi::App {
class ConversationListModel;
}

namespace Serambi::Ui {

class ConsoleSettings;

// The tray icon with the unread total, and a desktop notification (with an optional beep)
// when a chat is assigned to the agent or a customer asks for a person. Every notification is
// announced by notificationRequested() and shown by the tray when there is one. Clicking the
// notification or the icon brings the chat forward through chatRequested().
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    TrayNotifier(App::Attention *attention, const App::ConversationListModel *conversations,
                 ConsoleSettings *settings, QObject *parent = nullptr);

    bool isAvailable() const { return m_tray != nullptr; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The words of a desktop notification, already translated; emitted with or without a tray.
    void notificationRequested(qint64 conversationId, const QString &title, const QString &text);
    void chatRequested(qint64 conversationId);
    void windowRequested();

private:
    void handleAttention(qint64 conversationId, Serambi::App::Attention::Reason reason);
    void updateIcon(int unread);
    void showNotification(qint64 conversationId, const QString &title, const QString &text);

    App::Attention *m_attention;
    const App::ConversationListModel *m_conversations;
    ConsoleSettings *m_settings;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_lastNotified = 0;
};

} // namespace Serambi::Ui
