#pragma once

#include <QColor>
#include <QVariantList>
#include <QWidget>

class QHBoxLayout;
class QPainter;
class QRectF;

namespace Serambi::Ui {

// A chat's labels as coloured chips: painted in a chat-list row, or as a row of widgets in the
// chat header. Chips come from ConversationListModel::LabelsRole ({"name", "color"}, by name).
namespace LabelChips {

// Black or white, whichever reads better on fill.
QColor inkOn(const QColor &fill);
// Paints chips from left to the right within row, as many as fit; a "+n" chip says how many
// did not. Returns the right edge of what was painted (left when nothing was).
qreal paint(QPainter *painter, const QFont &font, const QVariantList &chips, const QRectF &row);
// "VIP, Komplain": for tooltips and accessible names.
QString names(const QVariantList &chips);

} // namespace LabelChips

class LabelChipRow : public QWidget
{
    Q_OBJECT

public:
    explicit LabelChipRow(QWidget *parent = nullptr);

    void setChips(const QVariantList &chips);

private:
    QHBoxLayout *m_layout;
    QVariantList m_chips;
};

} // namespace Serambi::Ui
