#pragma once

#include "app/cannedresponses.h"

#include <QFrame>

#include <functional>

class QListWidget;

namespace Serambi::Ui {

class Composer;

// The saved replies that match what follows "/" at the start of the composer ("/ongkir"),
// floating above it. Up and Down choose, Enter or Tab put the reply's text in the composer
// (with {nama} / {name} replaced by the customer's name), Esc closes; typing goes on in the
// composer.
class CannedPopup : public QFrame
{
    Q_OBJECT

public:
    CannedPopup(App::CannedResponses *canned, Composer *editor,
                std::function<QString()> customerName, QWidget *parent);

    QListWidget *list() const { return m_list; }
    // Replaces "/query" with the chosen reply; false when nothing is chosen.
    bool insertCurrent();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void place();

    App::CannedResponses *m_canned;
    Composer *m_editor;
    std::function<QString()> m_customerName;
    QListWidget *m_list;
    int m_queryLength = 0; // characters of "/query" before the cursor
};

} // namespace Serambi::Ui
