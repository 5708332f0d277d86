#include "wrappedtext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace Serambi::Ui::WrappedText {

namespace {

struct Laid
{
    qreal width = 0;
    qreal height = 0;
    int lines = 0;
    bool cut = false;
};

Laid layOut(QTextLayout &layout, qreal width, int maxLines)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    Laid laid;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        if (maxLines > 0 && laid.lines == maxLines) {
            laid.cut = true;
            break;
        }
        line.setLineWidth(width);
        line.setPosition(QPointF(0, laid.height));
        laid.height += line.height();
        laid.width = qMax(laid.width, line.naturalTextWidth());
        ++laid.lines;
    }
    layout.endLayout();
    return laid;
}

} // namespace

QSizeF measure(const QFont &font, const QString &text, qreal width, int maxLines)
{
    if (text.isEmpty())
        return {};
    QTextLayout layout(text, font);
    const Laid laid = layOut(layout, width, maxLines);
    return {std::ceil(laid.width), std::ceil(laid.height)};
}

void draw(QPainter *painter, const QPointF &topLeft, const QFont &font, const QString &text,
          qreal width, int maxLines)
{
    if (text.isEmpty())
        return;
    QTextLayout layout(text, font);
    const Laid laid = layOut(layout, width, maxLines);
    if (!laid.cut) {
        layout.draw(painter, topLeft);
        return;
    }
    // Draw every line but the last as laid out; elide the last one by hand.
    for (int i = 0; i < laid.lines - 1; ++i)
        layout.lineAt(i).draw(painter, topLeft);
    const QTextLine last = layout.lineAt(laid.lines - 1);
    const QString rest = text.mid(last.textStart()).simplified();
    const QFontMetricsF metrics(font);
    painter->save();
    painter->setFont(font);
    painter->drawText(QPointF(topLeft.x(), topLeft.y() + last.y() + last.ascent()),
                      metrics.elidedText(rest + QStringLiteral(" …"), Qt::ElideRight, width));
    painter->restore();
}

} // namespace Serambi::Ui::WrappedText
