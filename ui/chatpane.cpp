#include "chatpane.h"

#include "app/commandqueue.h"
#include "app/consolecontroller.h"
#include "app/conversationlistmodel.h"
#include "app/inbox.h"
#include "app/labels.h"
#include "app/openconversation.h"
#include "app/session.h"
#include "assigndialog.h"
#include "composer.h"
#include "composerpanel.h"
#include "consolesettings.h"
#include "conversationheader.h"
#include "conversationview.h"
#include "draftpanel.h"
#include "errortext.h"
#include "labelmenu.h"
#include "messagebar.h"
#include "notespanel.h"
#include "richmessaging.h"
#include "transferdialog.h"

#include <QFrame>
#include <QVBoxLayout>

namespace Serambi::Ui {

ChatPane::ChatPane(App::ConsoleController *console, ConsoleSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_chat(console->openConversation())
    , m_session(console->session())
    , m_conversations(console->conversationList())
    , m_settings(settings)
    , m_header(new ConversationHeader(m_conversations, m_session, this))
    , m_messageBar(new MessageBar(this))
    , m_view(new ConversationView(console->messages(), console->mediaCache(), this))
    , m_draft(new DraftPanel(this))
    , m_composer(new ComposerPanel(this))
    , m_rich(new RichMessaging(m_chat, m_session, console->canned(), console->templates(),
                               console->uploader(), m_composer, m_view, m_draft, this))
    , m_notes(new NotesPanel(console->notes(), this))
    , m_labels(console->labels())
{
    setObjectName(QStringLiteral("chatPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(m_header);
    layout->addWidget(line);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_draft);
    layout->addWidget(m_composer);

    m_composer->setSendKey(settings->sendKey());
    connect(settings, &ConsoleSettings::sendKeyChanged, m_composer, &ComposerPanel::setSendKey);

    connect(m_header, &ConversationHeader::takeOverRequested, this, &ChatPane::takeOver);
    connect(m_header, &ConversationHeader::handBackRequested, this, &ChatPane::handBack);
    connect(m_header, &ConversationHeader::resolveRequested, this, &ChatPane::resolve);
    connect(m_header, &ConversationHeader::assignRequested, this, &ChatPane::assign);
    connect(m_header, &ConversationHeader::labelsRequested, this, &ChatPane::chooseLabels);
    connect(m_labels, &App::Labels::labellingFailed, this, [this](const QString &errorCode) {
        m_messageBar->showMessage(ErrorText::forName(errorCode));
    });
    connect(m_header, &ConversationHeader::aiModeRequested, this, [this](const QString &name) {
        Protocol::AiMode mode;
        if (Protocol::aiModeFromName(name, &mode))
            m_chat->setAiMode(mode);
    });
    connect(m_draft, &DraftPanel::approveRequested, this, &ChatPane::approveDraft);
    connect(m_draft, &DraftPanel::editRequested, this, &ChatPane::editDraft);
    connect(m_draft, &DraftPanel::regenerateRequested, this, &ChatPane::regenerateDraft);
    connect(m_draft, &DraftPanel::discardRequested, this, &ChatPane::discardDraft);
    connect(m_composer, &ComposerPanel::sendRequested, this, &ChatPane::send);
    connect(m_notes, &NotesPanel::noteRefused, m_messageBar, &MessageBar::showMessage);
    connect(m_composer, &ComposerPanel::textEdited, this, &ChatPane::handleTextEdited);
    connect(m_rich, &RichMessaging::replyRequested, this, &ChatPane::replyToSelected);
    connect(m_view, &QListView::activated, this, &ChatPane::replyToSelected);
    connect(m_view, &ConversationView::retryMediaRequested, m_chat,
            &App::OpenConversation::retryMedia);

    connect(m_chat, &App::OpenConversation::opened, this, &ChatPane::showConversation);
    connect(m_chat, &App::OpenConversation::draftChanged, this, [this] {
        refreshDraft();
        Q_EMIT stateChanged();
    });
    connect(console->commands(), &App::CommandQueue::refused, this,
            &ChatPane::handleCommandRefused);
    connect(console->inbox(), &App::Inbox::messageFailed, this, &ChatPane::handleMessageFailed);
    connect(console->inbox(), &App::Inbox::draftChanged, this, &ChatPane::stateChanged);
    connect(m_session, &App::Session::signedIn, m_messageBar, &QWidget::hide);
    connect(m_conversations, &QAbstractItemModel::dataChanged, this, [this] {
        markReadIfActive();
        refreshWindow();
        Q_EMIT stateChanged();
    });
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &ChatPane::refreshWindow);
    m_windowClock.setInterval(30 * 1000);
    connect(&m_windowClock, &QTimer::timeout, this, &ChatPane::refreshWindow);
    m_windowClock.start();

    showConversation(m_chat->id());
}

void ChatPane::chooseLabels()
{
    const qint64 id = m_chat->id();
    const App::Conversation *conversation = m_conversations->conversation(id);
    if (!conversation)
        return;
    auto *menu = new LabelMenu(m_labels, id, conversation->labelIds,
                               m_session->currentUser().isSupervisor(), this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu, &LabelMenu::manageRequested, this, &ChatPane::manageLabelsRequested);
    const QWidget *button = m_header->labelsButton();
    menu->popup(button->mapToGlobal(QPoint(0, button->height())));
}

bool ChatPane::hasConversation() const
{
    return m_chat->id() != 0;
}

bool ChatPane::hasDraft() const
{
    return m_chat->draft().has_value();
}

void ChatPane::showConversation(qint64 id)
{
    m_header->setConversation(id);
    m_notes->setConversation(id);
    m_composer->cancelReply();
    m_composer->setText(m_chat->unsentText(id));
    m_composer->setEnabled(id != 0);
    refreshWindow();
    markReadIfActive();
    Q_EMIT stateChanged();
}

void ChatPane::refreshDraft()
{
    m_draft->setDraft(m_chat->draft(), m_chat->canApprove(), m_chat->canEditDraft());
}

void ChatPane::refreshWindow()
{
    const bool closed = m_chat->id() != 0 && !m_chat->windowOpen();
    m_composer->setWindowClosed(closed);
    m_draft->setWindowClosed(closed);
    refreshDraft();
}

void ChatPane::markReadIfActive()
{
    if (m_chat->id() != 0 && window()->isActiveWindow())
        m_chat->markRead();
}

void ChatPane::send(const QString &text, const QString &replyToWamid)
{
    if (!m_chat->sendText(text, replyToWamid))
        return;
    m_composer->setText(QString());
    m_composer->cancelReply();
}

void ChatPane::handleTextEdited(const QString &text)
{
    m_chat->setUnsentText(m_chat->id(), text);
    if (m_settings->typingIndicatorEnabled() && !text.trimmed().isEmpty())
        m_chat->sendTyping();
}

void ChatPane::handleCommandRefused(const App::PendingCommand &command, const QString &errorCode)
{
    QString text = ErrorText::forName(errorCode);
    const App::Conversation *conversation = m_conversations->conversation(command.conversationId);
    if (command.conversationId != m_chat->id() && conversation)
        text = tr("%1: %2").arg(conversation->displayName(), text);
    m_messageBar->showMessage(text);
}

void ChatPane::handleMessageFailed(qint64 conversationId, qint64, int metaCode,
                                   const QString &metaTitle)
{
    const App::Conversation *conversation = m_conversations->conversation(conversationId);
    const QString who = conversation ? conversation->displayName() : QString();
    QString reason =
        metaTitle.isEmpty() ? ErrorText::forName(QStringLiteral("meta_error")) : metaTitle;
    if (metaCode != 0)
        reason += QStringLiteral(" (%1)").arg(metaCode);
    m_messageBar->showMessage(tr("A message to %1 was not delivered: %2").arg(who, reason));
}

void ChatPane::approveDraft()
{
    if (m_chat->approveDraft())
        Q_EMIT chatHandled();
}

void ChatPane::editDraft()
{
    const QString text = m_chat->editDraft();
    if (text.isEmpty())
        return;
    m_composer->setText(text);
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::regenerateDraft()
{
    m_chat->regenerateDraft();
}

void ChatPane::discardDraft()
{
    m_chat->discardDraft();
}

void ChatPane::takeOver()
{
    if (m_chat->takeOver())
        m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::handBack()
{
    m_chat->handBack();
}

void ChatPane::resolve()
{
    if (m_chat->resolve())
        Q_EMIT chatHandled();
}

void ChatPane::assign()
{
    if (m_chat->id() == 0 || !m_session->currentUser().isSupervisor())
        return;
    auto *dialog = new AssignDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 conversationId = m_chat->id();
    connect(m_chat, &App::OpenConversation::agentsListed, dialog, &AssignDialog::setAgents);
    connect(m_chat, &App::OpenConversation::agentsListFailed, dialog,
            [dialog](const QString &code) { dialog->showError(ErrorText::forName(code)); });
    connect(dialog, &AssignDialog::agentChosen, this, [this, conversationId](const QString &name) {
        if (m_chat->id() == conversationId)
            m_chat->assign(name);
    });
    dialog->open();
    m_chat->listAgents();
}

void ChatPane::transfer()
{
    if (m_chat->id() == 0)
        return;
    auto *dialog = new TransferDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 conversationId = m_chat->id();
    const QString self = m_session->currentUser().username;
    connect(
        m_chat, &App::OpenConversation::transferTargetsListed, dialog,
        [dialog, self](const QList<Protocol::TeamPayload> &teams, const App::AgentList &agents) {
            dialog->setTargets(teams, agents, self);
        });
    connect(m_chat, &App::OpenConversation::transferTargetsFailed, dialog,
            [dialog](const QString &code) { dialog->showError(ErrorText::forName(code)); });
    connect(
        dialog, &TransferDialog::transferChosen, this,
        [this, conversationId](const QString &username, const QString &team, const QString &note) {
            if (m_chat->id() == conversationId && m_chat->transfer(username, team, note))
                Q_EMIT hintRequested(team.isEmpty()
                                         ? tr("Handing the chat to %1…").arg(username)
                                         : tr("Moving the chat to the %1 queue…").arg(team));
        });
    dialog->open();
    m_chat->listTransferTargets();
}

void ChatPane::replyToSelected()
{
    const QString wamid = m_view->selectedWamid();
    if (wamid.isEmpty()) {
        Q_EMIT hintRequested(tr("Select a delivered message first, then press Ctrl+R."));
        return;
    }
    m_composer->setReplyTo(wamid, m_view->selectedText());
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::focusComposer()
{
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::focusNote()
{
    m_notes->focusEditor();
}

void ChatPane::insertIntoComposer(const QString &text)
{
    if (m_chat->id() == 0)
        return;
    m_composer->editor()->insertPlainText(text);
    m_composer->editor()->setFocus(Qt::ShortcutFocusReason);
}

bool ChatPane::escape()
{
    if (m_messageBar->isVisible()) {
        m_messageBar->hide();
        return true;
    }
    return m_composer->cancelReply();
}

} // namespace Serambi::Ui
