#include "floorwindow.h"

#include "chattext.h"
#include "errortext.h"

#include "app/floor.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace Serambi::Ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;   // waiting chats: the conversation id
constexpr int NameRole = Qt::UserRole + 2; // agents: username; queues: team ("" for none)
constexpr int SinceRole = Qt::UserRole + 3;
const QString ChatMime = QStringLiteral("application/x-serambi-conversation-id");
constexpr int ClockMs = 30 * 1000;

// A tree that takes a waiting chat dropped on one of its rows.
class DropTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;
    std::function<void(QTreeWidgetItem *row, qint64 conversationId)> dropped;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(ChatMime))
            event->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (event->mimeData()->hasFormat(ChatMime) && itemAt(event->position().toPoint()))
            event->acceptProposedAction();
        else
            event->ignore();
    }
    void dropEvent(QDropEvent *event) override
    {
        QTreeWidgetItem *row = itemAt(event->position().toPoint());
        if (!row || !event->mimeData()->hasFormat(ChatMime) || !dropped)
            return;
        dropped(row, event->mimeData()->data(ChatMime).toLongLong());
        event->acceptProposedAction();
    }
};

// The waiting chats: a row drags as its conversation id.
class ChatTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto *mime = new QMimeData;
        mime->setData(ChatMime, QByteArray::number(items.first()->data(0, IdRole).toLongLong()));
        return mime;
    }
    QStringList mimeTypes() const override { return {ChatMime}; }
};

QTreeWidget *makeTree(QTreeWidget *tree, const char *objectName, int columns)
{
    tree->setObjectName(QLatin1String(objectName));
    tree->setColumnCount(columns);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAllColumnsShowFocus(true);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return tree;
}

QString presenceText(Protocol::Presence presence)
{
    switch (presence) {
    case Protocol::Presence::Online:
        return FloorWindow::tr("● Online");
    case Protocol::Presence::Away:
        return FloorWindow::tr("Away");
    case Protocol::Presence::Offline:
        break;
    }
    return FloorWindow::tr("Offline");
}

QString waitedText(qint64 since)
{
    if (since <= 0)
        return FloorWindow::tr("—");
    return ChatText::compactDuration((QDateTime::currentMSecsSinceEpoch() - since) / 1000);
}

QString queueName(const QString &team)
{
    return team.isEmpty() ? FloorWindow::tr("No team") : team;
}

} // namespace

