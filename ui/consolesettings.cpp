#include "consolesettings.h"

#include <QLocale>

#include <algorithm>

namespace Serambi::Ui {

namespace {
const QString LanguageKey = QStringLiteral("ui/language");
const QString NotificationsKey = QStringLiteral("ui/notifications");
const QString SoundKey = QStringLiteral("ui/sound");
const QString TypingKey = QStringLiteral("ui/typingIndicator");
const QString AwayAfterKey = QStringLiteral("ui/awayAfterMinutes");
const QString SendKeyKey = QStringLiteral("ui/send_key");
} // namespace

ConsoleSettings::ConsoleSettings(QObject *parent) : QObject(parent) {}

ConsoleSettings::ConsoleSettings(const QString &iniFile, QObject *parent)
    : QObject(parent), m_settings(iniFile, QSettings::IniFormat)
{}

QString ConsoleSettings::language() const
{
    const QString stored = m_settings.value(LanguageKey).toString();
    if (stored == QLatin1String("id") || stored == QLatin1String("en"))
        return stored;
    return systemLanguage();
}

void ConsoleSettings::setLanguage(const QString &language)
{
    if (language == this->language() && m_settings.contains(LanguageKey))
        return;
    m_settings.setValue(LanguageKey, language);
    Q_EMIT languageChanged(language);
}

QString ConsoleSettings::systemLanguage()
{
    return QLocale::system().language() == QLocale::Indonesian ? QStringLiteral("id")
                                                               : QStringLiteral("en");
}

bool ConsoleSettings::notificationsEnabled() const
{
    return m_settings.value(NotificationsKey, true).toBool();
}

void ConsoleSettings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue(NotificationsKey, enabled);
}

bool ConsoleSettings::typingIndicatorEnabled() const
{
    return m_settings.value(TypingKey, true).toBool();
}

void ConsoleSettings::setTypingIndicatorEnabled(bool enabled)
{
    m_settings.setValue(TypingKey, enabled);
}

int ConsoleSettings::awayAfterMinutes() const
{
    return std::clamp(m_settings.value(AwayAfterKey, 5).toInt(), 0, 240);
}

void ConsoleSettings::setAwayAfterMinutes(int minutes)
{
    m_settings.setValue(AwayAfterKey, minutes);
    Q_EMIT awayAfterMinutesChanged(awayAfterMinutes());
}

bool ConsoleSettings::soundEnabled() const
{
    return m_settings.value(SoundKey, false).toBool();
}

void ConsoleSettings::setSoundEnabled(bool enabled)
{
    m_settings.setValue(SoundKey, enabled);
}

ConsoleSettings::SendKey ConsoleSettings::sendKey() const
{
    return m_settings.value(SendKeyKey).toString() == QLatin1String("ctrl_enter")
               ? SendKey::CtrlEnter
               : SendKey::Enter;
}

void ConsoleSettings::setSendKey(SendKey key)
{
    if (key == sendKey() && m_settings.contains(SendKeyKey))
        return;
    m_settings.setValue(SendKeyKey, key == SendKey::CtrlEnter ? QStringLiteral("ctrl_enter")
                                                              : QStringLiteral("enter"));
    Q_EMIT sendKeyChanged(key);
}

} // namespace Serambi::Ui
