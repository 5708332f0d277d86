#include "conversationdelegate.h"

#include "app/conversationlistmodel.h"
#include "chattext.h"
#include "glyphs.h"
#include "labelchips.h"
#include "themecolors.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace Serambi::Ui {

namespace {

using Model = App::ConversationListModel;

Protocol::ConversationState stateOf(const QModelIndex &index)
{
    auto state = Protocol::ConversationState::Bot;
    Protocol::conversationStateFromName(index.data(Model::StateRole).toString(), &state);
    return state;
}

constexpr int Margin = 10;
constexpr int LineGap = 3;

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.86);
    return font;
}

// A rounded label right-aligned at rightEdge on baseline row rect; returns its left edge.
qreal paintChip(QPainter *painter, const QFont &font, const QString &text, qreal rightEdge,
                const QRectF &row, const QColor &fill, const QColor &ink)
{
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(text) + 12;
    const qreal height = metrics.height() + 2;
    const QRectF chip(rightEdge - width, row.center().y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, height / 2, height / 2);
    painter->setPen(ink);
    painter->setFont(font);
    painter->drawText(chip, Qt::AlignCenter, text);
    return chip.left();
}

// What the kind summary says (it carries its own icon), else the text or the kind's label.
QString kindSummary(const QModelIndex &index)
{
    return ChatText::kindSummary(index.data(Model::PreviewMessageRole).value<App::Message>());
}