FloorWindow::FloorWindow(App::Floor *floor, QWidget *parent)
    : QDialog(parent)
    , m_floor(floor)
    , m_summary(new QLabel(this))
    , m_refresh(new QPushButton(this))
    , m_agentsLabel(new QLabel(this))
    , m_agents(makeTree(new DropTree(this), "floorAgentList", 5))
    , m_queuesLabel(new QLabel(this))
    , m_queues(makeTree(new DropTree(this), "floorQueueList", 4))
    , m_waitingLabel(new QLabel(this))
    , m_waiting(makeTree(new ChatTree(this), "floorWaitingList", 4))
    , m_open(new QPushButton(this))
    , m_assign(new QPushButton(this))
    , m_move(new QPushButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("floorWindow"));
    setWindowFlag(Qt::Window);
    m_summary->setObjectName(QStringLiteral("floorSummaryLabel"));
    m_status->setObjectName(QStringLiteral("floorStatusLabel"));
    m_status->setWordWrap(true);
    m_refresh->setObjectName(QStringLiteral("floorRefreshButton"));
    m_open->setObjectName(QStringLiteral("floorOpenButton"));
    m_assign->setObjectName(QStringLiteral("floorAssignButton"));
    m_move->setObjectName(QStringLiteral("floorMoveButton"));
    m_agentsLabel->setBuddy(m_agents);
    m_queuesLabel->setBuddy(m_queues);
    m_waitingLabel->setBuddy(m_waiting);
    for (QTreeWidget *tree : {m_agents, m_queues})
        tree->setAcceptDrops(true);
    m_waiting->setDragEnabled(true);
    m_waiting->setDragDropMode(QAbstractItemView::DragOnly);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto *agentsColumn = new QWidget(this);
    auto *agentsLayout = new QVBoxLayout(agentsColumn);
    agentsLayout->setContentsMargins(0, 0, 0, 0);
    agentsLayout->addWidget(m_agentsLabel);
    agentsLayout->addWidget(m_agents, 1);
    auto *queuesColumn = new QWidget(this);
    auto *queuesLayout = new QVBoxLayout(queuesColumn);
    queuesLayout->setContentsMargins(0, 0, 0, 0);
    queuesLayout->addWidget(m_queuesLabel);
    queuesLayout->addWidget(m_queues, 2);
    queuesLayout->addWidget(m_waitingLabel);
    queuesLayout->addWidget(m_waiting, 3);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(agentsColumn);
    splitter->addWidget(queuesColumn);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_move);
    buttons->addWidget(m_assign);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    resize(1080, 620);

    static_cast<DropTree *>(m_agents)->dropped = [this](QTreeWidgetItem *row, qint64 chat) {
        m_floor->assign(chat, row->data(0, NameRole).toString());
    };
    static_cast<DropTree *>(m_queues)->dropped = [this](QTreeWidgetItem *row, qint64 chat) {
        const QString team = row->data(0, NameRole).toString();
        if (!team.isEmpty())
            m_floor->toTeam(chat, team);
    };
    auto *assignShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(assignShortcut, &QShortcut::activated, this, &FloorWindow::assignSelected);
    auto *assignEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(assignEnter, &QShortcut::activated, this, &FloorWindow::assignSelected);
    auto *moveShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    connect(moveShortcut, &QShortcut::activated, this, &FloorWindow::moveSelected);
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &FloorWindow::refresh);

    connect(m_refresh, &QPushButton::clicked, this, &FloorWindow::refresh);
    connect(m_open, &QPushButton::clicked, this, &FloorWindow::openSelected);
    connect(m_assign, &QPushButton::clicked, this, &FloorWindow::assignSelected);
    connect(m_move, &QPushButton::clicked, this, &FloorWindow::moveSelected);
    connect(m_waiting, &QTreeWidget::itemActivated, this, &FloorWindow::openSelected);
    for (QTreeWidget *tree : {m_agents, m_queues, m_waiting})
        connect(tree, &QTreeWidget::currentItemChanged, this, &FloorWindow::updateButtons);
    connect(m_floor, &App::Floor::changed, this, &FloorWindow::rebuild);
    connect(m_floor, &App::Floor::failed, this, &FloorWindow::showError);
    // The waiting times count up between events; nothing is asked of the relay.
    m_clock.setInterval(ClockMs);
    connect(&m_clock, &QTimer::timeout, this, &FloorWindow::rebuild);
    m_clock.start();
    retranslateUi();
    rebuild();
}

void FloorWindow::refresh()
{
    m_status->clear();
    m_floor->refresh();
}

void FloorWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    }
    QDialog::changeEvent(event);
}

