#include "settingsdialog.h"

#include "consolesettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Serambi::Ui {

SettingsDialog::SettingsDialog(ConsoleSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_notifications(new QCheckBox(this))
    , m_sound(new QCheckBox(this))
    , m_typing(new QCheckBox(this))
    , m_awayAfterLabel(new QLabel(this))
    , m_awayAfter(new QSpinBox(this))
    , m_sendKeyLabel(new QLabel(this))
    , m_sendKey(new QComboBox(this))
    , m_themeNote(new QLabel(this))
    , m_ok(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Each language is named in itself, so it can be found whatever the current language.
    m_language->addItem(QStringLiteral("Bahasa Indonesia"), QStringLiteral("id"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_sound->setObjectName(QStringLiteral("soundCheck"));
    m_typing->setObjectName(QStringLiteral("typingCheck"));
    m_sendKey->setObjectName(QStringLiteral("sendKeyCombo"));
    m_awayAfter->setObjectName(QStringLiteral("awayAfterSpin"));
    m_awayAfter->setRange(0, 240);
    m_awayAfterLabel->setBuddy(m_awayAfter);
    m_sendKey->addItem(QString(), QVariant::fromValue(ConsoleSettings::SendKey::Enter));
    m_sendKey->addItem(QString(), QVariant::fromValue(ConsoleSettings::SendKey::CtrlEnter));
    m_themeNote->setWordWrap(true);
    m_ok->setObjectName(QStringLiteral("settingsOkButton"));
    m_ok->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("settingsCancelButton"));
    m_languageLabel->setBuddy(m_language);
    m_sendKeyLabel->setBuddy(m_sendKey);

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    form->addRow(QString(), m_notifications);
    form->addRow(QString(), m_sound);
    form->addRow(QString(), m_typing);
    form->addRow(m_sendKeyLabel, m_sendKey);
    form->addRow(m_awayAfterLabel, m_awayAfter);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_ok);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_themeNote);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_ok, &QPushButton::clicked, this, &SettingsDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    retranslateUi();
    load();
}

void SettingsDialog::accept()
{
    m_settings->setNotificationsEnabled(m_notifications->isChecked());
    m_settings->setSoundEnabled(m_sound->isChecked());
    m_settings->setTypingIndicatorEnabled(m_typing->isChecked());
    m_settings->setSendKey(m_sendKey->currentData().value<ConsoleSettings::SendKey>());
    m_settings->setAwayAfterMinutes(m_awayAfter->value());
    m_settings->setLanguage(m_language->currentData().toString());
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_notifications->setText(tr("Show &notifications for new handoffs and assigned chats"));
    m_sound->setText(tr("Play a &sound with notifications"));
    m_typing->setText(tr("Show customers when I am &typing"));
    m_sendKeyLabel->setText(tr("Send &with:"));
    m_sendKey->setAccessibleName(tr("Send key"));
    m_sendKey->setItemText(0, tr("Enter (Shift+Enter for a new line)"));
    m_sendKey->setItemText(1, tr("Ctrl+Enter (Enter for a new line)"));
    m_awayAfterLabel->setText(tr("Set me &away after:"));
    m_awayAfter->setSuffix(tr(" min idle"));
    m_awayAfter->setSpecialValueText(tr("never"));
    m_awayAfter->setAccessibleName(tr("Minutes without input before you are set away"));
    m_themeNote->setText(tr("Light and dark follow your system's theme."));
    m_ok->setText(tr("Save"));
    m_cancel->setText(tr("Cancel"));
}

void SettingsDialog::load()
{
    m_language->setCurrentIndex(m_language->findData(m_settings->language()));
    m_notifications->setChecked(m_settings->notificationsEnabled());
    m_sound->setChecked(m_settings->soundEnabled());
    m_typing->setChecked(m_settings->typingIndicatorEnabled());
    m_awayAfter->setValue(m_settings->awayAfterMinutes());
    m_sendKey->setCurrentIndex(m_settings->sendKey() == ConsoleSettings::SendKey::CtrlEnter ? 1
                                                                                            : 0);
}

} // namespace Serambi::Ui
