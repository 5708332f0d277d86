#pragma once

#include <QComboBox>

namespace Serambi::App {
class Presence;
}

namespace Serambi::Ui {

// The status bar's presence selector: Online or Away, as the relay last said; disabled and
// showing Offline while the console is not connected. Choosing asks the relay (set_presence);
// toggle() (Ctrl+Shift+P) switches between the two.
class PresenceSelector : public QComboBox
{
    Q_OBJECT

public:
    explicit PresenceSelector(App::Presence *presence, QWidget *parent = nullptr);

public Q_SLOTS:
    void toggle();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    App::Presence *m_presence;
};

} // namespace Serambi::Ui
