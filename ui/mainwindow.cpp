#include "mainwindow.h"

#include "app/attention.h"
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/knowledgebaseeditor.h"
#include "app/openconversation.h"
#include "app/presence.h"
#include "app/session.h"
#include "appicon.h"
#include "chatpane.h"
#include "connectionindicator.h"
#include "consolesettings.h"
#include "conversationlistpanel.h"
#include "customerpanel.h"
#include "errortext.h"
#include "floorwindow.h"
#include "knowledgebasewindow.h"
#include "labelsdialog.h"
#include "languageswitcher.h"
#include "presenceselector.h"
#include "reportswindow.h"
#include "richmessaging.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "traynotifier.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>

namespace Serambi::Ui {

using Filter = App::ConversationFilterProxy::Filter;

namespace {
// What the sign-in form offers before any relay was remembered: a relay on this computer.
const QString DefaultRelayUrl = QStringLiteral("ws://127.0.0.1:8090/agents");
} // namespace

MainWindow::MainWindow(App::ConsoleController *console, ConsoleSettings *settings,
                       LanguageSwitcher *language, QWidget *parent)
    : QMainWindow(parent)
    , m_console(console)
    , m_settings(settings)
    , m_list(new ConversationListPanel(console->filters(), console->session(),
                                       console->openConversation(), console->labels(), this))
    , m_chat(new ChatPane(console, settings, this))
    , m_customer(new CustomerPanel(console->orders(), this))
    , m_connection(new ConnectionIndicator(console->session(), this))
    , m_userLabel(new QLabel(this))
    , m_presence(new PresenceSelector(console->presence(), this))
    , m_signIn(new SignInDialog(this))
    , m_tray(new TrayNotifier(console->attention(), console->conversationList(), settings, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    m_userLabel->setObjectName(QStringLiteral("userLabel"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_chat);
    splitter->addWidget(m_customer);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setChildrenCollapsible(false);
    m_list->setMinimumWidth(300);
    splitter->setSizes({360, 620, 280});
    setCentralWidget(splitter);

    statusBar()->addPermanentWidget(m_presence);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_connection);
    resize(1280, 760);

    constexpr int MinuteMs = 60 * 1000;
    console->presence()->setIdleTimeoutMs(settings->awayAfterMinutes() * MinuteMs);
    connect(settings, &ConsoleSettings::awayAfterMinutesChanged, console->presence(),
            [presence = console->presence()](int minutes) {
                presence->setIdleTimeoutMs(minutes * MinuteMs);
            });

    App::Session *session = console->session();
    m_signIn->setRelayUrl(DefaultRelayUrl);
    m_signIn->setKeychainAvailable(session->keychainAvailable());
    m_signIn->setWindowModality(Qt::WindowModal);

    createActions();
    createMenus();

    connect(m_list, &ConversationListPanel::conversationActivated, this,
            &MainWindow::openConversation);
    connect(m_chat, &ChatPane::chatHandled, this, [this] { openNextNeedingAttention(); });
    connect(m_chat, &ChatPane::hintRequested, this,
            [this](const QString &text) { statusBar()->showMessage(text, 4000); });
    connect(m_chat, &ChatPane::stateChanged, this, &MainWindow::updateActions);
    connect(m_chat, &ChatPane::manageLabelsRequested, this, &MainWindow::showLabels);
    connect(console->openConversation(), &App::OpenConversation::opened, m_customer,
            &CustomerPanel::setConversation);
    connect(m_customer, &CustomerPanel::insertRequested, m_chat, &ChatPane::insertIntoComposer);

    connect(m_signIn, &SignInDialog::signInRequested, session, &App::Session::signIn);
    connect(session, &App::Session::signedIn, this, &MainWindow::handleSignedIn);
    connect(session, &App::Session::signInFailed, this, &MainWindow::handleSignInFailed);
    connect(session, &App::Session::passwordRequired, this, &MainWindow::showSignIn);
    connect(session, &App::Session::signedOut, this, &MainWindow::updateActions);
    connect(session, &App::Session::connectionChanged, this, &MainWindow::updateActions);
    connect(session, &App::Session::keychainAvailabilityChanged, m_signIn,
            &SignInDialog::setKeychainAvailable);
    connect(session, &App::Session::currentUserChanged, this, &MainWindow::retranslateUi);
    connect(console->inbox(), &App::Inbox::conversationsLoaded, this,
            &MainWindow::handleConversationsLoaded);
    connect(settings, &ConsoleSettings::languageChanged, language, &LanguageSwitcher::apply);
    connect(m_tray, &TrayNotifier::chatRequested, this, [this](qint64 id) {
        showNormal();
        raise();
        activateWindow();
        openConversation(id);
    });
    connect(m_tray, &TrayNotifier::windowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    retranslateUi();
}

MainWindow::~MainWindow() = default;

RichMessaging *MainWindow::richMessaging() const
{
    return m_chat->richMessaging();
}

void MainWindow::start()
{
    show();
    if (!m_console->session()->restore())
        showSignIn();
}

void MainWindow::showSignIn()
{
    const App::Session *session = m_console->session();
    if (!session->lastUsername().isEmpty())
        m_signIn->setUsername(session->lastUsername());
    if (!session->lastRelayUrl().isEmpty())
        m_signIn->setRelayUrl(session->lastRelayUrl().toString());
    m_signIn->setBusy(false);
    m_signIn->open();
}

void MainWindow::openConversation(qint64 id)
{
    if (id == 0)
        return;
    if (id == m_console->openConversation()->id()) {
        m_list->selectConversation(id);
        return;
    }
    m_console->openConversation()->open(id);
}

bool MainWindow::openNextNeedingAttention(bool backwards)
{
    const qint64 next =
        m_console->attention()->next(m_console->openConversation()->id(), backwards);
    if (next == 0) {
        statusBar()->showMessage(tr("No other chat needs you right now."), 4000);
        return false;
    }
    openConversation(next);
    return true;
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showKnowledgeBase()
{
    if (!m_console->session()->currentUser().isSupervisor())
        return;
    if (!m_knowledgeBase) {
        m_knowledgeBase = new KnowledgeBaseWindow(m_console->knowledgeBase(), this);
        m_knowledgeBase->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_console->knowledgeBase()->refresh();
    m_knowledgeBase->show();
    m_knowledgeBase->raise();
    m_knowledgeBase->activateWindow();
}

void MainWindow::showReports()
{
    if (!m_console->session()->currentUser().isSupervisor())
        return;
    if (!m_reports) {
        m_reports = new ReportsWindow(m_console->reports(), this);
        m_reports->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_reports->load();
    m_reports->show();
    m_reports->raise();
    m_reports->activateWindow();
}

void MainWindow::showFloor()
{
    if (!m_console->session()->currentUser().isSupervisor())
        return;
    if (!m_floor) {
        m_floor = new FloorWindow(m_console->floor(), this);
        m_floor->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_floor, &FloorWindow::openRequested, this, [this](qint64 conversationId) {
            m_console->openConversation()->open(conversationId);
            raise();
            activateWindow();
        });
    }
    m_floor->refresh();
    m_floor->show();
    m_floor->raise();
    m_floor->activateWindow();
}

void MainWindow::showLabels()
{
    if (!m_console->session()->currentUser().isSupervisor())
        return;
    auto *dialog = new LabelsDialog(m_console->labels(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::ActivationChange)
        m_chat->markReadIfActive();
    QMainWindow::changeEvent(event);
}

template<typename Receiver>
QAction *MainWindow::addShortcutAction(const QKeySequence &shortcut, Receiver *receiver,
                                       void (Receiver::*slot)())
{
    auto *action = new QAction(this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, receiver, slot);
    addAction(action);
    return action;
}

void MainWindow::createActions()
{
    m_settingsAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettings);
    m_knowledgeBaseAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), this,
                                              &MainWindow::showKnowledgeBase);
    m_reportsAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), this,
                                        &MainWindow::showReports);
    m_floorAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this,
                                      &MainWindow::showFloor);
    m_transferAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), m_chat,
                                         &ChatPane::transfer);
    m_signInAction = addShortcutAction({}, this, &MainWindow::showSignIn);
    m_signOutAction = addShortcutAction({}, this, &MainWindow::signOut);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::quit);
    addAction(m_quitAction);

    m_searchAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::focusSearch);
    m_nextAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_J), this, &MainWindow::nextChat);
    m_previousAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), this,
                                         &MainWindow::previousChat);
    m_takeOverAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_T), m_chat, &ChatPane::takeOver);
    m_handBackAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), m_chat,
                                         &ChatPane::handBack);
    m_resolveAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), m_chat,
                                        &ChatPane::resolve);
    m_assignAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), m_chat,
                                       &ChatPane::assign);
    m_replyAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_R), m_chat, &ChatPane::replyToSelected);
    m_composerAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_L), m_chat, &ChatPane::focusComposer);
    m_noteAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), m_chat,
                                     &ChatPane::focusNote);
    m_labelsAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), m_chat,
                                       &ChatPane::chooseLabels);
    m_manageLabelsAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L), this,
                                             &MainWindow::showLabels);
    m_approveAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_Return), m_chat, &ChatPane::approveDraft);
    m_approveAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_editAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_E), m_chat, &ChatPane::editDraft);
    m_regenerateAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), m_chat,
                                           &ChatPane::regenerateDraft);
    m_discardAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), m_chat,
                                        &ChatPane::discardDraft);
    m_escapeAction = addShortcutAction(QKeySequence(Qt::Key_Escape), this, &MainWindow::escape);
    m_presenceAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), m_presence,
                                         &PresenceSelector::toggle);
    m_ordersAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), m_customer,
                                       &CustomerPanel::focusOrders);

    const Filter filters[] = {Filter::Mine, Filter::Queue, Filter::All, Filter::Resolved,
                              Filter::Mentions};
    for (int i = 0; i < 5; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        const Filter filter = filters[i];
        connect(action, &QAction::triggered, this, [this, filter] {
            m_filterChosen = true;
            m_list->showFilter(filter);
            m_list->listView(filter)->setFocus(Qt::ShortcutFocusReason);
        });
        addAction(action);
        m_filterActions.append(action);
    }
}

