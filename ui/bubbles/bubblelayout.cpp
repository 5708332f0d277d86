#include "bubblelayout.h"

#include "app/mediacache.h"
#include "ui/glyphs.h"
#include "ui/themecolors.h"
#include "ui/wrappedtext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Serambi::Ui::Bubbles {

namespace {
constexpr qreal BlockGap = 4;
constexpr qreal IconSide = 36;
constexpr qreal ActionGap = 6;

using Kind = Block::Kind;

const QFont &fontOf(const Block &block, const BubbleFonts &fonts)
{
    switch (block.kind) {
    case Kind::Title:
    case Kind::Total:
        return fonts.title;
    case Kind::Detail:
    case Kind::Error:
        return fonts.small;
    default:
        return fonts.normal;
    }
}

// The font a text block is painted in: its kind's, in italics on a muted or unsupported body
// (measured in the same font, so the lines wrap where they are painted).
QFont textFont(const Block &block, const BubbleContent &content, const BubbleFonts &fonts)
{
    QFont font = fontOf(block, fonts);
    if (content.unsupported || content.muted)
        font.setItalic(true);
    return font;
}

qreal lineHeight(const QFont &font)
{
    return QFontMetricsF(font).height();
}

QSizeF actionSize(const QString &label, const BubbleFonts &fonts)
{
    return {QFontMetricsF(fonts.bold).horizontalAdvance(label) + 18, lineHeight(fonts.bold) + 10};
}

// The size a block takes when the body is width wide (natural: as narrow as it can be).
QSizeF blockSize(const Block &block, const BubbleContent &content, const BubbleFonts &fonts,
                 qreal width)
{
    const QFontMetricsF normal(fonts.normal);
    switch (block.kind) {
    case Kind::Text:
    case Kind::Title:
    case Kind::Detail:
    case Kind::Error:
        return WrappedText::measure(textFont(block, content, fonts), block.text, width);
    case Kind::Image: {
        const qreal scale = block.size.width() > width ? width / block.size.width() : 1.0;
        return block.size * scale;
    }
    case Kind::Card: {
        const qreal text = qMax(QFontMetricsF(fonts.title).horizontalAdvance(block.text),
                                QFontMetricsF(fonts.small).horizontalAdvance(block.secondary));
        const qreal height = qMax(IconSide, lineHeight(fonts.title) + lineHeight(fonts.small) + 6);
        return {qMin(width, IconSide + 10 + std::ceil(text) + 2), height};
    }
    case Kind::Choice:
        return {qMin(width, normal.horizontalAdvance(block.text) + 40), normal.height() + 12};
    case Kind::Picked:
        return {qMin(width, QFontMetricsF(fonts.title).horizontalAdvance(block.text) + 34),
                lineHeight(fonts.title) + 10};
    case Kind::Row:
    case Kind::Total: {
        const QFontMetricsF metrics(fontOf(block, fonts));
        return {qMin(width, metrics.horizontalAdvance(block.text) + 16 +
                                metrics.horizontalAdvance(block.secondary)),
                metrics.height()};
    }
    case Kind::Actions: {
        qreal total = 0;
        qreal height = 0;
        for (const auto &[label, action] : block.actions) {
            const QSizeF size = actionSize(label, fonts);
            total += size.width() + (total > 0 ? ActionGap : 0);
            height = size.height();
        }
        return {qMin(width, total), height};
    }
    }
    return {};
}

void paintPlayGlyph(QPainter *painter, const QRectF &r, bool pause, const QColor &color)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    if (pause) {
        const qreal bar = r.width() * 0.22;
        painter->drawRect(QRectF(r.left() + r.width() * 0.2, r.top(), bar, r.height()));
        painter->drawRect(QRectF(r.right() - r.width() * 0.2 - bar, r.top(), bar, r.height()));
        return;
    }
    painter->drawPolygon(QPolygonF({QPointF(r.left() + r.width() * 0.15, r.top()),
                                    QPointF(r.right(), r.center().y()),
                                    QPointF(r.left() + r.width() * 0.15, r.bottom())}));
}

