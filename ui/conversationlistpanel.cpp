#include "conversationlistpanel.h"

#include "app/labels.h"
#include "app/openconversation.h"
#include "app/session.h"
#include "conversationdelegate.h"
#include "protocol/channelpayload.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Serambi::Ui {

ConversationListPanel::ConversationListPanel(const App::ConversationFilters &filters,
                                             App::Session *session,
                                             App::OpenConversation *openConversation,
                                             App::Labels *labels, QWidget *parent)
    : QWidget(parent)
    , m_filters(filters)
    , m_session(session)
    , m_labels(labels)
    , m_search(new QLineEdit(this))
    , m_labelFilter(new QComboBox(this))
    , m_channelFilter(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_delegate(new ConversationDelegate(this))
{
    setObjectName(QStringLiteral("conversationListPanel"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_labelFilter->setObjectName(QStringLiteral("labelFilterCombo"));
    m_labelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_channelFilter->setObjectName(QStringLiteral("channelFilterCombo"));
    m_channelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tabs->setObjectName(QStringLiteral("filterTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(false);

    const struct
    {
        Filter filter;
        const char *objectName;
    } tabs[] = {{Filter::Mine, "mineList"},
                {Filter::Queue, "queueList"},
                {Filter::All, "allList"},
                {Filter::Resolved, "resolvedList"},
                {Filter::Mentions, "mentionsList"}};
    for (const auto &tab : tabs) {
        auto *view = new QListView(m_tabs);
        view->setObjectName(QLatin1String(tab.objectName));
        view->setModel(m_filters.value(tab.filter));
        view->setItemDelegate(m_delegate);
        view->setUniformItemSizes(true);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setFrameShape(QFrame::NoFrame);
        view->setMouseTracking(true);
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &ConversationListPanel::handleCurrentChanged);
        connect(view, &QListView::activated, this, &ConversationListPanel::handleCurrentChanged);
        auto *model = view->model();
        // A chat opens when the agent moves to it, not when the list moves under the cursor.
        const auto beginChange = [this] { ++m_modelChanging; };
        const auto endChange = [this] {
            --m_modelChanging;
            updateTabTitles();
        };
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, beginChange);
        connect(model, &QAbstractItemModel::rowsRemoved, this, endChange);
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, beginChange);
        connect(model, &QAbstractItemModel::modelReset, this, endChange);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, beginChange);
        connect(model, &QAbstractItemModel::layoutChanged, this, endChange);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &ConversationListPanel::updateTabTitles);
        m_tabList.append({tab.filter, view});
        m_tabs->addTab(view, QString());
    }

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (const Tab &tab : std::as_const(m_tabList))
            m_filters.value(tab.filter)->setSearchText(text);
    });
    connect(m_labelFilter, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ConversationListPanel::applyLabelFilter);
    connect(m_labels, &App::Labels::changed, this, &ConversationListPanel::reloadLabelFilter);
    connect(m_channelFilter, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ConversationListPanel::applyChannelFilter);
    connect(session, &App::Session::currentUserChanged, this,
            &ConversationListPanel::updateSupervisorTabs);
    // The welcome that names the user lists the relay's channels too.
    connect(session, &App::Session::currentUserChanged, this,
            &ConversationListPanel::reloadChannelFilter);
    connect(openConversation, &App::OpenConversation::opened, this,
            &ConversationListPanel::selectConversation);
    m_clock.setInterval(30 * 1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        for (const Tab &tab : std::as_const(m_tabList))
            tab.view->viewport()->update();
    });
    m_clock.start();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(4);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_labelFilter);
    searchRow->addWidget(m_channelFilter);
    layout->addLayout(searchRow);
    layout->addWidget(m_tabs, 1);

    reloadLabelFilter();
    reloadChannelFilter();
    retranslateUi();
    updateSupervisorTabs();
}

void ConversationListPanel::reloadLabelFilter()
{
    const qint64 chosen = m_labelFilter->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_labelFilter);
        while (m_labelFilter->count() > 1)
            m_labelFilter->removeItem(1);
        if (m_labelFilter->count() == 0)
            m_labelFilter->addItem(QString(), qint64(0));
        for (const App::Label &label : m_labels->all()) {
            QPixmap swatch(12, 12);
            swatch.fill(QColor(label.color));
            m_labelFilter->addItem(QIcon(swatch), label.name, label.id);
        }
        m_labelFilter->setCurrentIndex(qMax(0, m_labelFilter->findData(chosen)));
    }
    applyLabelFilter(); // a deleted label no longer filters
}

