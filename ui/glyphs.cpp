#include "glyphs.h"

#include <QPainter>
#include <QPainterPath>

namespace Serambi::Ui::Glyphs {

namespace {

QPen strokePen(const QColor &color, const QRectF &rect)
{
    QPen pen(color, qMax(1.2, rect.height() / 9.0));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void check(QPainterPath *path, const QRectF &r, qreal dx)
{
    path->moveTo(r.left() + dx + r.width() * 0.08, r.top() + r.height() * 0.55);
    path->lineTo(r.left() + dx + r.width() * 0.30, r.top() + r.height() * 0.78);
    path->lineTo(r.left() + dx + r.width() * 0.70, r.top() + r.height() * 0.28);
}

} // namespace

bool hasTypeGlyph(const QString &type)
{
    return !type.isEmpty() && type != QLatin1String("text");
}

void paintMessageType(QPainter *painter, const QRectF &rect, const QString &type,
                      const QColor &color)
{
    if (!hasTypeGlyph(type))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(strokePen(color, rect));
    painter->setBrush(Qt::NoBrush);
    const QRectF r = rect.adjusted(rect.width() * 0.1, rect.height() * 0.1, -rect.width() * 0.1,
                                   -rect.height() * 0.1);
    const qreal w = r.width();
    const qreal h = r.height();
    if (type == QLatin1String("image") || type == QLatin1String("sticker")) {
        painter->drawRoundedRect(r, w * 0.15, h * 0.15);
        QPainterPath hills;
        hills.moveTo(r.left() + w * 0.1, r.bottom() - h * 0.15);
        hills.lineTo(r.left() + w * 0.4, r.top() + h * 0.45);
        hills.lineTo(r.left() + w * 0.6, r.top() + h * 0.65);
        hills.lineTo(r.left() + w * 0.72, r.top() + h * 0.55);
        hills.lineTo(r.right() - w * 0.1, r.bottom() - h * 0.15);
        painter->drawPath(hills);
        painter->drawEllipse(QPointF(r.left() + w * 0.72, r.top() + h * 0.28), w * 0.08, w * 0.08);
    } else if (type == QLatin1String("video")) {
        painter->drawRoundedRect(r, w * 0.15, h * 0.15);
        painter->setBrush(color);
        painter->drawPolygon(QPolygonF({QPointF(r.left() + w * 0.38, r.top() + h * 0.28),
                                        QPointF(r.left() + w * 0.72, r.center().y()),
                                        QPointF(r.left() + w * 0.38, r.bottom() - h * 0.28)}));
    } else if (type == QLatin1String("audio")) {
        painter->drawRoundedRect(QRectF(r.center().x() - w * 0.17, r.top(), w * 0.34, h * 0.62),
                                 w * 0.17, w * 0.17);
        QPainterPath cup;
        cup.moveTo(r.left() + w * 0.15, r.top() + h * 0.42);
        cup.cubicTo(r.left() + w * 0.15, r.bottom() - h * 0.05, r.right() - w * 0.15,
                    r.bottom() - h * 0.05, r.right() - w * 0.15, r.top() + h * 0.42);
        painter->drawPath(cup);
        painter->drawLine(QPointF(r.center().x(), r.bottom() - h * 0.12),
                          QPointF(r.center().x(), r.bottom()));
    } else if (type == QLatin1String("document")) {
        QPainterPath page;
        page.moveTo(r.left() + w * 0.15, r.top());
        page.lineTo(r.right() - w * 0.35, r.top());
        page.lineTo(r.right() - w * 0.1, r.top() + h * 0.25);
        page.lineTo(r.right() - w * 0.1, r.bottom());
        page.lineTo(r.left() + w * 0.15, r.bottom());
        page.closeSubpath();
        painter->drawPath(page);
        painter->drawLine(QPointF(r.left() + w * 0.32, r.top() + h * 0.55),
                          QPointF(r.right() - w * 0.3, r.top() + h * 0.55));
        painter->drawLine(QPointF(r.left() + w * 0.32, r.top() + h * 0.75),
                          QPointF(r.right() - w * 0.3, r.top() + h * 0.75));
    } else if (type == QLatin1String("location")) {
        QPainterPath pin;
        pin.moveTo(r.center().x(), r.bottom());
        pin.cubicTo(r.left() - w * 0.05, r.top() + h * 0.45, r.left() + w * 0.1, r.top(),
                    r.center().x(), r.top());
        pin.cubicTo(r.right() - w * 0.1, r.top(), r.right() + w * 0.05, r.top() + h * 0.45,
                    r.center().x(), r.bottom());
        painter->drawPath(pin);
        painter->drawEllipse(QPointF(r.center().x(), r.top() + h * 0.35), w * 0.12, w * 0.12);
    } else if (type == QLatin1String("contacts")) {
        painter->drawEllipse(QPointF(r.center().x(), r.top() + h * 0.3), w * 0.2, h * 0.2);
        QPainterPath body;
        body.moveTo(r.left() + w * 0.1, r.bottom());
        body.cubicTo(r.left() + w * 0.1, r.top() + h * 0.5, r.right() - w * 0.1, r.top() + h * 0.5,
                     r.right() - w * 0.1, r.bottom());
        painter->drawPath(body);
    } else {
        // Interactive replies, templates and kinds the console cannot show: a speech bubble
        // with a question mark-like dot, so the row still says "not plain text".
        painter->drawRoundedRect(r.adjusted(0, 0, 0, -h * 0.2), w * 0.2, h * 0.2);
        painter->setBrush(color);
        painter->drawEllipse(r.center() - QPointF(0, h * 0.1), w * 0.07, w * 0.07);
    }
    painter->restore();
}

void paintDelivery(QPainter *painter, const QRectF &rect, const QString &status,
                   const QColor &color, const QColor &readColor, const QColor &failedColor)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const QRectF square(rect.left(), rect.top(), rect.height(), rect.height());
    if (status == QLatin1String("failed")) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(failedColor);
        painter->drawEllipse(square.adjusted(1, 1, -1, -1));
        painter->setPen(strokePen(QColor(Qt::white), square));
        const qreal x = square.center().x();
        painter->drawLine(QPointF(x, square.top() + square.height() * 0.28),
                          QPointF(x, square.top() + square.height() * 0.56));
        painter->drawPoint(QPointF(x, square.top() + square.height() * 0.74));
    } else if (status == QLatin1String("pending") || status == QLatin1String("accepted") ||
               status == QLatin1String("queued-offline")) {
        painter->setPen(strokePen(color, square));
        const QRectF face = square.adjusted(1.5, 1.5, -1.5, -1.5);
        painter->drawEllipse(face);
        painter->drawLine(face.center(),
                          QPointF(face.center().x(), face.top() + face.height() * 0.22));
        painter->drawLine(face.center(),
                          QPointF(face.right() - face.width() * 0.25, face.center().y()));
    } else {
        const bool read = status == QLatin1String("read") || status == QLatin1String("played");
        painter->setPen(strokePen(read ? readColor : color, square));
        QPainterPath ticks;
        check(&ticks, square, 0);
        if (read || status == QLatin1String("delivered"))
            check(&ticks, square, square.width() * 0.38);
        painter->drawPath(ticks);
    }
    painter->restore();
}

} // namespace Serambi::Ui::Glyphs
