#include "composerpanel.h"

#include "attachmentstrip.h"
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
    , m_attachments(new AttachmentStrip(this))
    , m_closedBar(new QWidget(this))
    , m_closedText(new QLabel(m_closedBar))
    , m_closedTemplate(new QPushButton(m_closedBar))
    , m_editor(new Composer(this))
    , m_attach(new QToolButton(this))
    , m_interactive(new QToolButton(this))
    , m_template(new QToolButton(this))
    , m_send(new QPushButton(this))
{
    setObjectName(QStringLiteral("composerPanel"));
    m_replyBar->setObjectName(QStringLiteral("replyBar"));
    m_replyText->setObjectName(QStringLiteral("replyText"));
    m_replyCancel->setObjectName(QStringLiteral("replyCancelButton"));
    m_replyCancel->setAutoRaise(true);
    m_replyCancel->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_closedBar->setObjectName(QStringLiteral("windowClosedBar"));
    m_closedText->setObjectName(QStringLiteral("windowClosedLabel"));
    m_closedText->setWordWrap(true);
    m_closedTemplate->setObjectName(QStringLiteral("chooseTemplateButton"));
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_interactive->setObjectName(QStringLiteral("interactiveButton"));
    m_template->setObjectName(QStringLiteral("templateButton"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    for (QToolButton *tool : {m_attach, m_interactive, m_template}) {
        tool->setAutoRaise(true);
        tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    // Three lines tall: room to write, while the conversation keeps the height.
    m_editor->setFixedHeight(QFontMetrics(m_editor->font()).lineSpacing() * 3 +
                             2 * m_editor->frameWidth() + 8);

    auto *replyLayout = new QHBoxLayout(m_replyBar);
    replyLayout->setContentsMargins(4, 0, 0, 0);
    replyLayout->addWidget(m_replyText, 1);
    replyLayout->addWidget(m_replyCancel);
    m_replyBar->hide();

    auto *closedLayout = new QHBoxLayout(m_closedBar);
    closedLayout->setContentsMargins(4, 4, 0, 4);
    closedLayout->addWidget(m_closedText, 1);
    closedLayout->addWidget(m_closedTemplate);
    m_closedBar->hide();

    auto *toolRow = new QWidget(this);
    toolRow->setObjectName(QStringLiteral("composerTools"));
    auto *tools = new QHBoxLayout(toolRow);
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(0);
    tools->addWidget(m_attach);
    tools->addWidget(m_interactive);
    tools->addWidget(m_template);
    tools->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(2);
    layout->addWidget(m_replyBar);
    layout->addWidget(m_attachments);
    layout->addWidget(m_closedBar);
    layout->addWidget(toolRow);
    layout->addLayout(row);

    connect(m_editor, &Composer::sendRequested, this, &ComposerPanel::handleSend);
    connect(m_editor, &Composer::attachmentOffered, this, &ComposerPanel::setAttachment);
    connect(m_send, &QPushButton::clicked, this, &ComposerPanel::handleSend);
    connect(m_replyCancel, &QToolButton::clicked, this, &ComposerPanel::cancelReply);
    connect(m_attach, &QToolButton::clicked, this, &ComposerPanel::attachRequested);
    connect(m_interactive, &QToolButton::clicked, this, &ComposerPanel::interactiveRequested);
    connect(m_template, &QToolButton::clicked, this, &ComposerPanel::templateRequested);
    connect(m_closedTemplate, &QPushButton::clicked, this, &ComposerPanel::templateRequested);
    connect(m_attachments, &AttachmentStrip::removeRequested, m_attachments,
            &AttachmentStrip::clear);
    connect(m_attachments, &AttachmentStrip::changed, this, &ComposerPanel::updateSendButton);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateSendButton();
        if (!m_settingText)
            Q_EMIT textEdited(m_editor->toPlainText());
    });
    updateSendButton();
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

void ComposerPanel::setAttachment(const Attachment &attachment)
{
    if (m_attachments->isUploading())
        return;
    m_attachments->setAttachment(attachment);
}

void ComposerPanel::setWindowClosed(bool closed)
{
    m_windowClosed = closed;
    m_closedBar->setVisible(closed);
    // The Template button stays reachable through the closed bar's "Choose a template…".
    for (QWidget *free : {static_cast<QWidget *>(m_editor), m_attach->parentWidget(),
                          static_cast<QWidget *>(m_send)})
        free->setVisible(!closed);
    if (closed && !m_attachments->isUploading())
        m_attachments->clear();
    updateSendButton();
}

void ComposerPanel::setChannelRefusals(const QString &attach, const QString &interactive,
                                       const QString &templates)
{
    m_attachRefusal = attach;
    m_interactiveRefusal = interactive;
    m_templateRefusal = templates;
    applyRefusals();
}

void ComposerPanel::applyRefusals()
{
    const struct
    {
        QToolButton *button;
        const QString &refusal;
        QString tooltip;
    } tools[] = {
        {m_attach, m_attachRefusal,
         tr("Attach a file (Ctrl+Shift+U); you can also paste or drop one")},
        {m_interactive, m_interactiveRefusal,
         tr("Send quick-reply buttons or a list (Ctrl+Shift+B)")},
        {m_template, m_templateRefusal, tr("Send an approved template (Ctrl+Shift+T)")},
    };
    for (const auto &tool : tools) {
        tool.button->setEnabled(tool.refusal.isEmpty());
        tool.button->setToolTip(tool.refusal.isEmpty() ? tool.tooltip : tool.refusal);
    }
    m_closedTemplate->setEnabled(m_templateRefusal.isEmpty());
    m_closedTemplate->setToolTip(m_templateRefusal);
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
    m_editor->setPlaceholderText(
        enterSends ? tr("Write a reply — Enter sends, Shift+Enter for a new line, / for saved "
                        "replies")
                   : tr("Write a reply — Ctrl+Enter sends, / for saved replies"));
    m_editor->setAccessibleName(tr("Reply"));
    m_send->setText(tr("Send"));
    m_send->setToolTip(enterSends ? tr("Send (Enter)") : tr("Send (Ctrl+Enter)"));
    m_replyCancel->setToolTip(tr("Do not quote (Esc)"));
    m_replyCancel->setAccessibleName(tr("Cancel the reply"));
    m_attach->setText(tr("Attach"));
    m_attach->setAccessibleName(tr("Attach a file"));
    m_interactive->setText(tr("Buttons"));
    m_template->setText(tr("Template"));
    m_closedText->setText(tr("More than 24 hours since the customer last wrote: WhatsApp only "
                             "allows an approved template."));
    m_closedTemplate->setText(tr("Choose a template…"));
    const QFontMetrics metrics(m_replyText->font());
    m_replyText->setText(
        tr("Replying to: %1").arg(metrics.elidedText(m_replyQuote, Qt::ElideRight, 400)));
    applyRefusals();
}

void ComposerPanel::updateSendButton()
{
    m_send->setEnabled(!m_windowClosed && !m_attachments->isUploading() &&
                       (m_attachments->isReady() || !m_editor->toPlainText().trimmed().isEmpty()));
}

void ComposerPanel::handleSend()
{
    if (m_windowClosed || m_attachments->isUploading())
        return;
    if (m_attachments->isReady()) {
        Q_EMIT mediaSendRequested(m_replyWamid);
        return;
    }
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    Q_EMIT sendRequested(text, m_replyWamid);
}

} // namespace Serambi::Ui
