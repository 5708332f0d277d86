#pragma once

#include "attachment.h"
#include "consolesettings.h"

#include <QPlainTextEdit>

namespace Serambi::Ui {

// The text field agents type replies in. With SendKey::Enter, Enter sends and Shift+Enter
// breaks the line; with SendKey::CtrlEnter, Ctrl+Enter sends and Enter breaks the line.
class Composer : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    void setSendKey(ConsoleSettings::SendKey key) { m_sendKey = key; }
    ConsoleSettings::SendKey sendKey() const { return m_sendKey; }

Q_SIGNALS:
    void sendRequested();
    void attachmentOffered(const Serambi::Ui::Attachment &attachment);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    bool isSendKey(const QKeyEvent *event) const;

    ConsoleSettings::SendKey m_sendKey = ConsoleSettings::SendKey::Enter;
};

} // namespace Serambi::Ui