void ConversationListPanel::reloadChannelFilter()
{
    const QString chosen = m_channelFilter->currentData().toString();
    const QList<Protocol::ChannelPayload> &channels = m_session->channels();
    {
        const QSignalBlocker blocker(m_channelFilter);
        while (m_channelFilter->count() > 1)
            m_channelFilter->removeItem(1);
        if (m_channelFilter->count() == 0)
            m_channelFilter->addItem(QString(), QString());
        for (const Protocol::ChannelPayload &channel : channels) {
            QPixmap swatch(12, 12);
            swatch.fill(channel.color.isEmpty() ? palette().color(QPalette::Mid)
                                                : QColor(channel.color));
            m_channelFilter->addItem(QIcon(swatch), channel.label, channel.name);
        }
        m_channelFilter->setCurrentIndex(qMax(0, m_channelFilter->findData(chosen)));
    }
    m_channelFilter->setVisible(channels.size() > 1);
    applyChannelFilter(); // a channel the relay no longer serves no longer filters
}

void ConversationListPanel::applyChannelFilter()
{
    const QString name = m_channelFilter->currentData().toString();
    for (const Tab &tab : std::as_const(m_tabList))
        m_filters.value(tab.filter)->setChannelFilter(name);
}

void ConversationListPanel::applyLabelFilter()
{
    const qint64 id = m_labelFilter->currentData().toLongLong();
    for (const Tab &tab : std::as_const(m_tabList))
        m_filters.value(tab.filter)->setLabelFilter(id);
}

void ConversationListPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool ConversationListPanel::clearSearch()
{
    if (m_search->text().isEmpty())
        return false;
    m_search->clear();
    return true;
}

void ConversationListPanel::showFilter(Filter filter)
{
    for (const Tab &tab : std::as_const(m_tabList)) {
        if (tab.filter == filter && m_tabs->isTabVisible(m_tabs->indexOf(tab.view)))
            m_tabs->setCurrentWidget(tab.view);
    }
}

ConversationListPanel::Filter ConversationListPanel::currentFilter() const
{
    for (const Tab &tab : m_tabList) {
        if (tab.view == m_tabs->currentWidget())
            return tab.filter;
    }
    return Filter::Mine;
}

void ConversationListPanel::selectConversation(qint64 id)
{
    for (const Tab &tab : std::as_const(m_tabList)) {
        auto *proxy = m_filters.value(tab.filter);
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (proxy->conversationIdAt(row) != id)
                continue;
            const QModelIndex index = proxy->index(row, 0);
            if (tab.view->currentIndex() != index) {
                const QSignalBlocker blocker(tab.view->selectionModel());
                tab.view->selectionModel()->setCurrentIndex(index,
                                                            QItemSelectionModel::ClearAndSelect);
                tab.view->viewport()->update();
            }
            tab.view->scrollTo(index);
            break;
        }
    }
}

QListView *ConversationListPanel::listView(Filter filter) const
{
    for (const Tab &tab : m_tabList) {
        if (tab.filter == filter)
            return tab.view;
    }
    return nullptr;
}

void ConversationListPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConversationListPanel::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search name, number, message or label:name (Ctrl+K)"));
    m_labelFilter->setItemText(0, tr("All labels"));
    m_labelFilter->setAccessibleName(tr("Show only chats with this label"));
    m_labelFilter->setToolTip(tr("Show only chats with this label"));
    m_channelFilter->setItemText(0, tr("All numbers"));
    m_channelFilter->setAccessibleName(tr("Show only chats with this WhatsApp number"));
    m_channelFilter->setToolTip(tr("Show only chats with this WhatsApp number"));
    m_search->setAccessibleName(tr("Search chats"));
    m_tabs->setAccessibleName(tr("Chat filters"));
    for (const Tab &tab : std::as_const(m_tabList))
        tab.view->setAccessibleName(tr("Chats: %1").arg(filterTitle(tab.filter)));
    updateTabTitles();
}

void ConversationListPanel::updateTabTitles()
{
    for (const Tab &tab : std::as_const(m_tabList)) {
        const int count = tab.view->model()->rowCount();
        const QString title = filterTitle(tab.filter);
        m_tabs->setTabText(m_tabs->indexOf(tab.view),
                           count > 0 && tab.filter != Filter::Resolved
                               ? QStringLiteral("%1 (%2)").arg(title).arg(count)
                               : title);
    }
}

void ConversationListPanel::updateSupervisorTabs()
{
    const bool supervisor = m_session->currentUser().isSupervisor();
    m_tabs->setTabVisible(m_tabs->indexOf(listView(Filter::All)), supervisor);
}

void ConversationListPanel::handleCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid() || m_modelChanging > 0)
        return;
    const auto *proxy = qobject_cast<const App::ConversationFilterProxy *>(current.model());
    const qint64 id = proxy ? proxy->conversationIdAt(current.row()) : 0;
    if (id != 0)
        Q_EMIT conversationActivated(id);
}

QString ConversationListPanel::filterTitle(Filter filter) const
{
    switch (filter) {
    case Filter::Mine:
        return tr("Mine");
    case Filter::Queue:
        return tr("Queue");
    case Filter::All:
        return tr("All");
    case Filter::Resolved:
        return tr("Resolved");
    case Filter::Mentions:
        return tr("Mentions");
    }
    return {};
}

} // namespace Serambi::Ui