void MainWindow::createMenus()
{
    m_consoleMenu = menuBar()->addMenu(QString());
    m_consoleMenu->addAction(m_settingsAction);
    m_consoleMenu->addAction(richMessaging()->cannedAction());
    m_consoleMenu->addAction(m_knowledgeBaseAction);
    m_consoleMenu->addAction(m_reportsAction);
    m_consoleMenu->addAction(m_floorAction);
    m_consoleMenu->addAction(m_manageLabelsAction);
    m_consoleMenu->addSeparator();
    m_consoleMenu->addAction(m_signInAction);
    m_consoleMenu->addAction(m_signOutAction);
    m_consoleMenu->addAction(m_quitAction);

    m_chatMenu = menuBar()->addMenu(QString());
    m_chatMenu->addAction(m_searchAction);
    m_chatMenu->addAction(m_nextAction);
    m_chatMenu->addAction(m_previousAction);
    m_chatMenu->addSeparator();
    m_chatMenu->addAction(m_takeOverAction);
    m_chatMenu->addAction(m_handBackAction);
    m_chatMenu->addAction(m_resolveAction);
    m_chatMenu->addAction(m_assignAction);
    m_chatMenu->addAction(m_transferAction);
    m_chatMenu->addSeparator();
    m_chatMenu->addAction(m_replyAction);
    m_chatMenu->addAction(m_composerAction);
    m_chatMenu->addAction(m_noteAction);
    m_chatMenu->addAction(m_labelsAction);
    m_chatMenu->addAction(m_ordersAction);
    m_chatMenu->addSeparator();
    for (QAction *action : richMessaging()->actions()) {
        addAction(action);
        m_chatMenu->addAction(action);
    }

    m_draftMenu = menuBar()->addMenu(QString());
    m_draftMenu->addAction(m_approveAction);
    m_draftMenu->addAction(m_editAction);
    m_draftMenu->addAction(m_regenerateAction);
    m_draftMenu->addAction(m_discardAction);

    m_viewMenu = menuBar()->addMenu(QString());
    for (QAction *action : std::as_const(m_filterActions))
        m_viewMenu->addAction(action);
}

