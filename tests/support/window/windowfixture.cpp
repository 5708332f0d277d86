#include "windowfixture.h"

#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/memorycredentialstore.h"
#include "app/messagelistmodel.h"
#include "app/relayclient.h"
#include "app/session.h"
#include "ui/consolesettings.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"

#include <QTest>

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

bool WindowFixture::signIn(const QString &username, const QString &password)
{
    m_window->show();
    m_controller->session()->signIn(m_loop->agentsUrl(), username, password);
    return QTest::qWaitFor(
        [this] {
            return m_controller->session()->connectionStatus().state ==
                   App::ConnectionState::Online;
        },
        Timeout);
}

void WindowFixture::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), key, modifiers);
}

qint64 WindowFixture::chatOf(const QString &name) const
{
    const auto *list = m_controller->conversationList();
    for (int row = 0; row < list->rowCount(); ++row) {
        const QModelIndex index = list->index(row);
        if (index.data(App::ConversationListModel::NameRole).toString() == name)
            return index.data(App::ConversationListModel::IdRole).toLongLong();
    }
    return 0;
}

bool WindowFixture::openCustomerChat(const QString &name)
{
    if (!signIn(Agent, AgentPassword) ||
        !QTest::qWaitFor([this, &name] { return chatOf(name) != 0; }, Timeout))
        return false;
    m_window->openConversation(chatOf(name));
    m_window->activateWindow();
    return QTest::qWaitFor([this] { return m_controller->messages()->rowCount() > 0; }, Timeout);
}

} // namespace Serambi::Test
