#include "messagedelegate.h"

#include "app/messagelistmodel.h"
#include "bubbles/bubblelayout.h"
#include "chattext.h"
#include "glyphs.h"
#include "themecolors.h"
#include "wrappedtext.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace Serambi::Ui {

namespace {

using Model = App::MessageListModel;
using Bubbles::BubbleFonts;

constexpr qreal SideMargin = 12;
constexpr qreal Padding = 8;
constexpr qreal Gap = 3;
constexpr qreal RowGap = 4;
constexpr qreal Radius = 10;

struct Content
{
    bool outgoing = false;
    bool ai = false;
    bool failed = false;
    QString type;
    QString senderLine;
    QString kindLine; // "Unsupported message", with a warning mark
    Bubbles::BubbleContent body;
    QString quoteSender;
    QString quoteText;
    QString footer;
    QString failure;
    QString reaction;
    QString status;
    bool daySeparator = false;
    QString dayText;
};

using Fonts = BubbleFonts;

struct Geometry
{
    qreal separatorHeight = 0;
    QRectF bubble; // relative to the row's top-left
    qreal senderY = 0;
    qreal quoteY = 0;
    qreal quoteHeight = 0;
    qreal kindY = 0;
    qreal bodyY = 0;
    Bubbles::BodyLayout body;
    qreal failureY = 0;
    qreal footerY = 0;
    qreal textWidth = 0;
    qreal height = 0;
};

QString senderKindName(const QString &kind)
{
    if (kind == QLatin1String("customer"))
        return ChatText::tr("Customer");
    if (kind == QLatin1String("ai"))
        return ChatText::tr("AI");
    return ChatText::tr("Agent");
}

Content contentOf(const QModelIndex &index, const Bubbles::MediaContext &media)
{
    Content c;
    c.type = index.data(Model::TypeRole).toString();
    c.outgoing = index.data(Model::DirectionRole).toString() == QLatin1String("out");
    const QString senderKind = index.data(Model::SenderKindRole).toString();
    c.ai = senderKind == QLatin1String("ai");
    c.status = index.data(Model::StatusRole).toString();
    c.failed = c.status == QLatin1String("failed");
    if (c.outgoing) {
        const QString name = index.data(Model::SenderNameRole).toString();
        c.senderLine = c.ai ? MessageDelegate::tr("AI") : name;
    }
    c.body = Bubbles::contentFor(index, media);
    if (c.body.unsupported)
        c.kindLine = index.data(Model::SupportedRole).toBool()
                         ? MessageDelegate::tr("Message not received")
                         : MessageDelegate::tr("Unsupported message");
    if (!index.data(Model::ReplyToRole).toString().isEmpty()) {
        c.quoteText = index.data(Model::QuotedTextRole).toString().simplified();
        const QString quotedKind = index.data(Model::QuotedSenderRole).toString();
        c.quoteSender =
            quotedKind.isEmpty() ? MessageDelegate::tr("Reply") : senderKindName(quotedKind);
        if (index.data(Model::OfferedByRole).toLongLong() != 0)
            c.quoteSender = MessageDelegate::tr("Answer to %1").arg(c.quoteSender);
        if (c.quoteText.isEmpty())
            c.quoteText = MessageDelegate::tr("An earlier message");
    }
    const QDateTime when = index.data(Model::TimestampRole).toDateTime();
    c.footer = QLocale().toString(when.time(), QStringLiteral("HH:mm"));
    if (index.data(Model::EditedRole).toBool() && !index.data(Model::RevokedRole).toBool())
        c.footer = MessageDelegate::tr("%1 · %2").arg(ChatText::edited(), c.footer);
    if (c.failed) {
        const QString title = index.data(Model::ErrorTitleRole).toString();
        const int code = index.data(Model::ErrorCodeRole).toInt();
        c.failure = title.isEmpty() ? ChatText::statusText(c.status)
                                    : MessageDelegate::tr("Not delivered: %1").arg(title);
        if (code != 0)
            c.failure += QStringLiteral(" (%1)").arg(code);
    } else if (c.status == QLatin1String("queued-offline")) {
        c.failure = ChatText::statusText(c.status);
    }
    c.reaction = index.data(Model::ReactionRole).toString();
    c.daySeparator = index.data(Model::IsFirstOfDayRole).toBool();
    if (c.daySeparator)
        c.dayText = ChatText::dayLabel(when.date(), QDate::currentDate());
    return c;
}

Geometry layOut(const Content &c, const Fonts &fonts, qreal rowWidth)
{
    Geometry g;
    const QFontMetricsF small(fonts.small);
    if (c.daySeparator)
        g.separatorHeight = small.height() + 16;
    const qreal maxBubble = qMax(160.0, qMin(rowWidth * 0.72, rowWidth - 2 * SideMargin));
    const qreal maxText = maxBubble - 2 * Padding;

    qreal width = Bubbles::naturalWidth(c.body, fonts, maxText);
    qreal y = Padding;
    if (!c.senderLine.isEmpty()) {
        g.senderY = y;
        width =
            qMax(width, QFontMetricsF(fonts.bold).horizontalAdvance(c.senderLine) + (c.ai ? 8 : 0));
        y += small.height() + Gap;
    }
    if (!c.quoteSender.isEmpty()) {
        g.quoteY = y;
        const QSizeF quote = WrappedText::measure(fonts.small, c.quoteText, maxText - 10, 2);
        g.quoteHeight = small.height() + quote.height() + 8;
        width = qMax(width, qMin(maxText, quote.width() + 10));
        width = qMax(width, QFontMetricsF(fonts.bold).horizontalAdvance(c.quoteSender) + 10);
        y += g.quoteHeight + Gap;
    }
    if (!c.kindLine.isEmpty()) {
        g.kindY = y;
        const qreal glyph = small.height();
        width = qMax(width, glyph + 4 + QFontMetricsF(fonts.bold).horizontalAdvance(c.kindLine));
        y += small.height() + Gap;
    }
    g.bodyY = y;
    if (!c.failure.isEmpty()) {
        y += Gap;
        g.failureY = y;
        const QSizeF failure = WrappedText::measure(fonts.small, c.failure, maxText);
        width = qMax(width, failure.width());
        y += failure.height();
    }
    y += Gap;
    g.footerY = y;
    const qreal footerWidth =
        small.horizontalAdvance(c.footer) + (c.outgoing ? small.height() * 1.5 + 4 : 0);
    width = qMax(width, footerWidth);
    y += small.height() + Padding;

    g.textWidth = qMin(maxText, width);
    g.body = Bubbles::layOutBody(c.body, fonts, g.textWidth);
    // The footer and failure follow the body: move them down by its height.
    const qreal bodyHeight = g.body.height;
    if (g.failureY > 0)
        g.failureY += bodyHeight;
    g.footerY += bodyHeight;
    y += bodyHeight;
    const qreal bubbleWidth = g.textWidth + 2 * Padding;
    qreal left = c.outgoing ? rowWidth - SideMargin - bubbleWidth : SideMargin;
    if (c.body.notice)
        left = (rowWidth - bubbleWidth) / 2;
    g.bubble = QRectF(left, g.separatorHeight + RowGap, bubbleWidth, y);
    g.height = g.bubble.bottom() + RowGap + (c.reaction.isEmpty() ? 0 : small.height() * 0.9);
    return g;
}

qreal rowWidthFor(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 480;
}

} // namespace

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const qreal width = rowWidthFor(option);
    const qint64 id = index.data(Model::IdRole).toLongLong();
    const auto remembered = m_sizes.constFind(id);
    if (remembered != m_sizes.constEnd() && remembered->rowWidth == int(width))
        return remembered->size;
    const Geometry g = layOut(contentOf(index, m_media), Fonts(option.font), width);
    const QSize size(int(width), int(std::ceil(g.height)));
    m_sizes.insert(id, {int(width), size});
    return size;
}

