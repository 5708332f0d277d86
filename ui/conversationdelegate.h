#pragma once

#include <QStyledItemDelegate>

namespace Serambi::Ui {

// One chat in the list: name and number, the last message with a kind icon, its time, the
// unread badge, a state chip, a "draft ready" mark, how long the customer has waited and the
// time left in the 24-hour window. Everything comes from ConversationListModel's roles.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The row summarised in one sentence: its tooltip.
    static QString summary(const QModelIndex &index);

protected:
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Serambi::Ui
