#include "windowfixture.h"

#include "app/consolecontroller.h"
#include "app/memorycredentialstore.h"
#include "app/relayclient.h"
#include "ui/consolesettings.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"

namespace Serambi::Test {

WindowFixture::WindowFixture() = default;
WindowFixture::~WindowFixture() = default;

void WindowFixture::openWindow()
{
    m_settings =
        std::make_unique<Ui::ConsoleSettings>(m_loop->dataPath(QStringLiteral("console.ini")));
    m_settings->setLanguage(QStringLiteral("en"));
    m_language = std::make_unique<Ui::LanguageSwitcher>();
    m_language->apply(QStringLiteral("en"));
    m_credentials = std::make_unique<App::MemoryCredentialStore>();
    m_client = std::make_unique<App::RelayClient>();
    App::ConsoleOptions options;
    options.dataDirectory = m_loop->dataPath(QStringLiteral("console"));
    m_controller =
        std::make_unique<App::ConsoleController>(m_client.get(), m_credentials.get(), options);
    m_window =
        std::make_unique<Ui::MainWindow>(m_controller.get(), m_settings.get(), m_language.get());
}

void WindowFixture::closeWindow()
{
    m_window.reset();
    m_controller.reset();
    m_client.reset();
    m_credentials.reset();
    if (m_language)
        m_language->apply(QStringLiteral("en"));
    m_language.reset();
    m_settings.reset();
    stopLoopback();
}

} // namespace Serambi::Test
