#pragma once

#include <QFont>
#include <QSizeF>
#include <QString>

class QPainter;

namespace Serambi::Ui::WrappedText {

// Text broken at word boundaries, or anywhere when one word is wider than the line (long
// links, order numbers). Measures with the same layout it draws.

// The size the text takes at most width wide; maxLines 0 means no limit.
QSizeF measure(const QFont &font, const QString &text, qreal width, int maxLines = 0);
// Draws with the painter's pen; an ellipsis ends the last line when maxLines cuts the text.
void draw(QPainter *painter, const QPointF &topLeft, const QFont &font, const QString &text,
          qreal width, int maxLines = 0);

} // namespace Serambi::Ui::WrappedText
