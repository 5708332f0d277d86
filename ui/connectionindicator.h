#pragma once

#include <QTimer>
#include <QWidget>

namespace Serambi::App {
class ConsoleController;
}

namespace Serambi::Ui {

// The status bar's word on the relay link, always visible: "Connected", "Reconnecting in
// N s", "Offline since HH:MM", with a coloured dot. Counts down every second.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(App::ConsoleController *controller, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    App::ConsoleController *m_controller;
    QTimer m_tick;
    QString m_text;
    QColor m_dot;
};

} // namespace Serambi::Ui