void paintListGlyph(QPainter *painter, const QRectF &r, const QColor &color)
{
    painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap));
    for (int i = 0; i < 3; ++i) {
        const qreal y = r.top() + r.height() * (0.2 + 0.3 * i);
        painter->drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
    }
}

void paintProgress(QPainter *painter, const QRectF &track, qreal progress, const QColor &fill,
                   const QColor &tone)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(track, track.height() / 2, track.height() / 2);
    painter->setBrush(tone);
    QRectF done = track;
    done.setWidth(track.width() * qBound<qreal>(0, progress, 1));
    painter->drawRoundedRect(done, track.height() / 2, track.height() / 2);
}
} // namespace

BubbleFonts::BubbleFonts(const QFont &base) : normal(base), small(base), bold(base), title(base)
{
    small.setPointSizeF(base.pointSizeF() * 0.84);
    bold.setBold(true);
    bold.setPointSizeF(small.pointSizeF());
    title.setBold(true);
}

qreal naturalWidth(const BubbleContent &content, const BubbleFonts &fonts, qreal maxWidth)
{
    qreal width = 0;
    for (const Block &block : content.blocks)
        width = qMax(width, blockSize(block, content, fonts, maxWidth).width());
    return qMin(width, maxWidth);
}

BodyLayout layOutBody(const BubbleContent &content, const BubbleFonts &fonts, qreal width)
{
    BodyLayout layout;
    qreal y = 0;
    for (const Block &block : content.blocks) {
        if (y > 0)
            y += BlockGap;
        QSizeF size = blockSize(block, content, fonts, width);
        // Buttons and cards span the bubble, as on the customer's phone.
        if (block.kind == Kind::Choice || block.kind == Kind::Card || block.kind == Kind::Row ||
            block.kind == Kind::Total)
            size.setWidth(width);
        layout.blocks.append(QRectF(QPointF(0, y), size));
        QList<QRectF> actions;
        qreal x = 0;
        for (const auto &[label, action] : block.actions) {
            const QSizeF button = actionSize(label, fonts);
            actions.append(QRectF(QPointF(x, y), button));
            x += button.width() + ActionGap;
        }
        layout.actions.append(actions);
        y += size.height();
    }
    layout.height = y;
    return layout;
}

