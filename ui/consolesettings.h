#pragma once

#include <QObject>
#include <QSettings>
#include <QString>

namespace Serambi::Ui {

// The console's personal preferences, kept with QSettings. Each setter stores the value and
// announces it, so the parts that depend on it follow at once.
class ConsoleSettings : public QObject
{
    Q_OBJECT

public:
    enum class SendKey { Enter, CtrlEnter };
    Q_ENUM(SendKey)

    // Stores under the application's organisation and name (QSettings' defaults).
    explicit ConsoleSettings(QObject *parent = nullptr);
    // Stores in the given file; tests use a temporary one.
    explicit ConsoleSettings(const QString &iniFile, QObject *parent = nullptr);

    // "id" or "en"; follows the system locale until the user picks one.
    QString language() const;
    void setLanguage(const QString &language);
    static QString systemLanguage();

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    bool soundEnabled() const;
    void setSoundEnabled(bool enabled);
    // Whether customers see "typing…" while the agent writes (on by default).
    bool typingIndicatorEnabled() const;
    void setTypingIndicatorEnabled(bool enabled);
    SendKey sendKey() const;
    void setSendKey(SendKey key);
    // Minutes without keyboard or mouse input before the console sets the agent away (0: never;
    // 5 by default).
    int awayAfterMinutes() const;
    void setAwayAfterMinutes(int minutes);

Q_SIGNALS:
    void languageChanged(const QString &language);
    void sendKeyChanged(Serambi::Ui::ConsoleSettings::SendKey key);
    void awayAfterMinutesChanged(int minutes);

private:
    QSettings m_settings;
};

} // namespace Serambi::Ui
