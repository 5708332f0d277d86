#pragma once

#include <QList>
#include <QMenu>

namespace Serambi::App {
class Labels;
}

namespace Serambi::Ui {

// The open chat's labels to tick and untick (Ctrl+Shift+L): one checkable entry per team label,
// each with its colour; choosing one adds it to the chat or removes it. Supervisors also get
// "Manage labels…".
class LabelMenu : public QMenu
{
    Q_OBJECT

public:
    LabelMenu(App::Labels *labels, qint64 conversationId, const QList<qint64> &current,
              bool supervisor, QWidget *parent = nullptr);

Q_SIGNALS:
    void manageRequested();
};

} // namespace Serambi::Ui