QString previewText(const QModelIndex &index)
{
    const QString type = index.data(Model::PreviewTypeRole).toString();
    QString text = kindSummary(index);
    if (text.isEmpty())
        text = index.data(Model::PreviewRole).toString().simplified();
    if (text.isEmpty())
        text = ChatText::typeLabel(type);
    if (index.data(Model::PreviewDirectionRole).toString() == QLatin1String("out"))
        text = ChatText::tr("You: %1").arg(text);
    return text;
}

} // namespace

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics normal(option.font);
    const QFontMetrics small(smallFont(option.font));
    return {200, 2 * Margin + 2 * normal.height() + 2 * small.height() + 3 * LineGap + 4};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor ink = palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? ink : ThemeColors::mutedText(palette);

    const QDateTime now = QDateTime::currentDateTime();
    const QFont normalFont = option.font;
    QFont boldFont = normalFont;
    boldFont.setBold(true);
    const QFont small = smallFont(normalFont);
    const QFontMetricsF normalMetrics(normalFont);
    const QFontMetricsF smallMetrics(small);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(option.rect).adjusted(Margin, Margin, -Margin, -Margin);
    qreal y = area.top();
    const QRectF line1(area.left(), y, area.width(), normalMetrics.height());
    y += line1.height() + LineGap;
    const QRectF line2(area.left(), y, area.width(), smallMetrics.height());
    y += line2.height() + LineGap;
    const QRectF line3(area.left(), y, area.width(), normalMetrics.height());
    y += line3.height() + LineGap;
    const QRectF line4(area.left(), y, area.width(), smallMetrics.height());

    // Line 1: name … time.
    const int unread = index.data(Model::UnreadRole).toInt();
    const QString time = ChatText::listTime(index.data(Model::LastMessageAtRole).toDateTime(), now);
    painter->setFont(small);
    painter->setPen(unread > 0 && !selected ? ThemeColors::positive(palette) : muted);
    const qreal timeWidth = smallMetrics.horizontalAdvance(time);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);
    painter->setFont(boldFont);
    painter->setPen(ink);
    const QString name = index.data(Model::NameRole).toString();
    painter->drawText(
        line1.adjusted(0, 0, -timeWidth - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(boldFont).elidedText(name, Qt::ElideRight, line1.width() - timeWidth - 8));

    // Line 2: number … state chip.
    const Protocol::ConversationState state = stateOf(index);
    const bool mine = index.data(Model::IsMineRole).toBool();
    QColor tone = ThemeColors::mutedText(palette);
    if (state == Protocol::ConversationState::Queued)
        tone = ThemeColors::warning(palette);
    else if (state == Protocol::ConversationState::Bot)
        tone = ThemeColors::positive(palette);
    else if (state == Protocol::ConversationState::Assigned)
        tone = mine ? ThemeColors::accent(palette) : ThemeColors::mutedText(palette);
    const QString chipText =
        ChatText::stateChip(state, mine, index.data(Model::AssigneeRole).toString());
    const qreal chipLeft =
        paintChip(painter, small, chipText, line2.right(), line2,
                  ThemeColors::chipFill(palette, tone), ThemeColors::chipText(palette, tone));
    // The number, then the chat's labels in the room left before the state chip.
    painter->setFont(small);
    painter->setPen(muted);
    const QVariantList labels = index.data(Model::LabelsRole).toList();
    const QString phone = index.data(Model::PhoneRole).toString();
    const qreal room = chipLeft - line2.left() - 8;
    const qreal phoneWidth =
        qMin(smallMetrics.horizontalAdvance(phone), labels.isEmpty() ? room : room * 0.5);
    const QRectF phoneRect(line2.left(), line2.top(), phoneWidth, line2.height());
    painter->drawText(phoneRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(phone, Qt::ElideRight, phoneRect.width()));
    if (!labels.isEmpty())
        LabelChips::paint(painter, small, labels,
                          QRectF(phoneRect.right() + 8, line2.top(),
                                 chipLeft - 8 - phoneRect.right() - 8, line2.height()));

    // Line 3: kind icon + preview … unread badge.
    qreal previewRight = line3.right();
    if (unread > 0) {
        QFont badgeFont = small;
        badgeFont.setBold(true);
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const qreal height = smallMetrics.height() + 2;
        const qreal width = qMax(height, QFontMetricsF(badgeFont).horizontalAdvance(count) + 10);
        const QRectF badge(line3.right() - width, line3.center().y() - height / 2, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? ink : ThemeColors::positive(palette));
        painter->drawRoundedRect(badge, height / 2, height / 2);
        painter->setPen(selected ? palette.color(group, QPalette::Highlight)
                                 : palette.color(QPalette::Base));
        painter->setFont(badgeFont);
        painter->drawText(badge, Qt::AlignCenter, count);
        previewRight = badge.left() - 8;
    }
    qreal previewLeft = line3.left();
    const QString type = index.data(Model::PreviewTypeRole).toString();
    if (Glyphs::hasTypeGlyph(type) && kindSummary(index).isEmpty()) {
        const qreal size = normalMetrics.height() * 0.9;
        Glyphs::paintMessageType(
            painter, QRectF(previewLeft, line3.center().y() - size / 2, size, size), type, muted);
        previewLeft += size + 4;
    }
    painter->setFont(normalFont);
    painter->setPen(unread > 0 ? ink : muted);
    const QRectF previewRect(previewLeft, line3.top(), previewRight - previewLeft, line3.height());
    painter->drawText(
        previewRect, Qt::AlignLeft | Qt::AlignVCenter,
        normalMetrics.elidedText(previewText(index), Qt::ElideRight, previewRect.width()));

    // Line 4: draft ready · waiting · window.
    qreal x = line4.left();
    painter->setFont(small);
    if (index.data(Model::DraftReadyRole).toBool()) {
        QFont bold = small;
        bold.setBold(true);
        const QString text = tr("Draft ready");
        const QFontMetricsF boldMetrics(bold);
        const qreal width = boldMetrics.horizontalAdvance(text) + 12;
        const QRectF chip(x, line4.center().y() - (boldMetrics.height() + 2) / 2, width,
                          boldMetrics.height() + 2);
        const QColor accent = ThemeColors::accent(palette);
        painter->setPen(QPen(selected ? ink : accent, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2,
                                 chip.height() / 2);
        painter->setFont(bold);
        painter->drawText(chip, Qt::AlignCenter, text);
        painter->setFont(small);
        x = chip.right() + 8;
    }
    const QDateTime waitingSince = index.data(Model::WaitingSinceRole).toDateTime();
    if (waitingSince.isValid() && state != Protocol::ConversationState::Resolved) {
        const qint64 waited = waitingSince.secsTo(now);
        painter->setPen(waited >= 15 * 60 && !selected ? ThemeColors::negative(palette) : muted);
        const QString text = ChatText::waitingFor(waited);
        painter->drawText(QRectF(x, line4.top(), line4.right() - x, line4.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        x += smallMetrics.horizontalAdvance(text) + 12;
    }
    const QDateTime windowCloses = index.data(Model::WindowClosesAtRole).toDateTime();
    if (windowCloses.isValid() && state != Protocol::ConversationState::Resolved) {
        const qint64 left = now.secsTo(windowCloses);
        painter->setPen(left < 2 * 3600 && !selected ? ThemeColors::warning(palette) : muted);
        painter->drawText(line4, Qt::AlignRight | Qt::AlignVCenter, ChatText::windowLeft(left));
    }

    // A hairline between rows.
    painter->setPen(QPen(
        ThemeColors::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.1), 1));
    painter->drawLine(QPointF(option.rect.left() + Margin, option.rect.bottom() + 0.5),
                      QPointF(option.rect.right() - Margin, option.rect.bottom() + 0.5));
    painter->restore();
}

QString ConversationDelegate::summary(const QModelIndex &index)
{
    QStringList parts{index.data(Model::NameRole).toString(),
                      ChatText::stateChip(stateOf(index), index.data(Model::IsMineRole).toBool(),
                                          index.data(Model::AssigneeRole).toString()),
                      previewText(index)};
    const int unread = index.data(Model::UnreadRole).toInt();
    if (unread > 0)
        parts.append(tr("%n unread", nullptr, unread));
    if (index.data(Model::DraftReadyRole).toBool())
        parts.append(tr("Draft ready"));
    const QVariantList labels = index.data(Model::LabelsRole).toList();
    if (!labels.isEmpty())
        parts.append(tr("Labels: %1").arg(LabelChips::names(labels)));
    return parts.join(QStringLiteral(", "));
}

bool ConversationDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(), summary(index), view);
    return true;
}

} // namespace Serambi::Ui
