#include "messagebar.h"

#include "themecolors.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Serambi::Ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setObjectName(QStringLiteral("messageBarText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("messageBarCloseButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()
                          ->standardIcon(QStyle::SP_MessageBoxWarning)
                          .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close);

    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    retranslateUi();
    applyColors();
    hide();
}

void MessageBar::showMessage(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        applyColors();
    QFrame::changeEvent(event);
}

void MessageBar::retranslateUi()
{
    setAccessibleName(tr("Message from the relay"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAccessibleName(tr("Close the message"));
}

void MessageBar::applyColors()
{
    QPalette own = palette();
    const QColor tone = ThemeColors::negative(own);
    own.setColor(QPalette::Window, ThemeColors::chipFill(own, tone));
    own.setColor(QPalette::WindowText, own.color(QPalette::Text));
    // Setting our own palette raises no PaletteChange loop: the values are already equal.
    if (own != palette())
        setPalette(own);
}

} // namespace Serambi::Ui
