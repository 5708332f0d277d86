#pragma once

#include <QColor>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Serambi::App {
class Labels;
}

namespace Serambi::Ui {

// Manage labels (supervisors, Ctrl+Alt+L): the team's labels with their colours; add one,
// rename or recolour it, delete it after a confirmation (it leaves every chat). The relay
// decides who may; its refusals are shown here in words.
class LabelsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LabelsDialog(App::Labels *labels, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload();
    void showSelected();
    void setColor(const QColor &color);
    void chooseCustomColor();
    void save();
    void confirmDelete();
    void showError(const QString &errorCode);

    App::Labels *m_labels;
    QListWidget *m_list;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_colorLabel;
    QComboBox *m_color;
    QPushButton *m_customColor;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_close;
    qint64 m_editing = 0;
};

} // namespace Serambi::Ui
