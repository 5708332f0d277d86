#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Serambi::Ui {

class ConsoleSettings;

// Language, notifications, sound, send key and the typing indicator. Applies to ConsoleSettings
// when accepted; the language takes effect at once, without a restart.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(ConsoleSettings *settings, QWidget *parent = nullptr);

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load();

    ConsoleSettings *m_settings;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QCheckBox *m_notifications;
    QCheckBox *m_sound;
    QCheckBox *m_typing;
    QLabel *m_awayAfterLabel;
    QSpinBox *m_awayAfter;
    QLabel *m_sendKeyLabel;
    QComboBox *m_sendKey;
    QLabel *m_themeNote;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};

} // namespace Serambi::Ui
