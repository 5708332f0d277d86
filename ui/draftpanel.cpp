#include "draftpanel.h"

#include "draftchoices.h"
#include "themecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Serambi::Ui {

DraftPanel::DraftPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_fallback(new QLabel(this))
    , m_text(new QLabel(this))
    , m_approve(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_regenerate(new QPushButton(this))
    , m_discard(new QPushButton(this))
    , m_choices(new QPushButton(this))
{
    setObjectName(QStringLiteral("draftPanel"));
    m_title->setObjectName(QStringLiteral("draftTitleLabel"));
    m_meta->setObjectName(QStringLiteral("draftMetaLabel"));
    m_fallback->setObjectName(QStringLiteral("draftFallbackLabel"));
    m_fallback->setWordWrap(true);
    m_fallback->setTextFormat(Qt::PlainText);
    m_text->setObjectName(QStringLiteral("draftText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_edit->setObjectName(QStringLiteral("editDraftButton"));
    m_regenerate->setObjectName(QStringLiteral("regenerateButton"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_choices->setObjectName(QStringLiteral("draftChoicesButton"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta->setTextFormat(Qt::PlainText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_meta);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_regenerate);
    buttons->addWidget(m_choices);
    buttons->addStretch();
    buttons->addWidget(m_discard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addLayout(top);
    layout->addWidget(m_fallback);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &DraftPanel::approveRequested);
    connect(m_edit, &QPushButton::clicked, this, &DraftPanel::editRequested);
    connect(m_regenerate, &QPushButton::clicked, this, &DraftPanel::regenerateRequested);
    connect(m_discard, &QPushButton::clicked, this, &DraftPanel::discardRequested);
    connect(m_choices, &QPushButton::clicked, this, &DraftPanel::interactiveRequested);

    applyColors();
    retranslateUi();
    hide();
}

void DraftPanel::setDraft(const std::optional<App::Draft> &draft, bool canApprove, bool canEdit)
{
    m_draft = draft;
    m_canApprove = canApprove;
    m_canEdit = canEdit;
    refresh();
}

void DraftPanel::setWindowClosed(bool closed)
{
    if (m_windowClosed == closed)
        return;
    m_windowClosed = closed;
    retranslateUi();
}

void DraftPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        applyColors();
    QFrame::changeEvent(event);
}

void DraftPanel::retranslateUi()
{
    setAccessibleName(tr("AI draft"));
    m_approve->setText(tr("Approve and send"));
    m_approve->setToolTip(m_windowClosed
                              ? tr("More than 24 hours since the customer last wrote: only an "
                                   "approved template can be sent")
                              : tr("Send the draft and go to the next chat that needs you "
                                   "(Ctrl+Enter)"));
    m_edit->setText(tr("Edit"));
    m_edit->setToolTip(tr("Move the draft into the composer to change it (Ctrl+E)"));
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setToolTip(tr("Ask the AI for a new draft (Ctrl+Shift+R)"));
    m_discard->setText(tr("Discard"));
    m_discard->setToolTip(tr("Throw the draft away (Ctrl+Shift+D)"));
    m_choices->setText(tr("Buttons or list…"));
    m_choices->setToolTip(tr("Offer the draft's choices as buttons or a list"));
    refresh();
}

void DraftPanel::refresh()
{
    setVisible(m_draft.has_value());
    if (!m_draft)
        return;
    const App::Draft &draft = *m_draft;
    m_title->setText(draft.streaming ? tr("AI draft (writing…)") : tr("AI draft"));
    QStringList meta;
    meta.append(tr("Confidence %1%").arg(qRound(draft.confidence * 100)));
    if (!draft.sources.isEmpty())
        meta.append(tr("Sources: %1").arg(draft.sources.join(QStringLiteral(", "))));
    if (draft.handoff)
        meta.append(tr("The AI suggests a person answers"));
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    m_fallback->setText(tr("Written by the offline assistant: the AI service did not answer"));
    m_fallback->setVisible(draft.fallback);
    m_text->setText(draft.text);
    m_text->setAccessibleName(tr("Draft text"));
    m_approve->setEnabled(m_canApprove);
    m_edit->setEnabled(m_canEdit);
    m_choices->setVisible(!draft.streaming && !DraftChoices::parse(draft.text).isEmpty());
    m_choices->setEnabled(!m_windowClosed);
}

void DraftPanel::applyColors()
{
    QPalette own = palette();
    own.setColor(QPalette::Window, ThemeColors::aiBubble(own));
    if (own != palette())
        setPalette(own);
}

} // namespace Serambi::Ui