MessageDelegate::MessageDelegate(const Bubbles::MediaContext &media, QObject *parent)
    : QStyledItemDelegate(parent), m_media(media)
{}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Content c = contentOf(index, m_media);
    const Fonts fonts(option.font);
    const Geometry g = layOut(c, fonts, option.rect.width());
    const QPalette &palette = option.palette;
    const QColor ink = palette.color(QPalette::Text);
    const QColor muted = ThemeColors::mutedText(palette);
    const QFontMetricsF small(fonts.small);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());

    if (c.daySeparator) {
        const qreal width = small.horizontalAdvance(c.dayText) + 20;
        const QRectF pill((option.rect.width() - width) / 2, 6, width, small.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ThemeColors::inboundBubble(palette));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(muted);
        painter->setFont(fonts.small);
        painter->drawText(pill, Qt::AlignCenter, c.dayText);
    }

    QColor fill = c.outgoing
                      ? (c.ai ? ThemeColors::aiBubble(palette) : ThemeColors::agentBubble(palette))
                      : ThemeColors::inboundBubble(palette);
    if (c.failed)
        fill = ThemeColors::failedBubble(palette);
    if (c.body.notice) // WhatsApp's, not the customer's: the day separator's quiet colour
        fill = ThemeColors::mix(palette.color(QPalette::Base), ThemeColors::inboundBubble(palette),
                                0.5);
    painter->setPen(option.state & QStyle::State_Selected ? QPen(ThemeColors::accent(palette), 2)
                                                          : QPen(Qt::NoPen));
    // A sticker floats without a bubble; selected, it still shows the outline.
    painter->setBrush(c.body.frameless ? QBrush(Qt::NoBrush) : QBrush(fill));
    painter->drawRoundedRect(g.bubble, Radius, Radius);

    const qreal x = g.bubble.left() + Padding;
    const qreal top = g.bubble.top();
    if (!c.senderLine.isEmpty()) {
        painter->setFont(fonts.bold);
        const QRectF line(x, top + g.senderY, g.textWidth, small.height());
        if (c.ai) {
            // The AI mark: a small filled pill, so AI-sent replies are told apart at a glance.
            const QColor tone = ThemeColors::positive(palette);
            const qreal width = QFontMetricsF(fonts.bold).horizontalAdvance(c.senderLine) + 8;
            const QRectF pill(x, line.top(), width, line.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(tone);
            painter->drawRoundedRect(pill, 4, 4);
            painter->setPen(palette.color(QPalette::Base));
            painter->drawText(pill, Qt::AlignCenter, c.senderLine);
        } else {
            painter->setPen(ThemeColors::chipText(palette, ThemeColors::accent(palette)));
            painter->drawText(
                line, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(fonts.bold).elidedText(c.senderLine, Qt::ElideRight, g.textWidth));
        }
    }
    if (!c.quoteSender.isEmpty()) {
        const QRectF quote(x, top + g.quoteY, g.textWidth, g.quoteHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ThemeColors::mix(fill, ink, 0.07));
        painter->drawRoundedRect(quote, 4, 4);
        painter->setBrush(ThemeColors::accent(palette));
        painter->drawRect(QRectF(quote.left(), quote.top(), 3, quote.height()));
        painter->setPen(ThemeColors::chipText(palette, ThemeColors::accent(palette)));
        painter->setFont(fonts.bold);
        painter->drawText(
            QRectF(quote.left() + 8, quote.top() + 4, quote.width() - 10, small.height()),
            Qt::AlignLeft | Qt::AlignVCenter, c.quoteSender);
        painter->setPen(muted);
        WrappedText::draw(painter, QPointF(quote.left() + 8, quote.top() + 4 + small.height()),
                          fonts.small, c.quoteText, quote.width() - 10, 2);
    }
    if (!c.kindLine.isEmpty()) {
        const qreal glyph = small.height();
        const QColor kindColor = ThemeColors::warning(palette);
        Glyphs::paintMessageType(painter, QRectF(x, top + g.kindY, glyph, glyph),
                                 QStringLiteral("unsupported"), kindColor);
        painter->setPen(kindColor);
        painter->setFont(fonts.bold);
        painter->drawText(QRectF(x + glyph + 4, top + g.kindY, g.textWidth - glyph - 4, glyph),
                          Qt::AlignLeft | Qt::AlignVCenter, c.kindLine);
    }
    Bubbles::paintBody(painter, QPointF(x, top + g.bodyY), c.body, g.body, fonts, palette, fill,
                       m_media.cache);
    if (!c.failure.isEmpty()) {
        painter->setPen(c.failed ? ThemeColors::negative(palette) : muted);
        WrappedText::draw(painter, QPointF(x, top + g.failureY), fonts.small, c.failure,
                          g.textWidth);
    }

    // Footer: time, then the ticks on outgoing messages, right-aligned.
    const QRectF footer(x, top + g.footerY, g.textWidth, small.height());
    qreal timeRight = footer.right();
    if (c.outgoing) {
        const QRectF ticks(footer.right() - small.height() * 1.4, footer.top(),
                           small.height() * 1.4, small.height());
        Glyphs::paintDelivery(painter, ticks, c.status, muted, ThemeColors::accent(palette),
                              ThemeColors::negative(palette));
        timeRight = ticks.left() - 4;
    }
    painter->setPen(muted);
    painter->setFont(fonts.small);
    painter->drawText(
        QRectF(footer.left(), footer.top(), timeRight - footer.left(), footer.height()),
        Qt::AlignRight | Qt::AlignVCenter, c.footer);

    if (!c.reaction.isEmpty()) {
        const qreal height = small.height() + 4;
        const qreal width = QFontMetricsF(fonts.normal).horizontalAdvance(c.reaction) + 12;
        const qreal left = c.outgoing ? g.bubble.left() + 8 : g.bubble.right() - width - 8;
        const QRectF pill(left, g.bubble.bottom() - height / 3, width, height);
        painter->setPen(QPen(palette.color(QPalette::Base), 2));
        painter->setBrush(ThemeColors::inboundBubble(palette));
        painter->drawRoundedRect(pill, height / 2, height / 2);
        painter->setPen(ink);
        painter->setFont(fonts.normal);
        painter->drawText(pill, Qt::AlignCenter, c.reaction);
    }
    painter->restore();
}

