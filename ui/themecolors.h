#pragma once

#include <QColor>
#include <QPalette>

namespace Serambi::Ui::ThemeColors {

// Every colour the console paints comes from the widget's palette, so the system's light and
// dark themes both read well. Semantic colours pick a shade that contrasts with the base.

bool isDark(const QPalette &palette);
// a blended towards b by t (0..1).
QColor mix(const QColor &a, const QColor &b, qreal t);

QColor mutedText(const QPalette &palette);
QColor negative(const QPalette &palette);
QColor positive(const QPalette &palette);
QColor warning(const QPalette &palette);
QColor accent(const QPalette &palette);

QColor inboundBubble(const QPalette &palette);
QColor agentBubble(const QPalette &palette);
QColor aiBubble(const QPalette &palette);
QColor failedBubble(const QPalette &palette);

// A chip's fill for a semantic colour, and the text drawn on it.
QColor chipFill(const QPalette &palette, const QColor &tone);
QColor chipText(const QPalette &palette, const QColor &tone);

} // namespace Serambi::Ui::ThemeColors
