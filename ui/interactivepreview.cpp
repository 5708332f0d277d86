#include "interactivepreview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLayoutItem>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {
// The phone's colours, not the console's theme: the preview shows what the customer sees.
const char PaneStyle[] = "#interactivePreview { background: #efeae2; border-radius: 6px; }"
                         "QLabel { color: #111b21; background: transparent; }";
const char BubbleStyle[] = "background: #ffffff; border-radius: 8px;";
const char ButtonStyle[] = "background: #ffffff; border-radius: 8px; color: #027eb5; "
                           "padding: 6px;";
const char SheetStyle[] = "background: #ffffff; padding: 2px 8px;";
} // namespace

InteractivePreview::InteractivePreview(QWidget *parent)
    : QFrame(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("interactivePreview"));
    setStyleSheet(QLatin1String(PaneStyle));
    setMinimumWidth(260);
    m_layout->setContentsMargins(12, 12, 40, 12);
    m_layout->setSpacing(3);
    m_layout->addStretch();
}

void InteractivePreview::clear()
{
    while (m_layout->count() > 0) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
}

QWidget *InteractivePreview::addBubble(const QString &header, const QString &body,
                                       const QString &footer)
{
    auto *bubble = new QFrame(this);
    bubble->setObjectName(QStringLiteral("previewBubble"));
    bubble->setStyleSheet(QLatin1String(BubbleStyle));
    auto *layout = new QVBoxLayout(bubble);
    layout->setContentsMargins(9, 6, 9, 6);
    layout->setSpacing(4);
    const auto add = [&](const QString &text, const QString &name, bool bold, bool muted) {
        if (text.trimmed().isEmpty())
            return;
        auto *label = new QLabel(text, bubble);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        QFont font = label->font();
        font.setBold(bold);
        if (muted)
            font.setPointSizeF(font.pointSizeF() * 0.85);
        label->setFont(font);
        if (muted)
            label->setStyleSheet(QStringLiteral("color: #667781;"));
        layout->addWidget(label);
    };
    add(header, QStringLiteral("previewHeader"), true, false);
    add(body, QStringLiteral("previewBody"), false, false);
    add(footer, QStringLiteral("previewFooter"), false, true);
    m_layout->addWidget(bubble);
    return bubble;
}

void InteractivePreview::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QLabel(text, this);
    button->setObjectName(objectName);
    button->setTextFormat(Qt::PlainText);
    button->setAlignment(Qt::AlignCenter);
    button->setStyleSheet(QLatin1String(ButtonStyle));
    m_layout->addWidget(button);
}

void InteractivePreview::addSheetLine(const QString &text, bool heading, const QString &description)
{
    auto *label = new QLabel(this);
    label->setObjectName(heading ? QStringLiteral("previewSection") : QStringLiteral("previewRow"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setText(description.isEmpty() ? text : text + QLatin1Char('\n') + description);
    label->setStyleSheet(QLatin1String(SheetStyle) +
                         (heading ? QStringLiteral("color: #008069;") : QString()));
    if (heading) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
    }
    m_layout->addWidget(label);
}

void InteractivePreview::showInteractive(const QJsonObject &interactive)
{
    clear();
    const QString header = interactive.value(QLatin1String("header"))
                               .toObject()
                               .value(QLatin1String("text"))
                               .toString();
    const QString body =
        interactive.value(QLatin1String("body")).toObject().value(QLatin1String("text")).toString();
    const QString footer = interactive.value(QLatin1String("footer"))
                               .toObject()
                               .value(QLatin1String("text"))
                               .toString();
    addBubble(header, body, footer);
    const QJsonObject action = interactive.value(QLatin1String("action")).toObject();
    if (interactive.value(QLatin1String("type")).toString() == QLatin1String("list")) {
        addButton(QStringLiteral("\u2630 ") + action.value(QLatin1String("button")).toString(),
                  QStringLiteral("previewListButton"));
        const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
        for (const QJsonValue &value : sections) {
            const QJsonObject section = value.toObject();
            addSheetLine(section.value(QLatin1String("title")).toString(), true);
            const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
            for (const QJsonValue &row : rows) {
                addSheetLine(row.toObject().value(QLatin1String("title")).toString(), false,
                             row.toObject().value(QLatin1String("description")).toString());
            }
        }
    } else {
        const QJsonArray buttons = action.value(QLatin1String("buttons")).toArray();
        for (const QJsonValue &value : buttons) {
            addButton(value.toObject()
                          .value(QLatin1String("reply"))
                          .toObject()
                          .value(QLatin1String("title"))
                          .toString(),
                      QStringLiteral("previewButton"));
        }
    }
    m_layout->addStretch();
}

void InteractivePreview::showParts(const QString &header, const QString &body,
                                   const QString &footer, const QStringList &buttons)
{
    clear();
    addBubble(header, body, footer);
    for (const QString &button : buttons)
        addButton(button, QStringLiteral("previewButton"));
    m_layout->addStretch();
}

} // namespace Serambi::Ui
