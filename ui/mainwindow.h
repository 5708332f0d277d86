#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;

namespace Serambi::App {
class ConsoleController;
}

namespace Serambi::Ui {

class ChatPane;
class CustomerPanel;
class ConnectionIndicator;
class ConsoleSettings;
class ConversationListPanel;
class PresenceSelector;
class KnowledgeBaseWindow;
class FloorWindow;
class ReportsWindow;
class LanguageSwitcher;
class RichMessaging;
class SignInDialog;
class TrayNotifier;

// The console's window: it arranges the chat list on the left and the open chat (ChatPane) on
// the right, the connection state in the status bar, the sign-in dialog, the tray, and the
// menus with a shortcut for every action. The chat's rules and actions are the ChatPane's.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(App::ConsoleController *console, ConsoleSettings *settings,
               LanguageSwitcher *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the window and signs in again with the stored session, or asks for a password.
    void start();
    void showSignIn();
    void openConversation(qint64 id);
    // Opens the next (or previous) chat that needs the agent; false when none does.
    bool openNextNeedingAttention(bool backwards = false);
    void showSettings();
    // The knowledge-base window (supervisors and admins), one per main window.
    void showKnowledgeBase();
    void showReports();
    // The supervisors' floor (Ctrl+Shift+F), one per main window.
    void showFloor();
    // Manage labels (supervisors, Ctrl+Alt+L).
    void showLabels();
    SignInDialog *signInDialog() const { return m_signIn; }
    RichMessaging *richMessaging() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    template<typename Receiver>
    QAction *addShortcutAction(const QKeySequence &shortcut, Receiver *receiver,
                               void (Receiver::*slot)());

    void handleSignedIn();
    void handleSignInFailed(const QString &errorCode, int retryAfterSeconds);
    void handleConversationsLoaded();
    void updateActions();

    void focusSearch();
    void nextChat();
    void previousChat();
    void escape();
    void signOut();

    App::ConsoleController *m_console;
    ConsoleSettings *m_settings;

    ConversationListPanel *m_list;
    ChatPane *m_chat;
    CustomerPanel *m_customer;
    ConnectionIndicator *m_connection;
    QLabel *m_userLabel;
    PresenceSelector *m_presence;
    SignInDialog *m_signIn;
    TrayNotifier *m_tray;
    bool m_filterChosen = false;

    QMenu *m_consoleMenu = nullptr;
    QMenu *m_chatMenu = nullptr;
    QMenu *m_draftMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_knowledgeBaseAction = nullptr;
    QPointer<KnowledgeBaseWindow> m_knowledgeBase;
    QAction *m_reportsAction = nullptr;
    QPointer<ReportsWindow> m_reports;
    QAction *m_floorAction = nullptr;
    QPointer<FloorWindow> m_floor;
    QAction *m_transferAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_takeOverAction = nullptr;
    QAction *m_handBackAction = nullptr;
    QAction *m_resolveAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_replyAction = nullptr;
    QAction *m_composerAction = nullptr;
    QAction *m_noteAction = nullptr;
    QAction *m_labelsAction = nullptr;
    QAction *m_manageLabelsAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_regenerateAction = nullptr;
    QAction *m_discardAction = nullptr;
    QAction *m_escapeAction = nullptr;
    QAction *m_presenceAction = nullptr;
    QAction *m_ordersAction = nullptr;
    QList<QAction *> m_filterActions;
};

} // namespace Serambi::Ui
