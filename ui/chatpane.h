#pragma once

#include <QTimer>
#include <QWidget>

namespace Serambi::App {
class ConsoleController;
class Labels;
class ConversationListModel;
class OpenConversation;
class Session;
struct PendingCommand;
} // namespace Serambi::App

namespace Serambi::Ui {

class ComposerPanel;
class ConsoleSettings;
class ConversationHeader;
class ConversationView;
class DraftPanel;
class MessageBar;
class NotesPanel;
class RichMessaging;

// The open chat: its header, the bar for refusals and failed deliveries, the messages, the AI
// draft and the composer, talking to App::OpenConversation. It asks that object every
// question (may this draft be approved, is the window open, what was left unsent) and keeps
// no state of its own about the chat. The main window's menu actions call its slots.
class ChatPane : public QWidget
{
    Q_OBJECT

public:
    ChatPane(App::ConsoleController *console, ConsoleSettings *settings, QWidget *parent = nullptr);

    RichMessaging *richMessaging() const { return m_rich; }
    bool hasConversation() const;
    bool hasDraft() const;

    void approveDraft();
    void editDraft();
    void regenerateDraft();
    void discardDraft();
    void takeOver();
    void handBack();
    void resolve();
    void assign();
    void replyToSelected();
    void focusComposer();
    // Moves to the open chat's internal-note line.
    void focusNote();
    // Hands the open chat to a team or a colleague with a note (Ctrl+Shift+X).
    void transfer();
    // Opens the menu of the open chat's labels (Ctrl+Shift+L).
    void chooseLabels();
    // Puts text into the reply being written, at the cursor.
    void insertIntoComposer(const QString &text);
    // Closes the message bar, else the reply being written; false when there was neither.
    bool escape();
    // Marks the open chat read when the agent can see it.
    void markReadIfActive();

Q_SIGNALS:
    // The chat is done for now (a draft approved, the chat resolved): show the next one.
    void chatHandled();
    // A short hint for the status bar.
    void hintRequested(const QString &text);
    // What the menus offer changed (a chat opened, a draft came or went, the chat changed).
    void stateChanged();
    // A supervisor chose "Manage labels…" in the labels menu.
    void manageLabelsRequested();

private:
    void showConversation(qint64 id);
    void refreshDraft();
    void refreshWindow();
    void send(const QString &text, const QString &replyToWamid);
    void handleTextEdited(const QString &text);
    void handleCommandRefused(const App::PendingCommand &command, const QString &errorCode);
    void handleMessageFailed(qint64 conversationId, qint64 messageId, int metaCode,
                             const QString &metaTitle);

    App::OpenConversation *m_chat;
    App::Session *m_session;
    App::ConversationListModel *m_conversations;
    ConsoleSettings *m_settings;
    ConversationHeader *m_header;
    MessageBar *m_messageBar;
    ConversationView *m_view;
    DraftPanel *m_draft;
    ComposerPanel *m_composer;
    RichMessaging *m_rich;
    NotesPanel *m_notes;
    App::Labels *m_labels;
    QTimer m_windowClock; // the 24-hour window closes while the chat is open
};

} // namespace Serambi::Ui
