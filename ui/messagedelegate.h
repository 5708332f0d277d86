#pragma once

#include "bubbles/bubblecontent.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace Serambi::Ui {

// One message of the open conversation as a bubble: the customer's on the left, the agents'
// and the AI's on the right (the AI's marked "AI"), a day separator before the first message
// of a day, the quoted message (for a picked button or row: the message that offered it), the
// body its type calls for (ui/bubbles/), the reactions on its corner, the time and the delivery
// ticks, and for a failed message the reason in words. Unknown types get an honest placeholder.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(const Bubbles::MediaContext &media, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What the bubble says in words: sender, content, time, delivery and media state,
    // reactions (accessible text, tooltips, tests).
    QString describe(const QModelIndex &index) const;
    // What a click at pos (in the view's viewport) on the bubble of index does.
    Bubbles::Action actionAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &pos) const;
    // What Enter on the selected bubble does.
    Bubbles::Action primaryAction(const QModelIndex &index) const;

    // Sizes are remembered per message and row width, so that laying out a long chat again
    // (a new message, a resize) measures only what changed. The view forgets what changed.
    void forgetSize(qint64 messageId) { m_sizes.remove(messageId); }
    void forgetSizes() { m_sizes.clear(); }

protected:
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    struct RememberedSize
    {
        int rowWidth = 0;
        QSize size;
    };

    Bubbles::MediaContext m_media;
    mutable QHash<qint64, RememberedSize> m_sizes;
};

} // namespace Serambi::Ui
