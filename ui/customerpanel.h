#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Serambi::App {
class CustomerOrders;
}

namespace Serambi::Ui {

// Beside the chat: the customer's shop orders, newest first (number, date, items, total in
// Rupiah, status, courier and tracking number), kept current by the relay; "Insert order
// status" (or Enter on an order) puts the selected order's status, in the customer's words,
// into the composer. Ctrl+Shift+O moves here (docs/console.md).
class CustomerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerPanel(App::CustomerOrders *orders, QWidget *parent = nullptr);

    // Shows (and loads) the orders of a chat's customer; 0 for none.
    void setConversation(qint64 conversationId);
    // Moves the keyboard to the list of orders.
    void focusOrders();
    QSize sizeHint() const override;

Q_SIGNALS:
    // The text to insert into the composer.
    void insertRequested(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh(qint64 conversationId);
    void showFailure(qint64 conversationId, const QString &errorCode);
    void insertSelected();

    App::CustomerOrders *m_orders;
    qint64 m_conversationId = 0;
    QString m_failure; // the error code of the last load of this chat, if it failed
    QLabel *m_title;
    QLabel *m_empty;
    QListWidget *m_list;
    QPushButton *m_insert;
};

} // namespace Serambi::Ui
