#pragma once

#include "support/console/consolefixture.h"
#include "ui/mainwindow.h"

#include <QLatin1String>
#include <QString>
#include <Qt>

#include <memory>

namespace Serambi::App {
class ConsoleController;
class MemoryCredentialStore;
class RelayClient;
} // namespace Serambi::App
namespace Serambi::Ui {
class ConsoleSettings;
class LanguageSwitcher;
} // namespace Serambi::Ui

namespace Serambi::Test {

// The console's main window in English over a ConsoleFixture's relay: settings, language,
// an in-memory keychain, the relay client and the controller, as the console builds them.
// init(): start the relay, then openWindow(); cleanup(): closeWindow().
class WindowFixture : public ConsoleFixture
{
protected:
    WindowFixture();
    ~WindowFixture();
    WindowFixture(const WindowFixture &) = delete;
    WindowFixture &operator=(const WindowFixture &) = delete;

    void openWindow();
    // Closes the window, back to English, and stops the relay and the simulator.
    void closeWindow();

    // Shows the window and signs in (no dialog); true once the console is online.
    bool signIn(const QString &username, const QString &password);
    // Activates the window and presses a shortcut there (Ctrl+Shift+key by default).
    void press(Qt::Key key,
               Qt::KeyboardModifiers modifiers = Qt::ControlModifier | Qt::ShiftModifier);
    // The id of the chat with the customer of that name once the list has it; 0 until then.
    qint64 chatOf(const QString &name) const;
    // Signs Ayu in, waits for the customer's chat, opens it and waits for its messages.
    bool openCustomerChat(const QString &name = CustomerName);

    // The window's widget of that type and object name; nullptr when there is none.
    template<typename T> T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }

    std::unique_ptr<Ui::ConsoleSettings> m_settings;
    std::unique_ptr<Ui::LanguageSwitcher> m_language;
    std::unique_ptr<App::MemoryCredentialStore> m_credentials;
    std::unique_ptr<App::RelayClient> m_client;
    std::unique_ptr<App::ConsoleController> m_controller;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace Serambi::Test