void paintBody(QPainter *painter, const QPointF &origin, const BubbleContent &content,
               const BodyLayout &layout, const BubbleFonts &fonts, const QPalette &palette,
               const QColor &fill, App::MediaCache *cache)
{
    const QColor ink = palette.color(QPalette::Text);
    const QColor muted = ThemeColors::mutedText(palette);
    const QColor accent = ThemeColors::accent(palette);
    const QColor tint = ThemeColors::mix(fill, ink, 0.08);
    painter->save();
    painter->translate(origin);
    for (int i = 0; i < content.blocks.size(); ++i) {
        const Block &block = content.blocks.at(i);
        const QRectF r = layout.blocks.at(i);
        switch (block.kind) {
        case Kind::Text:
        case Kind::Title:
        case Kind::Detail:
        case Kind::Error:
            painter->setPen(
                block.kind == Kind::Error
                    ? ThemeColors::negative(palette)
                    : (block.kind == Kind::Detail || content.unsupported || content.muted ? muted
                                                                                          : ink));
            WrappedText::draw(painter, r.topLeft(), textFont(block, content, fonts), block.text,
                              r.width());
            break;
        case Kind::Image: {
            QPainterPath clip;
            clip.addRoundedRect(r, 6, 6);
            const QImage image =
                block.mediaKey.isEmpty() || !cache ? QImage() : cache->thumbnail(block.mediaKey);
            if (!image.isNull()) {
                painter->save();
                painter->setClipPath(clip);
                painter->setRenderHint(QPainter::SmoothPixmapTransform);
                painter->drawImage(r, image);
                painter->restore();
            } else {
                painter->fillPath(clip, block.glyph == QLatin1String("video")
                                            ? ThemeColors::mix(tint, Qt::black, 0.35)
                                            : tint);
                const qreal side = qMin<qreal>(40, r.height() / 3);
                const QRectF icon(r.center().x() - side / 2, r.center().y() - side * 0.8, side,
                                  side);
                if (block.glyph != QLatin1String("video"))
                    Glyphs::paintMessageType(painter, icon, block.glyph, muted);
                if (!block.text.isEmpty()) {
                    painter->setPen(muted);
                    painter->setFont(fonts.small);
                    painter->drawText(QRectF(r.left() + 6, icon.bottom() + 6, r.width() - 12,
                                             lineHeight(fonts.small) * 2),
                                      Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                                      block.text);
                }
            }
            if (block.glyph == QLatin1String("video")) {
                const qreal side = 44;
                const QRectF circle(r.center().x() - side / 2, r.center().y() - side / 2, side,
                                    side);
                painter->setPen(Qt::NoPen);
                painter->setBrush(QColor(0, 0, 0, 140));
                painter->drawEllipse(circle);
                paintPlayGlyph(painter, circle.adjusted(16, 13, -12, -13), false, Qt::white);
            }
            if (block.progress >= 0)
                paintProgress(painter, QRectF(r.left() + 8, r.bottom() - 10, r.width() - 16, 4),
                              block.progress, tint.darker(120), accent);
            break;
        }
        case Kind::Card: {
            const QRectF icon(r.left(), r.top() + (r.height() - IconSide) / 2, IconSide, IconSide);
            painter->setPen(Qt::NoPen);
            painter->setBrush(ThemeColors::chipFill(palette, accent));
            painter->drawRoundedRect(icon, IconSide / 2, IconSide / 2);
            const QColor tone = ThemeColors::chipText(palette, accent);
            if (block.glyph == QLatin1String("play") || block.glyph == QLatin1String("pause"))
                paintPlayGlyph(painter, icon.adjusted(12, 11, -10, -11),
                               block.glyph == QLatin1String("pause"), tone);
            else
                Glyphs::paintMessageType(painter, icon.adjusted(8, 8, -8, -8), block.glyph, tone);
            const qreal x = icon.right() + 10;
            const qreal textWidth = r.right() - x;
            const qreal titleHeight = lineHeight(fonts.title);
            const qreal top =
                r.top() + (r.height() - titleHeight - lineHeight(fonts.small) - 2) / 2;
            painter->setPen(ink);
            painter->setFont(fonts.title);
            painter->drawText(
                QRectF(x, top, textWidth, titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(fonts.title).elidedText(block.text, Qt::ElideMiddle, textWidth));
            const QRectF second(x, top + titleHeight + 2, textWidth, lineHeight(fonts.small));
            if (block.progress >= 0 && block.glyph != QLatin1String("document")) {
                const qreal label = QFontMetricsF(fonts.small).horizontalAdvance(block.secondary);
                paintProgress(
                    painter,
                    QRectF(x, second.center().y() - 2, qMax<qreal>(30, textWidth - label - 8), 4),
                    block.progress, tint.darker(115), accent);
                painter->setPen(muted);
                painter->setFont(fonts.small);
                painter->drawText(second, Qt::AlignRight | Qt::AlignVCenter, block.secondary);
            } else {
                painter->setPen(muted);
                painter->setFont(fonts.small);
                painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                                  QFontMetricsF(fonts.small)
                                      .elidedText(block.secondary, Qt::ElideRight, textWidth));
            }
            break;
        }
        case Kind::Choice: {
            painter->setPen(QPen(ThemeColors::mix(fill, accent, 0.5), 1));
            painter->setBrush(ThemeColors::mix(fill, palette.color(QPalette::Base), 0.5));
            painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            const QFontMetricsF metrics(fonts.normal);
            const QString label = metrics.elidedText(block.text, Qt::ElideRight, r.width() - 40);
            const qreal textWidth = metrics.horizontalAdvance(label);
            const qreal glyph = block.glyph.isEmpty() ? 0 : metrics.height() * 0.7;
            const qreal left = r.center().x() - (textWidth + glyph + (glyph > 0 ? 6 : 0)) / 2;
            const QColor tone = ThemeColors::chipText(palette, accent);
            if (block.glyph == QLatin1String("list"))
                paintListGlyph(painter, QRectF(left, r.center().y() - glyph / 2, glyph, glyph),
                               tone);
            else if (block.glyph == QLatin1String("link"))
                Glyphs::paintMessageType(painter,
                                         QRectF(left, r.center().y() - glyph / 2, glyph, glyph),
                                         QStringLiteral("document"), tone);
            painter->setPen(tone);
            painter->setFont(fonts.normal);
            painter->drawText(
                QRectF(left + glyph + (glyph > 0 ? 6 : 0), r.top(), textWidth + 1, r.height()),
                Qt::AlignLeft | Qt::AlignVCenter, label);
            break;
        }
        case Kind::Picked: {
            painter->setPen(Qt::NoPen);
            painter->setBrush(ThemeColors::chipFill(palette, accent));
            painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
            const QColor tone = ThemeColors::chipText(palette, accent);
            QPainterPath check;
            const QRectF mark(r.left() + 9, r.top() + r.height() * 0.3, r.height() * 0.4,
                              r.height() * 0.4);
            check.moveTo(mark.left(), mark.center().y());
            check.lineTo(mark.left() + mark.width() * 0.4, mark.bottom());
            check.lineTo(mark.right(), mark.top());
            painter->setPen(QPen(tone, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(check);
            painter->setFont(fonts.title);
            const qreal x = mark.right() + 7;
            painter->drawText(QRectF(x, r.top(), r.right() - x - 8, r.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(fonts.title)
                                  .elidedText(block.text, Qt::ElideRight, r.right() - x - 8));
            break;
        }
        case Kind::Row:
        case Kind::Total: {
            const QFont &font = fontOf(block, fonts);
            const QFontMetricsF metrics(font);
            const qreal amount = metrics.horizontalAdvance(block.secondary);
            painter->setFont(font);
            painter->setPen(ink);
            painter->drawText(r, Qt::AlignRight | Qt::AlignVCenter, block.secondary);
            painter->drawText(
                QRectF(r.left(), r.top(), r.width() - amount - 12, r.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                metrics.elidedText(block.text, Qt::ElideRight, r.width() - amount - 12));
            if (block.kind == Kind::Total) {
                painter->setPen(QPen(ThemeColors::mix(fill, ink, 0.25), 1));
                painter->drawLine(QPointF(r.left(), r.top() - 2), QPointF(r.right(), r.top() - 2));
            }
            break;
        }
        case Kind::Actions: {
            const QList<QRectF> &buttons = layout.actions.at(i);
            for (int b = 0; b < buttons.size(); ++b) {
                const QRectF button = buttons.at(b);
                painter->setPen(QPen(ThemeColors::mix(fill, accent, 0.6), 1));
                painter->setBrush(ThemeColors::mix(fill, palette.color(QPalette::Base), 0.6));
                painter->drawRoundedRect(button.adjusted(0.5, 0.5, -0.5, -0.5), button.height() / 2,
                                         button.height() / 2);
                painter->setPen(ThemeColors::chipText(palette, accent));
                painter->setFont(fonts.bold);
                painter->drawText(button, Qt::AlignCenter, block.actions.at(b).first);
            }
            break;
        }
        }
    }
    painter->restore();
}

Action actionAt(const BubbleContent &content, const BodyLayout &layout, const QPointF &point)
{
    for (int i = 0; i < content.blocks.size(); ++i) {
        const Block &block = content.blocks.at(i);
        const QList<QRectF> &buttons = layout.actions.at(i);
        for (int b = 0; b < buttons.size(); ++b) {
            if (buttons.at(b).contains(point))
                return block.actions.at(b).second;
        }
        if (block.action != Action::None && layout.blocks.at(i).contains(point))
            return block.action;
    }
    return Action::None;
}

} // namespace Serambi::Ui::Bubbles
