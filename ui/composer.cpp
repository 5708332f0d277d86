#include "composer.h"

#include <QKeyEvent>
#include <QMimeData>

namespace Serambi::Ui {

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setTabChangesFocus(true);
}

bool Composer::event(QEvent *event)
{
    // Ctrl+Enter is also the window's "approve draft" shortcut. When Ctrl+Enter is the send key
    // and there is text to send, the composer keeps the key for itself.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isSendKey(key) && !toPlainText().trimmed().isEmpty()) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    if (isSendKey(event)) {
        Q_EMIT sendRequested(); // the panel decides: text, an attachment, or nothing

        event->accept();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers() == Qt::ShiftModifier &&
        m_sendKey == ConsoleSettings::SendKey::Enter) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return Attachment::canTake(source) || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    if (Attachment::canTake(source)) {
        Q_EMIT attachmentOffered(Attachment::fromMimeData(source));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

bool Composer::isSendKey(const QKeyEvent *event) const
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter)
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (m_sendKey == ConsoleSettings::SendKey::Enter)
        return modifiers == Qt::NoModifier;
    return modifiers == Qt::ControlModifier;
}

} // namespace Serambi::Ui
