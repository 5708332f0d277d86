#include "labelchips.h"

#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace Serambi::Ui {

namespace LabelChips {

namespace {
constexpr qreal Padding = 12;
constexpr qreal Gap = 4;

QString nameOf(const QVariant &chip)
{
    return chip.toMap().value(QStringLiteral("name")).toString();
}

QColor colorOf(const QVariant &chip)
{
    return QColor(chip.toMap().value(QStringLiteral("color")).toString());
}

qreal paintOne(QPainter *painter, const QFontMetricsF &metrics, const QString &text,
               const QColor &fill, qreal left, const QRectF &row)
{
    const qreal width = metrics.horizontalAdvance(text) + Padding;
    const qreal height = metrics.height() + 2;
    const QRectF chip(left, row.center().y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, 4, 4);
    painter->setPen(inkOn(fill));
    painter->drawText(chip, Qt::AlignCenter, text);
    return chip.right();
}
} // namespace

QColor inkOn(const QColor &fill)
{
    // Relative luminance, roughly: light fills get black text.
    const qreal luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

qreal paint(QPainter *painter, const QFont &font, const QVariantList &chips, const QRectF &row)
{
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    qreal x = row.left();
    for (qsizetype i = 0; i < chips.size(); ++i) {
        const QString text = nameOf(chips.at(i));
        const qreal width = metrics.horizontalAdvance(text) + Padding;
        const bool last = i == chips.size() - 1;
        const QString more = QStringLiteral("+%1").arg(chips.size() - i);
        const qreal moreWidth = last ? 0 : metrics.horizontalAdvance(more) + Padding + Gap;
        if (x + width + moreWidth > row.right()) {
            if (x + metrics.horizontalAdvance(more) + Padding <= row.right())
                x = paintOne(painter, metrics, more, QColor(Qt::gray), x, row) + Gap;
            break;
        }
        x = paintOne(painter, metrics, text, colorOf(chips.at(i)), x, row) + Gap;
    }
    return x > row.left() ? x - Gap : row.left();
}

QString names(const QVariantList &chips)
{
    QStringList list;
    for (const QVariant &chip : chips)
        list.append(nameOf(chip));
    return list.join(QStringLiteral(", "));
}

} // namespace LabelChips

LabelChipRow::LabelChipRow(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("labelChipRow"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch();
    setVisible(false);
}

void LabelChipRow::setChips(const QVariantList &chips)
{
    if (chips == m_chips)
        return;
    m_chips = chips;
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    for (qsizetype i = 0; i < chips.size(); ++i) {
        const QVariantMap chip = chips.at(i).toMap();
        const QColor fill(chip.value(QStringLiteral("color")).toString());
        auto *label = new QLabel(chip.value(QStringLiteral("name")).toString(), this);
        label->setObjectName(QStringLiteral("labelChip"));
        label->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; "
                                            "border-radius: 4px; padding: 1px 6px; }")
                                 .arg(fill.name(), LabelChips::inkOn(fill).name()));
        m_layout->insertWidget(int(i), label);
    }
    setAccessibleName(LabelChips::names(chips));
    setVisible(!chips.isEmpty());
}

} // namespace Serambi::Ui
