#include "conversationheader.h"

#include "app/conversationlistmodel.h"
#include "app/session.h"
#include "chattext.h"
#include "labelchips.h"
#include "themecolors.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Serambi::Ui {

ConversationHeader::ConversationHeader(App::ConversationListModel *conversations,
                                       App::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_conversations(conversations)
    , m_session(session)
    , m_name(new QLabel(this))
    , m_phone(new QLabel(this))
    , m_channel(new QLabel(this))
    , m_state(new QLabel(this))
    , m_window(new QLabel(this))
    , m_rating(new QLabel(this))
    , m_takeOver(new QPushButton(this))
    , m_handBack(new QPushButton(this))
    , m_resolve(new QPushButton(this))
    , m_assign(new QPushButton(this))
    , m_labels(new QPushButton(this))
    , m_labelChips(new LabelChipRow(this))
    , m_aiModeLabel(new QLabel(this))
    , m_aiMode(new QComboBox(this))
{
    setObjectName(QStringLiteral("conversationHeader"));
    m_name->setObjectName(QStringLiteral("conversationNameLabel"));
    m_phone->setObjectName(QStringLiteral("conversationPhoneLabel"));
    m_channel->setObjectName(QStringLiteral("conversationChannelLabel"));
    m_channel->hide();
    m_state->setObjectName(QStringLiteral("conversationStateLabel"));
    m_window->setObjectName(QStringLiteral("windowCountdownLabel"));
    m_rating->setObjectName(QStringLiteral("customerRatingLabel"));
    m_rating->hide();
    m_takeOver->setObjectName(QStringLiteral("takeOverButton"));
    m_handBack->setObjectName(QStringLiteral("handBackButton"));
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_labels->setObjectName(QStringLiteral("labelsButton"));
    m_aiMode->setObjectName(QStringLiteral("aiModeCombo"));
    for (const char *mode : {"auto", "draft", "off"})
        m_aiMode->addItem(QString(), QLatin1String(mode));
    m_aiModeLabel->setBuddy(m_aiMode);
    for (QLabel *label : {m_name, m_phone, m_state, m_window, m_rating})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_name->setFont(nameFont);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_name);
    titleRow->addWidget(m_phone);
    titleRow->addWidget(m_channel);
    titleRow->addStretch();
    titleRow->addWidget(m_window);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_rating);
    stateRow->addWidget(m_labelChips);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_takeOver);
    actions->addWidget(m_handBack);
    actions->addWidget(m_resolve);
    actions->addWidget(m_assign);
    actions->addWidget(m_labels);
    actions->addStretch();
    actions->addWidget(m_aiModeLabel);
    actions->addWidget(m_aiMode);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addLayout(stateRow);
    layout->addLayout(actions);

    connect(m_takeOver, &QPushButton::clicked, this, &ConversationHeader::takeOverRequested);
    connect(m_handBack, &QPushButton::clicked, this, &ConversationHeader::handBackRequested);
    connect(m_resolve, &QPushButton::clicked, this, &ConversationHeader::resolveRequested);
    connect(m_assign, &QPushButton::clicked, this, &ConversationHeader::assignRequested);
    connect(m_labels, &QPushButton::clicked, this, &ConversationHeader::labelsRequested);
    connect(m_aiMode, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { Q_EMIT aiModeRequested(m_aiMode->itemData(index).toString()); });

    auto *list = conversations;
    connect(list, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_conversations->rowOf(m_id);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refresh();
            });
    connect(list, &QAbstractItemModel::modelReset, this, &ConversationHeader::refresh);
    connect(list, &QAbstractItemModel::rowsInserted, this, &ConversationHeader::refresh);
    connect(list, &QAbstractItemModel::rowsRemoved, this, &ConversationHeader::refresh);
    connect(session, &App::Session::currentUserChanged, this, &ConversationHeader::refresh);
    m_clock.setInterval(30 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &ConversationHeader::refresh);
    m_clock.start();

    retranslateUi();
}

void ConversationHeader::setConversation(qint64 id)
{
    m_id = id;
    refresh();
}

QWidget *ConversationHeader::labelsButton() const
{
    return m_labels;
}

void ConversationHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConversationHeader::retranslateUi()
{
    m_takeOver->setText(tr("Take over"));
    m_takeOver->setToolTip(tr("Take this chat over from the AI or the queue (Ctrl+T)"));
    m_handBack->setText(tr("Hand back to AI"));
    m_handBack->setToolTip(tr("Let the AI answer this chat again (Ctrl+Shift+H)"));
    m_resolve->setText(tr("Resolve"));
    m_resolve->setToolTip(tr("Mark the chat as resolved (Ctrl+Shift+E)"));
    m_assign->setText(tr("Assign…"));
    m_assign->setToolTip(tr("Give this chat to another agent (Ctrl+Shift+A)"));
    m_labels->setText(tr("Labels…"));
    m_labels->setToolTip(tr("Add or remove this chat's labels (Ctrl+Shift+L)"));
    m_labelChips->setToolTip(tr("This chat's labels"));
    m_aiModeLabel->setText(tr("AI &mode:"));
    m_aiMode->setAccessibleName(tr("AI mode"));
    m_window->setAccessibleName(tr("Time left in the 24-hour window"));
    for (int i = 0; i < m_aiMode->count(); ++i)
        m_aiMode->setItemText(i, ChatText::aiModeLabel(m_aiMode->itemData(i).toString()));
    refresh();
}

