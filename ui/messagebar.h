#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Serambi::Ui {

// A non-modal bar above the conversation that says why the relay refused something. It stays
// until closed (its button or Esc) or replaced by the next message.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyColors();

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Serambi::Ui
