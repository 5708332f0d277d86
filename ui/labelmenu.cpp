#include "labelmenu.h"

#include "app/labels.h"

#include <QPainter>
#include <QPixmap>

namespace Serambi::Ui {

namespace {
QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}
} // namespace

LabelMenu::LabelMenu(App::Labels *labels, qint64 conversationId, const QList<qint64> &current,
                     bool supervisor, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(QStringLiteral("labelMenu"));
    setAccessibleName(tr("Labels of this chat"));
    for (const App::Label &label : labels->all()) {
        QAction *action = addAction(swatch(QColor(label.color)), label.name);
        action->setCheckable(true);
        action->setChecked(current.contains(label.id));
        const qint64 id = label.id;
        connect(action, &QAction::triggered, labels, [labels, conversationId, id](bool checked) {
            labels->setOnConversation(conversationId, checked ? QList<qint64>{id} : QList<qint64>{},
                                      checked ? QList<qint64>{} : QList<qint64>{id});
        });
    }
    if (labels->all().isEmpty())
        addAction(supervisor ? tr("No labels yet: add them under Manage labels")
                             : tr("No labels yet: a supervisor adds them"))
            ->setEnabled(false);
    if (supervisor) {
        addSeparator();
        connect(addAction(tr("Manage labels…")), &QAction::triggered, this,
                &LabelMenu::manageRequested);
    }
}

} // namespace Serambi::Ui
