#pragma once

#include "consolesettings.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace Serambi::Ui {

class Attachment;
class AttachmentStrip;
class Composer;

// The composer with its send button; above it, when replying to a message, a bar quoting it,
// and a file waiting to be sent; beside it, attach, buttons-or-list and template. When the
// 24-hour window has closed the text field gives way to the reason and the template picker.
class ComposerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComposerPanel(QWidget *parent = nullptr);

    Composer *editor() const { return m_editor; }
    AttachmentStrip *attachmentStrip() const { return m_attachments; }
    QString text() const;
    void setText(const QString &text);
    void setSendKey(ConsoleSettings::SendKey key);

    void setReplyTo(const QString &wamid, const QString &quotedText);
    // False when there was no reply to cancel.
    bool cancelReply();
    QString replyToWamid() const { return m_replyWamid; }

    void setAttachment(const Attachment &attachment);
    // Free-form messages are refused outside the 24-hour window: only a template may be sent.
    void setWindowClosed(bool closed);
    bool windowClosed() const { return m_windowClosed; }
    // What the chat's channel cannot carry: each non-empty reason disables its button and says
    // why in its tooltip (attach, buttons or list, template); empty reasons enable them.
    void setChannelRefusals(const QString &attach, const QString &interactive,
                            const QString &templates);

Q_SIGNALS:
    void sendRequested(const QString &text, const QString &replyToWamid);
    // Send with a file waiting: upload it, then send it with the strip's caption.
    void mediaSendRequested(const QString &replyToWamid);
    void textEdited(const QString &text);
    void attachRequested();
    void interactiveRequested();
    void templateRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void handleSend();
    void updateSendButton();
    void applyRefusals();

    QWidget *m_replyBar;
    QLabel *m_replyText;
    QToolButton *m_replyCancel;
    AttachmentStrip *m_attachments;
    QWidget *m_closedBar;
    QLabel *m_closedText;
    QPushButton *m_closedTemplate;
    Composer *m_editor;
    QToolButton *m_attach;
    QToolButton *m_interactive;
    QToolButton *m_template;
    QPushButton *m_send;
    QString m_replyWamid;
    QString m_replyQuote;
    bool m_settingText = false;
    bool m_windowClosed = false;
    QString m_attachRefusal;
    QString m_interactiveRefusal;
    QString m_templateRefusal;
};

} // namespace Serambi::Ui
