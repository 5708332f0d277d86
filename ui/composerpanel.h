#pragma once

#include "consolesettings.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace Serambi::Ui {

class Composer;

// The composer with its send button and, when replying to a message, a bar quoting it.
class ComposerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComposerPanel(QWidget *parent = nullptr);

    Composer *editor() const { return m_editor; }
    QString text() const;
    void setText(const QString &text);
    void setSendKey(ConsoleSettings::SendKey key);

    void setReplyTo(const QString &wamid, const QString &quotedText);
    // False when there was no reply to cancel.
    bool cancelReply();
    QString replyToWamid() const { return m_replyWamid; }

Q_SIGNALS:
    void sendRequested(const QString &text, const QString &replyToWamid);
    void textEdited(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void handleSend();

    QWidget *m_replyBar;
    QLabel *m_replyText;
    QToolButton *m_replyCancel;
    Composer *m_editor;
    QPushButton *m_send;
    QString m_replyWamid;
    QString m_replyQuote;
    bool m_settingText = false;
};

} // namespace Serambi::Ui
