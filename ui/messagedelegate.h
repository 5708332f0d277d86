#pragma once

#include <QStyledItemDelegate>

namespace Serambi::Ui {

// One message of the open conversation as a bubble: the customer's on the left, the agents'
// and the AI's on the right (the AI's marked "AI"), a day separator before the first message
// of a day, the quoted message, the reaction, the time and the delivery ticks, and for a
// failed message the reason in words. Types the console cannot show get an honest bubble.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What the bubble says in words: sender, text, time and delivery state (tooltips, tests).
    static QString describe(const QModelIndex &index);

protected:
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Serambi::Ui
