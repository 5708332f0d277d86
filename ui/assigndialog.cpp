#include "assigndialog.h"

#include "app/agentlistmodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace Serambi::Ui {

using App::AgentListModel;

namespace {

QString roleText(const QString &role)
{
    if (role == QLatin1String("supervisor"))
        return AssignDialog::tr("Supervisor");
    if (role == QLatin1String("admin"))
        return AssignDialog::tr("Administrator");
    return AssignDialog::tr("Agent");
}

// How a row reads, on screen and to a screen reader: "Ayu Lestari · Agent · online".
class AgentTextProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
            return QIdentityProxyModel::data(index, role);
        const QString name = index.data(AgentListModel::DisplayNameRole).toString();
        const QString kind = roleText(index.data(AgentListModel::RoleRole).toString());
        if (index.data(AgentListModel::OnlineRole).toBool())
            return AssignDialog::tr("%1 · %2 · ● online").arg(name, kind);
        return AssignDialog::tr("%1 · %2 · offline").arg(name, kind);
    }
};

// Keeps the agents whose display name or username contains every typed word.
class AgentFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        const QString haystack = index.data(AgentListModel::DisplayNameRole).toString() +
                                 QLatin1Char(' ') +
                                 index.data(AgentListModel::UsernameRole).toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
};

} // namespace

AssignDialog::AssignDialog(QWidget *parent)
    : QDialog(parent)
    , m_prompt(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_assign(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_agents(new AgentListModel(this))
    , m_proxy(new AgentFilterProxy(this))
{
    setObjectName(QStringLiteral("assignDialog"));
    m_filter->setObjectName(QStringLiteral("agentFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_prompt->setBuddy(m_filter);
    m_prompt->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("agentList"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_status->setObjectName(QStringLiteral("agentStatusLabel"));
    m_status->setWordWrap(true);
    m_assign->setObjectName(QStringLiteral("assignAgentButton"));
    m_assign->setDefault(true);
    m_assign->setEnabled(false);
    m_cancel->setObjectName(QStringLiteral("cancelAssignButton"));
    auto *text = new AgentTextProxy(this);
    text->setSourceModel(m_agents);
    m_proxy->setSourceModel(text);
    m_list->setModel(m_proxy);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_assign);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &AssignDialog::handleFilterChanged);
    connect(m_list, &QListView::activated, this, &AssignDialog::handleAccept);
    connect(m_assign, &QPushButton::clicked, this, &AssignDialog::handleAccept);
    connect(m_cancel, &QPushButton::clicked, this, &AssignDialog::reject);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AssignDialog::updateAssignEnabled);
    retranslateUi();
    m_filter->setFocus();
}

void AssignDialog::setAgents(const App::AgentList &agents)
{
    m_agents->setAgents(agents);
    m_loaded = true;
    m_failed = false;
    retranslateUi();
    selectFirstIfNone();
}

void AssignDialog::showError(const QString &text)
{
    m_failed = true;
    m_status->setText(text);
    m_status->show();
}

QString AssignDialog::selectedUsername() const
{
    return m_list->currentIndex().data(AgentListModel::UsernameRole).toString();
}

void AssignDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

bool AssignDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the list while the focus stays in the filter.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp ||
            key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void AssignDialog::retranslateUi()
{
    setWindowTitle(tr("Assign chat"));
    m_prompt->setText(tr("&Who takes this chat? Type to filter, Enter assigns."));
    m_filter->setPlaceholderText(tr("Name or username"));
    m_filter->setAccessibleName(tr("Filter agents"));
    m_list->setAccessibleName(tr("Agents"));
    m_assign->setText(tr("&Assign"));
    m_assign->setAccessibleName(tr("Assign to the selected agent"));
    m_cancel->setText(tr("Cancel"));
    if (m_failed)
        return;
    if (!m_loaded) {
        m_status->setText(tr("Loading agents…"));
        m_status->show();
    } else if (m_proxy->rowCount() == 0) {
        m_status->setText(tr("No agent matches."));
        m_status->show();
    } else {
        m_status->hide();
    }
}

void AssignDialog::handleFilterChanged(const QString &text)
{
    static_cast<AgentFilterProxy *>(m_proxy)->setWords(text);
    selectFirstIfNone();
    retranslateUi();
}

void AssignDialog::selectFirstIfNone()
{
    if (!m_list->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateAssignEnabled();
}

void AssignDialog::updateAssignEnabled()
{
    m_assign->setEnabled(!selectedUsername().isEmpty());
}

void AssignDialog::handleAccept()
{
    const QString username = selectedUsername();
    if (username.isEmpty())
        return;
    Q_EMIT agentChosen(username);
    accept();
}

} // namespace Serambi::Ui