void ConversationHeader::showChannel(const QString &name)
{
    // Only a relay with more than one number says which one a chat came through.
    const QList<Protocol::ChannelPayload> &channels = m_session->channels();
    const auto it =
        std::find_if(channels.begin(), channels.end(),
                     [&name](const Protocol::ChannelPayload &c) { return c.name == name; });
    if (channels.size() < 2 || it == channels.end()) {
        m_channel->hide();
        return;
    }
    m_channel->setText(tr("via %1").arg(it->label));
    m_channel->setToolTip(
        tr("The customer wrote to the WhatsApp number of channel %1").arg(it->name));
    QPalette pal = m_channel->palette();
    const QColor color(it->color);
    pal.setColor(QPalette::WindowText,
                 color.isValid() ? color : palette().color(QPalette::WindowText));
    m_channel->setPalette(pal);
    m_channel->show();
}

void ConversationHeader::refresh()
{
    const App::Conversation *conversation =
        m_id != 0 ? m_conversations->conversation(m_id) : nullptr;
    const bool open = conversation != nullptr;
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_takeOver, m_handBack, m_resolve, m_assign, m_labels, m_aiMode, m_aiModeLabel})
        widget->setEnabled(open);
    if (!open) {
        m_labelChips->setChips({});
        m_name->setText(tr("No chat open"));
        m_phone->clear();
        m_channel->hide();
        m_state->setText(tr("Pick a chat on the left, or press Ctrl+J for the next one that "
                            "needs you."));
        m_window->clear();
        m_rating->hide();
        m_assign->setVisible(m_session->currentUser().isSupervisor());
        return;
    }
    const App::CurrentUser user = m_session->currentUser();
    const bool mine = conversation->state == Protocol::ConversationState::Assigned &&
                      conversation->assignee == user.username;
    const bool supervisor = user.isSupervisor();
    const bool manage = mine || supervisor;
    const bool resolved = conversation->isResolved();

    m_name->setText(conversation->displayName());
    m_phone->setText(conversation->displayHandle());
    showChannel(conversation->channel);
    QString state = ChatText::stateChip(conversation->state, mine, conversation->assignee);
    if (!conversation->handoffReason.isEmpty())
        state = tr("%1 — %2").arg(state, ChatText::handoffReason(conversation->handoffReason));
    if (!conversation->team.isEmpty() && !resolved)
        state = tr("%1 · team %2").arg(state, conversation->team);
    m_state->setText(state);
    m_rating->setVisible(conversation->csatScore > 0);
    m_rating->setText(tr("Customer rating: %1/5").arg(conversation->csatScore));
    m_rating->setToolTip(tr("How the customer rated this chat when it was resolved"));
    m_labelChips->setChips(m_conversations->index(m_conversations->rowOf(m_id))
                               .data(App::ConversationListModel::LabelsRole)
                               .toList());

    if (conversation->lastInboundAt > 0 && !resolved) {
        const qint64 left = QDateTime::currentDateTime().secsTo(
            QDateTime::fromMSecsSinceEpoch(conversation->windowClosesAt()));
        const qint64 hours = left / 3600;
        const qint64 minutes = (left % 3600) / 60;
        m_window->setText(left <= 0     ? ChatText::windowLeft(left)
                          : hours > 0   ? tr("Window closes in %1 h %2 min").arg(hours).arg(minutes)
                          : minutes > 0 ? tr("Window closes in %1 min").arg(minutes)
                                        : tr("Window closes in under a minute"));
        QPalette pal = m_window->palette();
        pal.setColor(QPalette::WindowText, left < 2 * 3600 ? ThemeColors::warning(palette())
                                                           : palette().color(QPalette::WindowText));
        m_window->setPalette(pal);
    } else {
        m_window->clear();
    }

    m_takeOver->setEnabled(!mine && (supervisor || conversation->assignee.isEmpty()));
    m_handBack->setEnabled(manage && conversation->state != Protocol::ConversationState::Bot);
    m_resolve->setEnabled(manage && !resolved);
    m_assign->setVisible(supervisor);
    m_aiMode->setEnabled(manage);
    m_aiModeLabel->setEnabled(manage);
    m_aiMode->setCurrentIndex(qMax(0, m_aiMode->findData(conversation->aiModeName())));
}

} // namespace Serambi::Ui