QString MessageDelegate::describe(const QModelIndex &index) const
{
    const Content c = contentOf(index, m_media);
    QStringList parts;
    if (c.outgoing)
        parts.append(c.senderLine.isEmpty() ? tr("Agent") : c.senderLine);
    else if (c.body.notice)
        parts.append(tr("WhatsApp"));
    else
        parts.append(tr("Customer"));
    if (!c.quoteSender.isEmpty())
        parts.append(tr("%1: %2").arg(c.quoteSender, c.quoteText));
    if (!c.body.spoken.isEmpty())
        parts.append(c.body.spoken);
    parts.append(
        QLocale().toString(index.data(Model::TimestampRole).toDateTime(), QLocale::ShortFormat));
    if (index.data(Model::EditedRole).toBool() && !index.data(Model::RevokedRole).toBool())
        parts.append(ChatText::edited());
    if (c.outgoing)
        parts.append(c.failure.isEmpty() ? ChatText::statusText(c.status) : c.failure);
    if (!c.reaction.isEmpty())
        parts.append(tr("Reaction %1").arg(c.reaction));
    return parts.join(QStringLiteral(" · "));
}

Bubbles::Action MessageDelegate::actionAt(const QStyleOptionViewItem &option,
                                          const QModelIndex &index, const QPoint &pos) const
{
    const Content c = contentOf(index, m_media);
    const Fonts fonts(option.font);
    const Geometry g = layOut(c, fonts, option.rect.width());
    const QPointF inRow = QPointF(pos) - QPointF(option.rect.topLeft());
    const QPointF inBubble = inRow - g.bubble.topLeft();
    if (!c.quoteSender.isEmpty() &&
        QRectF(Padding, g.quoteY, g.textWidth, g.quoteHeight).contains(inBubble))
        return Bubbles::Action::ShowQuoted;
    return Bubbles::actionAt(c.body, g.body, inBubble - QPointF(Padding, g.bodyY));
}

Bubbles::Action MessageDelegate::primaryAction(const QModelIndex &index) const
{
    return Bubbles::contentFor(index, m_media).primary;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QToolTip::showText(event->globalPos(), describe(index), view);
    return true;
}

} // namespace Serambi::Ui
