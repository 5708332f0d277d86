#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Serambi::App {
class CannedResponses;
}

namespace Serambi::Ui {

// The team's saved replies: add, edit, delete. Who may change which one is the relay's rule;
// its refusals are shown here in words.
class CannedDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CannedDialog(App::CannedResponses *canned, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload();
    void showSelected();
    void save();
    void showError(const QString &errorCode);

    App::CannedResponses *m_canned;
    QListWidget *m_list;
    QLabel *m_shortcutLabel;
    QLineEdit *m_shortcut;
    QLabel *m_titleLabel;
    QLineEdit *m_title;
    QLabel *m_textLabel;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_close;
    qint64 m_editing = 0;
};

} // namespace Serambi::Ui
