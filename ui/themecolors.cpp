#include "themecolors.h"

namespace Serambi::Ui::ThemeColors {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor mutedText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor negative(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor positive(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xd1, 0x8f) : QColor(0x0f, 0x7a, 0x5f);
}

QColor warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf2, 0xc1, 0x4e) : QColor(0xa3, 0x5b, 0x00);
}

QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QColor inboundBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text),
               isDark(palette) ? 0.10 : 0.05);
}

QColor agentBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), accent(palette), isDark(palette) ? 0.30 : 0.16);
}

QColor aiBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), positive(palette), isDark(palette) ? 0.22 : 0.13);
}

QColor failedBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), negative(palette), isDark(palette) ? 0.22 : 0.10);
}

QColor chipFill(const QPalette &palette, const QColor &tone)
{
    return mix(palette.color(QPalette::Base), tone, isDark(palette) ? 0.30 : 0.16);
}

QColor chipText(const QPalette &palette, const QColor &tone)
{
    return isDark(palette) ? mix(tone, palette.color(QPalette::Text), 0.35) : tone.darker(115);
}

} // namespace Serambi::Ui::ThemeColors