void FloorWindow::retranslateUi()
{
    setWindowTitle(tr("Floor"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Ask the relay for the agents and teams again (F5)"));
    m_agentsLabel->setText(tr("A&gents"));
    m_queuesLabel->setText(tr("&Queues"));
    m_waitingLabel->setText(tr("&Waiting chats (drag one onto an agent or a queue)"));
    m_agents->setHeaderLabels(
        {tr("Agent"), tr("Presence"), tr("Teams"), tr("Open chats"), tr("Longest wait")});
    m_queues->setHeaderLabels({tr("Queue"), tr("Waiting"), tr("Longest wait"), tr("Why")});
    m_waiting->setHeaderLabels({tr("Customer"), tr("Queue"), tr("Waiting"), tr("Why")});
    m_open->setText(tr("&Open chat"));
    m_open->setToolTip(tr("Open the selected waiting chat in the main window (Enter)"));
    m_assign->setText(tr("&Assign to agent"));
    m_assign->setToolTip(tr("Give the selected waiting chat to the selected agent (Ctrl+Enter)"));
    m_move->setText(tr("&Move to queue"));
    m_move->setToolTip(tr("Move the selected waiting chat to the selected team's queue (Ctrl+M)"));
}

void FloorWindow::rebuild()
{
    const QString agentName =
        m_agents->currentItem() ? m_agents->currentItem()->data(0, NameRole).toString() : QString();
    const QString queueTeam =
        m_queues->currentItem() ? m_queues->currentItem()->data(0, NameRole).toString() : QString();
    const qint64 chat = selectedChat();

    const App::FloorState floor = m_floor->state();
    const QList<App::FloorAgent> &agents = floor.agents;
    const int capacity = m_floor->capacity();
    m_agents->clear();
    int online = 0;
    for (const App::FloorAgent &agent : agents) {
        if (agent.presence == Protocol::Presence::Online)
            ++online;
        const QString chats = capacity > 0 ? tr("%1 / %2").arg(agent.openChats).arg(capacity)
                                           : QString::number(agent.openChats);
        auto *row = new QTreeWidgetItem(m_agents, {agent.displayName, presenceText(agent.presence),
                                                   agent.teams.join(QStringLiteral(", ")), chats,
                                                   waitedText(agent.oldestWaitingSince)});
        row->setData(0, NameRole, agent.username);
        row->setToolTip(0, agent.username);
        if (agent.username == agentName)
            m_agents->setCurrentItem(row);
    }

    m_queues->clear();
    for (const App::FloorQueue &queue : floor.queues) {
        QStringList reasons;
        for (auto it = queue.reasons.constBegin(); it != queue.reasons.constEnd(); ++it)
            reasons.append(tr("%1 (%2)").arg(ChatText::handoffReason(it.key())).arg(it.value()));
        reasons.sort();
        auto *row = new QTreeWidgetItem(
            m_queues, {queueName(queue.team), QString::number(queue.waiting),
                       waitedText(queue.oldestWaitingSince), reasons.join(QStringLiteral(", "))});
        row->setData(0, NameRole, queue.team);
        if (!queueTeam.isEmpty() && queue.team == queueTeam)
            m_queues->setCurrentItem(row);
    }

    const QList<App::FloorChat> &waiting = floor.waiting;
    m_waiting->clear();
    for (const App::FloorChat &entry : waiting) {
        auto *row = new QTreeWidgetItem(
            m_waiting,
            {entry.name, queueName(entry.team), waitedText(entry.waitingSince),
             entry.handoffReason.isEmpty() ? QString()
                                           : ChatText::handoffReason(entry.handoffReason)});
        row->setData(0, IdRole, entry.id);
        row->setData(0, SinceRole, entry.waitingSince);
        if (entry.id == chat)
            m_waiting->setCurrentItem(row);
    }
    if (!m_waiting->currentItem() && m_waiting->topLevelItemCount() > 0)
        m_waiting->setCurrentItem(m_waiting->topLevelItem(0));

    if (!m_floor->loaded())
        m_summary->setText(tr("Loading the floor…"));
    else
        m_summary->setText(tr("Agents online: %1 of %2 · chats waiting: %3")
                               .arg(online)
                               .arg(agents.size())
                               .arg(waiting.size()));
    updateButtons();
}

qint64 FloorWindow::selectedChat() const
{
    const QTreeWidgetItem *row = m_waiting->currentItem();
    return row ? row->data(0, IdRole).toLongLong() : 0;
}

void FloorWindow::updateButtons()
{
    const bool chat = selectedChat() != 0;
    m_open->setEnabled(chat);
    m_assign->setEnabled(chat && m_agents->currentItem());
    m_move->setEnabled(chat && m_queues->currentItem() &&
                       !m_queues->currentItem()->data(0, NameRole).toString().isEmpty());
}

void FloorWindow::assignSelected()
{
    const qint64 chat = selectedChat();
    if (chat == 0 || !m_agents->currentItem()) {
        m_status->setText(tr("Select a waiting chat and an agent first."));
        return;
    }
    m_status->clear();
    m_floor->assign(chat, m_agents->currentItem()->data(0, NameRole).toString());
}

void FloorWindow::moveSelected()
{
    const qint64 chat = selectedChat();
    const QString team =
        m_queues->currentItem() ? m_queues->currentItem()->data(0, NameRole).toString() : QString();
    if (chat == 0 || team.isEmpty()) {
        m_status->setText(tr("Select a waiting chat and a team's queue first."));
        return;
    }
    m_status->clear();
    m_floor->toTeam(chat, team);
}

void FloorWindow::openSelected()
{
    if (const qint64 chat = selectedChat())
        Q_EMIT openRequested(chat);
}

void FloorWindow::showError(const QString &errorCode)
{
    m_status->setText(ErrorText::forName(errorCode));
}

} // namespace Serambi::Ui
