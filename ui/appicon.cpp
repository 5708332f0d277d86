#include "appicon.h"

#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Serambi::Ui {

namespace {

// Paints resources/icons/serambi.svg (a 256×256 drawing) at any size.
class AppIconEngine final : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / 256.0, rect.height() / 256.0);
        painter->setPen(Qt::NoPen);

        const QColor green(0x0f, 0x7a, 0x5f);
        const QColor roof(0xf4, 0xc9, 0x5d);
        painter->setBrush(green);
        painter->drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52);

        painter->setBrush(roof);
        painter->drawPolygon(QPolygonF({{36, 112}, {92, 58}, {164, 58}, {220, 112}}));
        painter->setBrush(QColor(0xe0, 0xa9, 0x3b));
        painter->drawPolygon(QPolygonF({{84, 58}, {172, 58}, {180, 48}, {76, 48}}));
        painter->setBrush(roof);
        painter->drawRoundedRect(QRectF(58, 112, 12, 96), 4, 4);
        painter->drawRoundedRect(QRectF(186, 112, 12, 96), 4, 4);

        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(76, 126, 104, 68), 16, 16);
        QPainterPath tail;
        tail.addPolygon(QPolygonF({{98, 190}, {124, 190}, {98, 214}}));
        painter->setBrush(Qt::white);
        painter->drawPath(bubble.united(tail));

        painter->setBrush(green);
        for (const qreal x : {106.0, 128.0, 150.0})
            painter->drawEllipse(QPointF(x, 160), 8, 8);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap result(size);
        result.fill(Qt::transparent);
        QPainter painter(&result);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return result;
    }

    QIconEngine *clone() const override { return new AppIconEngine; }
};

} // namespace

QIcon appIcon()
{
    if (QImageReader::supportedImageFormats().contains(QByteArrayLiteral("svg")))
        return QIcon(QStringLiteral(":/icons/serambi.svg"));
    return QIcon(new AppIconEngine);
}

} // namespace Serambi::Ui
