#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QMenu;
class QPoint;

namespace Serambi::App {
class ConsoleController;
}

namespace Serambi::Ui {

class CannedPopup;
class ComposerPanel;
class ConsoleSettings;
class ConversationView;
class DraftPanel;
class InteractiveBuilder;
class TemplatePicker;

// Everything beyond text the agent sends from the open chat, wired between the controller and
// the chat's widgets: files (attach, paste, drop; upload with progress and cancel), buttons and
// lists (also from a draft that offers choices), templates (and the composer's switch to them
// when the 24-hour window has closed), saved replies after "/", reactions and the context
// menu of a message, and the typing indicator.
class RichMessaging : public QObject
{
    Q_OBJECT

public:
    RichMessaging(App::ConsoleController *controller, ConsoleSettings *settings,
                  ComposerPanel *composer, ConversationView *view, DraftPanel *draft,
                  QWidget *window);

    // The actions for the main window's Message menu, with their shortcuts.
    QList<QAction *> actions() const;
    QAction *cannedAction() const { return m_cannedAction; }

    void attachFile();
    // Open non-modal dialogs (deleted when closed); the send happens when they are accepted.
    InteractiveBuilder *openInteractiveBuilder();
    InteractiveBuilder *openBuilderFromDraft();
    TemplatePicker *openTemplatePicker();
    void openCannedManager();
    // Reacts to the selected customer message; an empty emoji removes the reaction. False when
    // no customer message is selected.
    bool react(const QString &emoji);
    // The emoji menu for the selected message (Ctrl+Shift+M), at the message.
    void showReactionMenu();
    // The composer follows the open chat's 24-hour window.
    void refreshWindow();

    static QStringList reactionEmojis();

Q_SIGNALS:
    void replyRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void sendMedia(const QString &replyToWamid);
    void handleUploaded(const QString &key, const QString &kind);
    void handleUploadFailed(const QString &errorCode);
    void showContextMenu(const QPoint &position);
    void fillReactionMenu(QMenu *menu);
    qint64 selectedCustomerMessage() const;
    InteractiveBuilder *newBuilder(qint64 draftId);

    App::ConsoleController *m_controller;
    ConsoleSettings *m_settings;
    ComposerPanel *m_composer;
    ConversationView *m_view;
    DraftPanel *m_draftPanel;
    QWidget *m_window;
    CannedPopup *m_canned;
    QTimer m_windowClock;
    bool m_uploading = false; // the uploader works for the composer
    QString m_uploadReplyTo;
    qint64 m_uploadConversation = 0;

    QAction *m_attachAction;
    QAction *m_interactiveAction;
    QAction *m_templateAction;
    QAction *m_reactAction;
    QAction *m_cannedAction;
};

} // namespace Serambi::Ui
