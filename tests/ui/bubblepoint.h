#pragma once

#include "ui/conversationview.h"
#include "ui/messagedelegate.h"

#include <QPoint>

namespace Serambi::Test {

// The point of the bubble at index where a click does action, as a user would find it by
// looking; null when the bubble offers no such action.
inline QPoint bubblePoint(Ui::ConversationView *view, const QModelIndex &index,
                          Ui::Bubbles::Action action)
{
    const QRect rect = view->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.rect = rect;
    option.widget = view;
    for (int y = rect.top(); y < rect.bottom(); y += 5) {
        for (int x = rect.left(); x < rect.right(); x += 5) {
            if (view->messageDelegate()->actionAt(option, index, QPoint(x, y)) == action)
                return {x, y};
        }
    }
    return {};
}

} // namespace Serambi::Test
