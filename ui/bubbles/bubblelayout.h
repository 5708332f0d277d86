#pragma once

#include "bubblecontent.h"

#include <QFont>
#include <QList>
#include <QRectF>

class QPainter;
class QPalette;

namespace Serambi::Ui::Bubbles {

// The fonts of a bubble, from the view's font.
struct BubbleFonts
{
    QFont normal;
    QFont small;
    QFont bold;  // small and bold: sender, quote, labels
    QFont title; // normal size, bold

    explicit BubbleFonts(const QFont &base);
};

// Where each block of a body goes, relative to the body's top-left corner.
struct BodyLayout
{
    QList<QRectF> blocks;
    QList<QList<QRectF>> actions; // per block, the rects of its Actions buttons
    qreal height = 0;
};

// The width the body would like, at most maxWidth.
qreal naturalWidth(const BubbleContent &content, const BubbleFonts &fonts, qreal maxWidth);
BodyLayout layOutBody(const BubbleContent &content, const BubbleFonts &fonts, qreal width);
// Paints with fill as the bubble's colour (placeholders and chips are tinted from it).
void paintBody(QPainter *painter, const QPointF &origin, const BubbleContent &content,
               const BodyLayout &layout, const BubbleFonts &fonts, const QPalette &palette,
               const QColor &fill, App::MediaCache *cache);
// The action under point (relative to the body's top-left), None if nothing is clickable there.
Action actionAt(const BubbleContent &content, const BodyLayout &layout, const QPointF &point);

} // namespace Serambi::Ui::Bubbles
