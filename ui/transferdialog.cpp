#include "transferdialog.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace Serambi::Ui {

namespace {
constexpr int TargetIndexRole = Qt::UserRole + 1;
} // namespace

TransferDialog::TransferDialog(QWidget *parent)
    : QDialog(parent)
    , m_prompt(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_transfer(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("transferDialog"));
    m_filter->setObjectName(QStringLiteral("transferFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_prompt->setBuddy(m_filter);
    m_prompt->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("transferTargetList"));
    m_list->setUniformItemSizes(true);
    m_noteLabel->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("transferNoteEdit"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);
    m_note->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("transferStatusLabel"));
    m_status->setWordWrap(true);
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    m_transfer->setDefault(true);
    m_transfer->setEnabled(false);
    m_cancel->setObjectName(QStringLiteral("cancelTransferButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(440, 460);

    connect(m_filter, &QLineEdit::textChanged, this, &TransferDialog::rebuildList);
    connect(m_list, &QListWidget::itemActivated, this, &TransferDialog::handleAccept);
    connect(m_list, &QListWidget::currentRowChanged, this, &TransferDialog::updateTransferEnabled);
    connect(m_transfer, &QPushButton::clicked, this, &TransferDialog::handleAccept);
    connect(m_cancel, &QPushButton::clicked, this, &TransferDialog::reject);
    retranslateUi();
    m_filter->setFocus();
}

void TransferDialog::setTargets(const QList<Protocol::TeamPayload> &teams,
                                const App::AgentList &agents, const QString &self)
{
    m_targets.clear();
    for (const Protocol::TeamPayload &team : teams) {
        Target target;
        target.team = true;
        target.name = team.name;
        target.displayName = team.name;
        target.members = int(team.members.size());
        m_targets.append(target);
    }
    QList<Target> people;
    QSet<QString> named;
    for (const App::AgentInfo &agent : agents) {
        if (agent.username.compare(self, Qt::CaseInsensitive) == 0)
            continue;
        Target target;
        target.name = agent.username;
        target.displayName = agent.displayName.isEmpty() ? agent.username : agent.displayName;
        target.presenceKnown = true;
        target.presence = agent.presence;
        people.append(target);
        named.insert(agent.username.toLower());
    }
    // Agents do not get list_agents: their colleagues are the teams' members.
    for (const Protocol::TeamPayload &team : teams) {
        for (const QString &member : team.members) {
            if (member.compare(self, Qt::CaseInsensitive) == 0 || named.contains(member.toLower()))
                continue;
            Target target;
            target.name = member;
            target.displayName = member;
            people.append(target);
            named.insert(member.toLower());
        }
    }
    std::sort(people.begin(), people.end(), [](const Target &a, const Target &b) {
        return a.displayName.compare(b.displayName, Qt::CaseInsensitive) < 0;
    });
    m_targets += people;
    m_loaded = true;
    m_failed = false;
    rebuildList();
}

void TransferDialog::showError(const QString &text)
{
    m_failed = true;
    m_status->setText(text);
    m_status->show();
}

QString TransferDialog::rowText(const Target &target) const
{
    if (target.team)
        return tr("Team %1 · members: %2").arg(target.name).arg(target.members);
    const QString who = target.displayName == target.name
                            ? target.name
                            : tr("%1 (%2)").arg(target.displayName, target.name);
    if (!target.presenceKnown)
        return who;
    switch (target.presence) {
    case Protocol::Presence::Online:
        return tr("%1 · ● online").arg(who);
    case Protocol::Presence::Away:
        return tr("%1 · away").arg(who);
    case Protocol::Presence::Offline:
        break;
    }
    return tr("%1 · offline").arg(who);
}

void TransferDialog::rebuildList()
{
    const QStringList words =
        m_filter->text().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_list->clear();
    for (int i = 0; i < m_targets.size(); ++i) {
        const Target &target = m_targets.at(i);
        const QString haystack = target.displayName + QLatin1Char(' ') + target.name;
        const bool matches = std::all_of(words.begin(), words.end(), [&](const QString &word) {
            return haystack.contains(word, Qt::CaseInsensitive);
        });
        if (!matches)
            continue;
        auto *item = new QListWidgetItem(rowText(target), m_list);
        item->setData(TargetIndexRole, i);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    retranslateUi();
    updateTransferEnabled();
}

void TransferDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        for (int row = 0; row < m_list->count(); ++row) {
            QListWidgetItem *item = m_list->item(row);
            item->setText(rowText(m_targets.at(item->data(TargetIndexRole).toInt())));
        }
    }
    QDialog::changeEvent(event);
}

bool TransferDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    // Up and Down move through the list while the focus stays in the filter.
    if (watched == m_filter && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down ||
                                key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown)) {
        QCoreApplication::sendEvent(m_list, event);
        return true;
    }
    // Enter is a new line in the note; Ctrl+Enter transfers.
    if (watched == m_note && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
        key->modifiers().testFlag(Qt::ControlModifier)) {
        handleAccept();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void TransferDialog::retranslateUi()
{
    setWindowTitle(tr("Transfer chat"));
    m_prompt->setText(tr("&Hand this chat to a team's queue or a colleague. Type to filter, Enter "
                         "transfers."));
    m_filter->setPlaceholderText(tr("Team, name or username"));
    m_filter->setAccessibleName(tr("Filter teams and colleagues"));
    m_list->setAccessibleName(tr("Teams and colleagues"));
    m_noteLabel->setText(tr("&Note for them (optional; only the team sees it):"));
    m_note->setAccessibleName(tr("Transfer note"));
    m_transfer->setText(tr("&Transfer"));
    m_cancel->setText(tr("Cancel"));
    if (m_failed)
        return;
    if (!m_loaded) {
        m_status->setText(tr("Loading teams and colleagues…"));
        m_status->show();
    } else if (m_list->count() == 0) {
        m_status->setText(m_targets.isEmpty() ? tr("There are no teams or colleagues to hand "
                                                   "this chat to.")
                                              : tr("Nothing matches."));
        m_status->show();
    } else {
        m_status->hide();
    }
}

void TransferDialog::updateTransferEnabled()
{
    m_transfer->setEnabled(m_list->currentItem() != nullptr);
}

void TransferDialog::handleAccept()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Target &target = m_targets.at(item->data(TargetIndexRole).toInt());
    const QString note = m_note->toPlainText().trimmed();
    if (target.team)
        Q_EMIT transferChosen({}, target.name, note);
    else
        Q_EMIT transferChosen(target.name, {}, note);
    accept();
}

} // namespace Serambi::Ui