void MainWindow::retranslateUi()
{
    const App::CurrentUser user = m_console->session()->currentUser();
    setWindowTitle(user.username.isEmpty()
                       ? tr("Serambi")
                       : tr("Serambi — %1")
                             .arg(user.displayName.isEmpty() ? user.username : user.displayName));
    m_userLabel->setText(
        user.username.isEmpty()
            ? QString()
            : (user.isSupervisor() ? tr("%1 (supervisor)") : tr("%1 (agent)"))
                  .arg(user.displayName.isEmpty() ? user.username : user.displayName));
    m_consoleMenu->setTitle(tr("&Serambi"));
    m_chatMenu->setTitle(tr("&Chat"));
    m_draftMenu->setTitle(tr("&Draft"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsAction->setText(tr("&Settings…"));
    m_knowledgeBaseAction->setText(tr("&Knowledge base…"));
    m_reportsAction->setText(tr("&Reports and audit log…"));
    m_floorAction->setText(tr("&Floor…"));
    m_transferAction->setText(tr("Trans&fer to…"));
    m_signInAction->setText(tr("Sign &in…"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_searchAction->setText(tr("&Search chats"));
    m_nextAction->setText(tr("&Next chat that needs me"));
    m_previousAction->setText(tr("&Previous chat that needs me"));
    m_takeOverAction->setText(tr("&Take over"));
    m_handBackAction->setText(tr("&Hand back to AI"));
    m_resolveAction->setText(tr("Re&solve"));
    m_assignAction->setText(tr("Assi&gn to…"));
    m_replyAction->setText(tr("&Reply to the selected message"));
    m_composerAction->setText(tr("&Write a reply"));
    m_noteAction->setText(tr("Write an internal &note"));
    m_labelsAction->setText(tr("&Labels…"));
    m_manageLabelsAction->setText(tr("Manage &labels…"));
    m_ordersAction->setText(tr("Customer's &orders"));
    m_approveAction->setText(tr("&Approve and send"));
    m_editAction->setText(tr("&Edit in the composer"));
    m_regenerateAction->setText(tr("Re&generate"));
    m_discardAction->setText(tr("&Discard"));
    const QStringList filterNames{tr("&Mine"), tr("&Queue"), tr("&All chats"), tr("&Resolved"),
                                  tr("M&entions")};
    for (int i = 0; i < m_filterActions.size(); ++i)
        m_filterActions.at(i)->setText(filterNames.at(i));
    updateActions();
}

void MainWindow::handleSignedIn()
{
    m_signIn->setBusy(false);
    m_signIn->accept();
    retranslateUi();
}

void MainWindow::handleSignInFailed(const QString &errorCode, int retryAfterSeconds)
{
    qCInfo(lcUi) << "sign-in refused:" << errorCode;
    if (!m_signIn->isVisible())
        showSignIn();
    m_signIn->showError(ErrorText::forName(errorCode, retryAfterSeconds));
}

void MainWindow::handleConversationsLoaded()
{
    // A first look at an empty "Mine" is less useful than the queue waiting for someone.
    if (m_filterChosen)
        return;
    m_filterChosen = true;
    if (m_console->conversations(Filter::Mine)->rowCount() == 0)
        m_list->showFilter(Filter::Queue);
}

void MainWindow::updateActions()
{
    const App::Session *session = m_console->session();
    const bool signedIn = session->connectionStatus().state != App::ConnectionState::SignedOut;
    m_signInAction->setVisible(!signedIn);
    m_signOutAction->setVisible(signedIn);
    const bool open = m_chat->hasConversation();
    const bool draft = open && m_chat->hasDraft();
    for (QAction *action :
         {m_takeOverAction, m_handBackAction, m_resolveAction, m_replyAction, m_composerAction,
          m_noteAction, m_labelsAction, m_ordersAction, m_transferAction})
        action->setEnabled(open);
    const bool supervisor = session->currentUser().isSupervisor();
    m_assignAction->setEnabled(open && supervisor);
    m_assignAction->setVisible(supervisor);
    m_knowledgeBaseAction->setVisible(supervisor);
    m_knowledgeBaseAction->setEnabled(supervisor);
    m_reportsAction->setVisible(supervisor);
    m_reportsAction->setEnabled(supervisor);
    m_floorAction->setVisible(supervisor);
    m_floorAction->setEnabled(supervisor);
    m_manageLabelsAction->setVisible(supervisor);
    m_manageLabelsAction->setEnabled(supervisor);
    for (QAction *action : {m_approveAction, m_editAction, m_regenerateAction, m_discardAction})
        action->setEnabled(draft);
    m_regenerateAction->setEnabled(open);
}

void MainWindow::focusSearch()
{
    m_list->focusSearch();
}

void MainWindow::nextChat()
{
    openNextNeedingAttention(false);
}

void MainWindow::previousChat()
{
    openNextNeedingAttention(true);
}

void MainWindow::escape()
{
    if (m_chat->escape())
        return;
    if (m_list->clearSearch() || m_list->searchField()->hasFocus())
        m_list->listView(m_list->currentFilter())->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::signOut()
{
    m_console->session()->signOut();
    showSignIn();
}

} // namespace Serambi::Ui
