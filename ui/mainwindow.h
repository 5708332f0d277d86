#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;

namespace Serambi::App {
class ConsoleController;
}

namespace Serambi::Ui {

class ComposerPanel;
class ConnectionIndicator;
class ConsoleSettings;
class ConversationHeader;
class ConversationListPanel;
class ConversationView;
class DraftPanel;
class LanguageSwitcher;
class MessageBar;
class RichMessaging;
class SignInDialog;
class TrayNotifier;

// The console: chats on the left; the open chat's header, messages, AI draft and composer on
// the right; the connection state in the status bar. Every action has a shortcut.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(App::ConsoleController *controller, ConsoleSettings *settings,
               LanguageSwitcher *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the window and signs in again with the stored session, or asks for a password.
    void start();
    void showSignIn();
    void openConversation(qint64 id);
    // Opens the next (or previous) chat that needs the agent; false when none does.
    bool openNextNeedingAttention(bool backwards = false);
    void showSettings();
    SignInDialog *signInDialog() const { return m_signIn; }
    RichMessaging *richMessaging() const { return m_rich; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    QAction *addShortcutAction(const QKeySequence &shortcut, void (MainWindow::*slot)());

    void handleSignedIn();
    void handleSignInFailed(const QString &errorCode, int retryAfterSeconds);
    void handleConversationOpened(qint64 id);
    void handleCommandFailed(qint64 conversationId, const QString &errorCode,
                             const QString &metaTitle);
    void handleMessageFailed(qint64 conversationId, qint64 messageId, int metaCode,
                             const QString &metaTitle);
    void handleSendRequested(const QString &text, const QString &replyToWamid);
    void handleCurrentUserChanged();
    void handleConversationsLoaded();
    void markReadIfActive();
    void updateActions();

    void approveDraft();
    void editDraft();
    void regenerateDraft();
    void discardDraft();
    void takeOver();
    void handBack();
    void resolve();
    void assign();
    void replyToSelected();
    void focusSearch();
    void focusComposer();
    void nextChat();
    void previousChat();
    void escape();
    void signOut();

    App::ConsoleController *m_controller;
    ConsoleSettings *m_settings;
    LanguageSwitcher *m_language;

    ConversationListPanel *m_list;
    ConversationHeader *m_header;
    MessageBar *m_messageBar;
    ConversationView *m_view;
    DraftPanel *m_draft;
    ComposerPanel *m_composer;
    ConnectionIndicator *m_connection;
    QLabel *m_userLabel;
    SignInDialog *m_signIn;
    TrayNotifier *m_tray;
    RichMessaging *m_rich;
    qint64 m_current = 0;
    bool m_filterChosen = false;

    QMenu *m_consoleMenu = nullptr;
    QMenu *m_chatMenu = nullptr;
    QMenu *m_draftMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_settingsAction = nullptr;
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
    QAction *m_approveAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_regenerateAction = nullptr;
    QAction *m_discardAction = nullptr;
    QAction *m_escapeAction = nullptr;
    QList<QAction *> m_filterActions;
};

} // namespace Serambi::Ui
