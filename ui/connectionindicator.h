#pragma once

#include <QTimer>
#include <QWidget>

namespace Serambi::App {
class Session;
}

namespace Serambi::Ui {

// The status bar's word on the relay link, always visible: "Connected", "Reconnecting in
// N s", "Offline since HH:MM", with a coloured dot. Counts down every second.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(App::Session *session, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    App::Session *m_session;
    QTimer m_tick;
    QString m_text;
    QColor m_dot;
};

} // namespace Serambi::Ui
