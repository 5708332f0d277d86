#include "mainwindow.h"

#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "appicon.h"
#include "assigndialog.h"
#include "composer.h"
#include "composerpanel.h"
#include "connectionindicator.h"
#include "consolesettings.h"
#include "conversationheader.h"
#include "conversationlistpanel.h"
#include "conversationview.h"
#include "draftpanel.h"
#include "errortext.h"
#include "languageswitcher.h"
#include "messagebar.h"
#include "richmessaging.h"
#include "settingsdialog.h"
#include "signindialog.h"
#include "traynotifier.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Serambi::Ui {

using Filter = App::ConversationFilterProxy::Filter;

MainWindow::MainWindow(App::ConsoleController *controller, ConsoleSettings *settings,
                       LanguageSwitcher *language, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_language(language)
    , m_list(new ConversationListPanel(controller, this))
    , m_header(new ConversationHeader(controller, this))
    , m_messageBar(new MessageBar(this))
    , m_view(new ConversationView(controller->messages(), controller->mediaCache(), this))
    , m_draft(new DraftPanel(this))
    , m_composer(new ComposerPanel(this))
    , m_connection(new ConnectionIndicator(controller, this))
    , m_userLabel(new QLabel(this))
    , m_signIn(new SignInDialog(this))
    , m_tray(new TrayNotifier(controller, settings, this))
    , m_rich(new RichMessaging(controller, settings, m_composer, m_view, m_draft, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    m_userLabel->setObjectName(QStringLiteral("userLabel"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    auto *line = new QFrame(right);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(line);
    rightLayout->addWidget(m_messageBar);
    rightLayout->addWidget(m_view, 1);
    rightLayout->addWidget(m_draft);
    rightLayout->addWidget(m_composer);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_list->setMinimumWidth(300);
    splitter->setSizes({380, 720});
    setCentralWidget(splitter);

    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_connection);
    resize(1180, 760);

    m_composer->setSendKey(settings->sendKey());
    m_signIn->setRelayUrl(settings->relayUrl());
    m_signIn->setUsername(settings->lastUsername());
    m_signIn->setKeychainAvailable(controller->keychainAvailable());
    m_signIn->setWindowModality(Qt::WindowModal);

    createActions();
    createMenus();

    connect(m_list, &ConversationListPanel::conversationActivated, this,
            &MainWindow::openConversation);
    connect(m_header, &ConversationHeader::takeOverRequested, this, &MainWindow::takeOver);
    connect(m_header, &ConversationHeader::handBackRequested, this, &MainWindow::handBack);
    connect(m_header, &ConversationHeader::resolveRequested, this, &MainWindow::resolve);
    connect(m_header, &ConversationHeader::assignRequested, this, &MainWindow::assign);
    connect(m_header, &ConversationHeader::aiModeRequested, this, [this](const QString &name) {
        Protocol::AiMode mode;
        if (Protocol::aiModeFromName(name, &mode))
            m_controller->setAiMode(mode);
    });
    connect(m_rich, &RichMessaging::replyRequested, this, &MainWindow::replyToSelected);
    connect(m_draft, &DraftPanel::approveRequested, this, &MainWindow::approveDraft);
    connect(m_draft, &DraftPanel::editRequested, this, &MainWindow::editDraft);
    connect(m_draft, &DraftPanel::regenerateRequested, this, &MainWindow::regenerateDraft);
    connect(m_draft, &DraftPanel::discardRequested, this, &MainWindow::discardDraft);
    connect(m_composer, &ComposerPanel::sendRequested, this, &MainWindow::handleSendRequested);
    connect(m_composer, &ComposerPanel::textEdited, this, [this](const QString &text) {
        if (m_current != 0)
            m_controller->setUnsentText(m_current, text);
    });
    connect(m_view, &QListView::activated, this, &MainWindow::replyToSelected);
    connect(m_view, &ConversationView::retryMediaRequested, m_controller,
            &App::ConsoleController::retryMedia);

    connect(m_signIn, &SignInDialog::signInRequested, this,
            [this](const QUrl &url, const QString &username, const QString &password) {
                m_settings->setRelayUrl(url.toString());
                m_settings->setLastUsername(username);
                m_controller->signIn(url, username, password);
            });
    connect(controller, &App::ConsoleController::signedIn, this, &MainWindow::handleSignedIn);
    connect(controller, &App::ConsoleController::signInFailed, this,
            &MainWindow::handleSignInFailed);
    connect(controller, &App::ConsoleController::passwordRequired, this, &MainWindow::showSignIn);
    connect(controller, &App::ConsoleController::signedOut, this, &MainWindow::updateActions);
    connect(controller, &App::ConsoleController::keychainAvailabilityChanged, m_signIn,
            &SignInDialog::setKeychainAvailable);
    connect(controller, &App::ConsoleController::currentUserChanged, this,
            &MainWindow::handleCurrentUserChanged);
    connect(controller, &App::ConsoleController::conversationOpened, this,
            &MainWindow::handleConversationOpened);
    connect(controller, &App::ConsoleController::conversationsLoaded, this,
            &MainWindow::handleConversationsLoaded);
    connect(controller, &App::ConsoleController::draftChanged, this, [this](qint64 id) {
        if (id == m_current)
            m_draft->setDraft(m_controller->draft(id));
        updateActions();
    });
    connect(controller, &App::ConsoleController::commandFailed, this,
            &MainWindow::handleCommandFailed);
    connect(controller, &App::ConsoleController::messageFailed, this,
            &MainWindow::handleMessageFailed);
    connect(controller, &App::ConsoleController::connectionChanged, this,
            &MainWindow::updateActions);
    connect(controller->conversationList(), &QAbstractItemModel::dataChanged, this, [this] {
        markReadIfActive();
        updateActions();
    });
    connect(settings, &ConsoleSettings::sendKeyChanged, m_composer, &ComposerPanel::setSendKey);
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
    handleConversationOpened(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::start()
{
    show();
    if (!m_controller->restoreSession())
        showSignIn();
}

void MainWindow::showSignIn()
{
    if (!m_controller->lastUsername().isEmpty())
        m_signIn->setUsername(m_controller->lastUsername());
    if (!m_controller->lastRelayUrl().isEmpty())
        m_signIn->setRelayUrl(m_controller->lastRelayUrl().toString());
    m_signIn->setBusy(false);
    m_signIn->open();
}

void MainWindow::openConversation(qint64 id)
{
    if (id == 0)
        return;
    if (id == m_current) {
        m_list->selectConversation(id);
        return;
    }
    m_controller->openConversation(id);
}

bool MainWindow::openNextNeedingAttention(bool backwards)
{
    const qint64 next = m_controller->nextNeedingAttention(m_current, backwards);
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

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::ActivationChange)
        markReadIfActive();
    QMainWindow::changeEvent(event);
}

QAction *MainWindow::addShortcutAction(const QKeySequence &shortcut, void (MainWindow::*slot)())
{
    auto *action = new QAction(this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
}

void MainWindow::createActions()
{
    m_settingsAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_Comma), &MainWindow::showSettings);
    m_signInAction = addShortcutAction({}, &MainWindow::showSignIn);
    m_signOutAction = addShortcutAction({}, &MainWindow::signOut);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::quit);
    addAction(m_quitAction);

    m_searchAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_K), &MainWindow::focusSearch);
    m_nextAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_J), &MainWindow::nextChat);
    m_previousAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
                                         &MainWindow::previousChat);
    m_takeOverAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_T), &MainWindow::takeOver);
    m_handBackAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), &MainWindow::handBack);
    m_resolveAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::resolve);
    m_assignAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &MainWindow::assign);
    m_replyAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_R), &MainWindow::replyToSelected);
    m_composerAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_L), &MainWindow::focusComposer);
    m_approveAction =
        addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_Return), &MainWindow::approveDraft);
    m_approveAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_editAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::editDraft);
    m_regenerateAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                           &MainWindow::regenerateDraft);
    m_discardAction = addShortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                        &MainWindow::discardDraft);
    m_escapeAction = addShortcutAction(QKeySequence(Qt::Key_Escape), &MainWindow::escape);

    const Filter filters[] = {Filter::Mine, Filter::Queue, Filter::All, Filter::Resolved};
    for (int i = 0; i < 4; ++i) {
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
    m_consoleMenu->addAction(m_rich->cannedAction());
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
    m_chatMenu->addSeparator();
    m_chatMenu->addAction(m_replyAction);
    m_chatMenu->addAction(m_composerAction);
    m_chatMenu->addSeparator();
    for (QAction *action : m_rich->actions()) {
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
    const App::CurrentUser user = m_controller->currentUser();
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
    m_approveAction->setText(tr("&Approve and send"));
    m_editAction->setText(tr("&Edit in the composer"));
    m_regenerateAction->setText(tr("Re&generate"));
    m_discardAction->setText(tr("&Discard"));
    const QStringList filterNames{tr("&Mine"), tr("&Queue"), tr("&All chats"), tr("&Resolved")};
    for (int i = 0; i < m_filterActions.size(); ++i)
        m_filterActions.at(i)->setText(filterNames.at(i));
    updateActions();
}

void MainWindow::handleSignedIn()
{
    m_signIn->setBusy(false);
    m_signIn->accept();
    m_messageBar->hide();
    handleCurrentUserChanged();
}

void MainWindow::handleSignInFailed(const QString &errorCode, int retryAfterSeconds)
{
    qCInfo(lcUi) << "sign-in refused:" << errorCode;
    if (!m_signIn->isVisible())
        showSignIn();
    m_signIn->showError(ErrorText::forName(errorCode, retryAfterSeconds));
}

void MainWindow::handleConversationOpened(qint64 id)
{
    m_current = id;
    m_header->setConversation(id);
    m_draft->setDraft(id != 0 ? m_controller->draft(id) : std::nullopt);
    m_composer->cancelReply();
    m_composer->setText(id != 0 ? m_controller->unsentText(id) : QString());
    m_composer->setEnabled(id != 0);
    m_list->selectConversation(id);
    markReadIfActive();
    updateActions();
}

void MainWindow::handleCommandFailed(qint64 conversationId, const QString &errorCode,
                                     const QString &metaTitle)
{
    QString text = ErrorText::forName(errorCode, 0, metaTitle);
    const App::Conversation *conversation =
        m_controller->conversationList()->conversation(conversationId);
    if (conversationId != m_current && conversation)
        text = tr("%1: %2").arg(conversation->displayName(), text);
    m_messageBar->showMessage(text);
}

void MainWindow::handleMessageFailed(qint64 conversationId, qint64, int metaCode,
                                     const QString &metaTitle)
{
    const App::Conversation *conversation =
        m_controller->conversationList()->conversation(conversationId);
    const QString who = conversation ? conversation->displayName() : QString();
    QString reason =
        metaTitle.isEmpty() ? ErrorText::forName(QStringLiteral("meta_error")) : metaTitle;
    if (metaCode != 0)
        reason += QStringLiteral(" (%1)").arg(metaCode);
    m_messageBar->showMessage(tr("A message to %1 was not delivered: %2").arg(who, reason));
}

void MainWindow::handleSendRequested(const QString &text, const QString &replyToWamid)
{
    if (!m_controller->sendText(text, replyToWamid))
        return;
    m_composer->setText(QString());
    m_composer->cancelReply();
    m_controller->setUnsentText(m_current, QString());
}

void MainWindow::handleCurrentUserChanged()
{
    retranslateUi();
}

void MainWindow::handleConversationsLoaded()
{
    // A first look at an empty "Mine" is less useful than the queue waiting for someone.
    if (m_filterChosen)
        return;
    m_filterChosen = true;
    if (m_controller->conversations(Filter::Mine)->rowCount() == 0)
        m_list->showFilter(Filter::Queue);
}

void MainWindow::markReadIfActive()
{
    if (m_current == 0 || !isActiveWindow())
        return;
    const App::Conversation *conversation =
        m_controller->conversationList()->conversation(m_current);
    if (conversation && conversation->unread > 0)
        m_controller->markRead();
}

void MainWindow::updateActions()
{
    const bool signedIn = m_controller->connectionStatus().state != App::ConnectionState::SignedOut;
    m_signInAction->setVisible(!signedIn);
    m_signOutAction->setVisible(signedIn);
    const bool open = m_current != 0;
    const bool draft = open && m_draft->hasDraft();
    for (QAction *action :
         {m_takeOverAction, m_handBackAction, m_resolveAction, m_replyAction, m_composerAction})
        action->setEnabled(open);
    m_assignAction->setEnabled(open && m_controller->currentUser().isSupervisor());
    m_assignAction->setVisible(m_controller->currentUser().isSupervisor());
    for (QAction *action : {m_approveAction, m_editAction, m_regenerateAction, m_discardAction})
        action->setEnabled(draft);
    m_regenerateAction->setEnabled(open);
}

void MainWindow::approveDraft()
{
    if (m_draft->canApprove() && m_controller->approveDraft())
        openNextNeedingAttention();
}

void MainWindow::editDraft()
{
    const QString text = m_controller->editDraft();
    if (text.isEmpty())
        return;
    m_composer->setText(text);
    m_controller->setUnsentText(m_current, text);
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::regenerateDraft()
{
    m_controller->regenerateDraft();
}

void MainWindow::discardDraft()
{
    m_controller->discardDraft();
}

void MainWindow::takeOver()
{
    if (m_controller->takeOver())
        m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::handBack()
{
    m_controller->handBack();
}

void MainWindow::resolve()
{
    if (m_controller->resolve())
        openNextNeedingAttention();
}

void MainWindow::assign()
{
    if (m_current == 0 || !m_controller->currentUser().isSupervisor())
        return;
    auto *dialog = new AssignDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 conversationId = m_current;
    connect(m_controller, &App::ConsoleController::agentsListed, dialog, &AssignDialog::setAgents);
    connect(m_controller, &App::ConsoleController::agentsListFailed, dialog,
            [dialog](const QString &code) { dialog->showError(ErrorText::forName(code)); });
    connect(dialog, &AssignDialog::agentChosen, this, [this, conversationId](const QString &name) {
        if (m_current == conversationId)
            m_controller->assign(name);
    });
    dialog->open();
    m_controller->listAgents();
}

void MainWindow::replyToSelected()
{
    const QString wamid = m_view->selectedWamid();
    if (wamid.isEmpty()) {
        statusBar()->showMessage(tr("Select a delivered message first, then press Ctrl+R."), 4000);
        return;
    }
    m_composer->setReplyTo(wamid, m_view->selectedText());
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::focusSearch()
{
    m_list->focusSearch();
}

void MainWindow::focusComposer()
{
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
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
    if (m_messageBar->isVisible()) {
        m_messageBar->hide();
        return;
    }
    if (m_composer->cancelReply())
        return;
    if (m_list->clearSearch() || m_list->searchField()->hasFocus())
        m_list->listView(m_list->currentFilter())->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::signOut()
{
    m_controller->signOut();
    showSignIn();
}

} // namespace Serambi::Ui
