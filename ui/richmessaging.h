#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QPoint;

namespace Serambi::Protocol {
struct ChannelPayload;
}

namespace Serambi::App {
class CannedResponses;
class MediaUploader;
class MessageTemplates;
class OpenConversation;
class Session;
} // namespace Serambi::App

namespace Serambi::Ui {

class CannedPopup;
class ComposerPanel;
class ConversationView;
class DraftPanel;
class InteractiveBuilder;
class TemplatePicker;

// Everything beyond text the agent sends from the open chat, for the ChatPane that owns the
// widgets: files (attach, paste, drop; upload with progress and cancel), buttons and lists
// (also from a draft that offers choices), templates, saved replies after "/", reactions and
// the context menu of a message. The rules (is the window open, is a chat open) are the
// OpenConversation's.
class RichMessaging : public QObject
{
    Q_OBJECT

public:
    RichMessaging(App::OpenConversation *chat, App::Session *session, App::CannedResponses *canned,
                  App::MessageTemplates *templates, App::MediaUploader *uploader,
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

    static QStringList reactionEmojis();

Q_SIGNALS:
    void replyRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    // The open chat's channel as the relay listed it; everything allowed when it did not.
    Protocol::ChannelPayload channelOfChat() const;
    // Enables what the open chat's channel can carry and says why the rest is off.
    void refreshCapabilities();
    void sendMedia(const QString &replyToWamid);
    void handleUploaded(const QString &key, const QString &kind);
    void handleUploadFailed(const QString &errorCode);
    void showContextMenu(const QPoint &position);
    void fillReactionMenu(QMenu *menu);
    qint64 selectedCustomerMessage() const;
    InteractiveBuilder *newBuilder(qint64 draftId);

    App::OpenConversation *m_chat;
    App::Session *m_session;
    App::CannedResponses *m_cannedResponses;
    App::MessageTemplates *m_templates;
    App::MediaUploader *m_uploader;
    ComposerPanel *m_composer;
    ConversationView *m_view;
    // The view's viewport, kept to recognise its events: while the chat pane is destroyed the
    // viewport still sends events after the view has stopped being a scroll area.
    QWidget *m_viewport;
    QWidget *m_window;
    CannedPopup *m_canned;
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
