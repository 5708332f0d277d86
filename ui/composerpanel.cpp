#include "composerpanel.h"

#include "composer.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Serambi::Ui {

ComposerPanel::ComposerPanel(QWidget *parent)
    : QWidget(parent)
    , m_replyBar(new QWidget(this))
    , m_replyText(new QLabel(m_replyBar))
    , m_replyCancel(new QToolButton(m_replyBar))
    , m_editor(new Composer(this))
    , m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("composerPanel"));
    m_replyBar->setObjectName(QStringLiteral("replyBar"));
    m_replyText->setObjectName(QStringLiteral("replyText"));
    m_replyCancel->setObjectName(QStringLiteral("replyCancelButton"));
    m_replyCancel->setAutoRaise(true);
    m_replyCancel->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_send->setObjectName(QStringLiteral("sendButton"));
    // Three lines tall: room to write, while the conversation keeps the height.
    m_editor->setFixedHeight(QFontMetrics(m_editor->font()).lineSpacing() * 3 +
                             2 * m_editor->frameWidth() + 8);

    auto *replyLayout = new QHBoxLayout(m_replyBar);
    replyLayout->setContentsMargins(4, 0, 0, 0);
    replyLayout->addWidget(m_replyText, 1);
    replyLayout->addWidget(m_replyCancel);
    m_replyBar->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(2);
    layout->addWidget(m_replyBar);
    layout->addLayout(row);

    connect(m_editor, &Composer::sendRequested, this, &ComposerPanel::handleSend);
    connect(m_send, &QPushButton::clicked, this, &ComposerPanel::handleSend);
    connect(m_replyCancel, &QToolButton::clicked, this, &ComposerPanel::cancelReply);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_send->setEnabled(!m_editor->toPlainText().trimmed().isEmpty());
        if (!m_settingText)
            Q_EMIT textEdited(m_editor->toPlainText());
    });
    m_send->setEnabled(false);
    retranslateUi();
}

QString ComposerPanel::text() const
{
    return m_editor->toPlainText();
}

void ComposerPanel::setText(const QString &text)
{
    m_settingText = true;
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
    m_settingText = false;
}

void ComposerPanel::setSendKey(ConsoleSettings::SendKey key)
{
    m_editor->setSendKey(key);
    retranslateUi();
}

void ComposerPanel::setReplyTo(const QString &wamid, const QString &quotedText)
{
    m_replyWamid = wamid;
    m_replyQuote = quotedText.simplified();
    m_replyBar->setVisible(!wamid.isEmpty());
    retranslateUi();
}

bool ComposerPanel::cancelReply()
{
    if (m_replyWamid.isEmpty())
        return false;
    setReplyTo({}, {});
    return true;
}

void ComposerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ComposerPanel::retranslateUi()
{
    const bool enterSends = m_editor->sendKey() == ConsoleSettings::SendKey::Enter;
    m_editor->setPlaceholderText(enterSends
                                     ? tr("Write a reply — Enter sends, Shift+Enter for a new line")
                                     : tr("Write a reply — Ctrl+Enter sends"));
    m_editor->setAccessibleName(tr("Reply"));
    m_send->setText(tr("Send"));
    m_send->setToolTip(enterSends ? tr("Send (Enter)") : tr("Send (Ctrl+Enter)"));
    m_replyCancel->setToolTip(tr("Do not quote (Esc)"));
    m_replyCancel->setAccessibleName(tr("Cancel the reply"));
    const QFontMetrics metrics(m_replyText->font());
    m_replyText->setText(
        tr("Replying to: %1").arg(metrics.elidedText(m_replyQuote, Qt::ElideRight, 400)));
}

void ComposerPanel::handleSend()
{
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    Q_EMIT sendRequested(text, m_replyWamid);
}

} // namespace Serambi::Ui
