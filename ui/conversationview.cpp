#include "conversationview.h"

#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "audioplayback.h"
#include "bubbleactions.h"
#include "messagedelegate.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

namespace Serambi::Ui {

HistoryProxy::HistoryProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void HistoryProxy::setMessages(App::MessageListModel *messages)
{
    // Before the base class's own connection: a new chat starts from its newest rows.
    connect(messages, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_oldestShown = -1; });
    setSourceModel(messages);
}

QVariant HistoryProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::AccessibleTextRole && m_describer && index.isValid())
        return m_describer(index);
    return QSortFilterProxyModel::data(index, role);
}

qint64 HistoryProxy::idAt(int sourceRow) const
{
    return sourceModel()->index(sourceRow, 0).data(App::MessageListModel::IdRole).toLongLong();
}

bool HistoryProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_oldestShown < 0) {
        const int rows = sourceModel()->rowCount();
        m_oldestShown = rows > Window ? idAt(rows - Window) : 0;
    }
    const qint64 id = idAt(sourceRow);
    return m_oldestShown == 0 || id < 0 || id >= m_oldestShown;
}

bool HistoryProxy::hidesOlder() const
{
    return rowCount() < sourceModel()->rowCount();
}

void HistoryProxy::setOldestShown(qint64 id)
{
    if (id == m_oldestShown)
        return;
    m_oldestShown = id;
    invalidateFilter();
}

void HistoryProxy::showOlder(int rows)
{
    const int hidden = sourceModel()->rowCount() - rowCount();
    if (hidden <= 0)
        return;
    setOldestShown(hidden <= rows ? 0 : idAt(hidden - rows));
}

void HistoryProxy::showFrom(qint64 messageId)
{
    if (m_oldestShown <= 0 || messageId <= 0 || messageId >= m_oldestShown)
        return;
    // With a page of older ones above it, so that it is not shown at the very top.
    const QModelIndexList found = sourceModel()->match(
        sourceModel()->index(0, 0), App::MessageListModel::IdRole, messageId, 1, Qt::MatchExactly);
    const int row = found.isEmpty() ? 0 : found.first().row();
    setOldestShown(row <= Step ? 0 : idAt(row - Step));
}

void HistoryProxy::showNewestOnly()
{
    const int rows = sourceModel()->rowCount();
    if (rows > Window)
        setOldestShown(idAt(rows - Window));
}

ConversationView::ConversationView(App::MessageListModel *messages, App::MediaCache *media,
                                   QWidget *parent)
    : QListView(parent)
    , m_messages(messages)
    , m_audio(new AudioPlayback(this))
    , m_delegate(new MessageDelegate({media, m_audio}, this))
    , m_actions(new BubbleActions(media, m_audio, this))
{
    setObjectName(QStringLiteral("messageView"));
    m_proxy.setMessages(messages);
    m_proxy.setDescriber([this](const QModelIndex &index) { return m_delegate->describe(index); });
    setModel(&m_proxy);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);

    connect(&m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &ConversationView::handleRowsAboutToBeInserted);
    connect(&m_proxy, &QAbstractItemModel::rowsInserted, this,
            &ConversationView::handleRowsInserted);
    connect(&m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_delegate->forgetSizes();
        m_stickToBottom = true;
        m_anchorFromBottom = -1;
        // The layout is delayed; settle it after the reset so the scroll range is real.
        QTimer::singleShot(0, this, [this] {
            scrollToBottom();
            fetchOlderIfNeeded();
        });
    });
    // Media arriving changes what bubbles show, and photos their size.
    connect(media, &App::MediaCache::thumbnailReady, this, &ConversationView::relayoutMedia);
    connect(media, &App::MediaCache::fetched, this, &ConversationView::relayoutMedia);
    connect(media, &App::MediaCache::fetchFailed, this, &ConversationView::relayoutMedia);
    connect(media, &App::MediaCache::progressed, viewport(), qOverload<>(&QWidget::update));
    connect(m_audio, &AudioPlayback::changed, viewport(), qOverload<>(&QWidget::update));
    connect(m_actions, &BubbleActions::retryMediaRequested, this,
            &ConversationView::retryMediaRequested);
    connect(m_actions, &BubbleActions::quotedMessageRequested, this,
            &ConversationView::showMessage);
    connect(&m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // A media state, a reaction or a resolved quote may change a bubble's height.
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    m_delegate->forgetSize(
                        m_proxy.index(row, 0).data(App::MessageListModel::IdRole).toLongLong());
                scheduleDelayedItemsLayout();
                if (m_stickToBottom)
                    QTimer::singleShot(0, this, [this] { scrollToBottom(); });
            });
    retranslateUi();
}

QString ConversationView::selectedWamid() const
{
    const QModelIndex index = currentIndex();
    if (!index.isValid() || !selectionModel()->isSelected(index))
        return {};
    return index.data(App::MessageListModel::WamidRole).toString();
}

QString ConversationView::selectedText() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(App::MessageListModel::TextRole).toString() : QString();
}

void ConversationView::clearMessageSelection()
{
    clearSelection();
}

bool ConversationView::showMessage(const QString &wamid)
{
    if (wamid.isEmpty())
        return false;
    const QModelIndexList loaded = m_messages->match(
        m_messages->index(0, 0), App::MessageListModel::WamidRole, wamid, 1, Qt::MatchExactly);
    if (loaded.isEmpty())
        return false;
    // Revealing older rows must not send the view back to the newest message.
    m_stickToBottom = false;
    m_proxy.showFrom(loaded.first().data(App::MessageListModel::IdRole).toLongLong());
    const QModelIndexList found = m_proxy.match(
        m_proxy.index(0, 0), App::MessageListModel::WamidRole, wamid, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    setCurrentIndex(found.first());
    scrollTo(found.first(), QAbstractItemView::PositionAtCenter);
    return true;
}

void ConversationView::relayoutMedia(const QString &key)
{
    for (int row = 0; row < m_proxy.rowCount(); ++row) {
        const QModelIndex index = m_proxy.index(row, 0);
        if (index.data(App::MessageListModel::MediaKeyRole).toString() == key)
            m_delegate->forgetSize(index.data(App::MessageListModel::IdRole).toLongLong());
    }
    scheduleDelayedItemsLayout();
}

void ConversationView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !index.isValid())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    m_actions->trigger(index, m_delegate->actionAt(option, index, event->position().toPoint()));
}

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        const Bubbles::Action action = m_delegate->primaryAction(currentIndex());
        if (action != Bubbles::Action::None) {
            m_actions->trigger(currentIndex(), action);
            event->accept();
            return;
        }
    }
    QListView::keyPressEvent(event);
}

void ConversationView::verticalScrollbarValueChanged(int value)
{
    // The base class fetches at the bottom, where the newest messages are; the proxy stops it.
    QListView::verticalScrollbarValueChanged(value);
    m_stickToBottom = isAtBottom();
    if (value == verticalScrollBar()->minimum())
        fetchOlderIfNeeded();
    else if (m_stickToBottom && m_proxy.rowCount() > HistoryProxy::Window + HistoryProxy::Step)
        // Back at the newest messages: lay out only their window again.
        QTimer::singleShot(0, this, [this] {
            if (!m_stickToBottom)
                return;
            m_proxy.showNewestOnly();
            scrollToBottom();
        });
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = m_stickToBottom;
    QListView::resizeEvent(event);
    if (atBottom)
        QTimer::singleShot(0, this, [this] { scrollToBottom(); });
}

void ConversationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_delegate->forgetSizes();
        retranslateUi();
        // Day separators and "unsupported" bubbles change size with the language.
        scheduleDelayedItemsLayout();
    }
    QListView::changeEvent(event);
}

void ConversationView::handleRowsAboutToBeInserted(const QModelIndex &, int first, int)
{
    m_anchorFromBottom = -1;
    if (first == 0 && m_proxy.rowCount() > 0 && !m_stickToBottom) {
        const QScrollBar *bar = verticalScrollBar();
        m_anchorFromBottom = bar->maximum() - bar->value();
    }
}

void ConversationView::handleRowsInserted(const QModelIndex &, int, int)
{
    if (m_anchorFromBottom >= 0) {
        // Older messages went in above: keep what the agent was reading where it was.
        const int anchor = m_anchorFromBottom;
        m_anchorFromBottom = -1;
        doItemsLayout();
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->maximum() - anchor);
        return;
    }
    if (m_stickToBottom)
        QTimer::singleShot(0, this, [this] {
            scrollToBottom();
            fetchOlderIfNeeded();
        });
}

void ConversationView::fetchOlderIfNeeded()
{
    // At the top, or the loaded messages do not fill the view yet: one more page.
    const QScrollBar *bar = verticalScrollBar();
    if (bar->value() != bar->minimum() && bar->maximum() > 0)
        return;
    if (m_proxy.hidesOlder())
        m_proxy.showOlder(HistoryProxy::Step);
    else if (m_messages->canFetchMore({}))
        m_messages->fetchMore({});
}

bool ConversationView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ConversationView::retranslateUi()
{
    setAccessibleName(tr("Messages"));
    setAccessibleDescription(tr("Ctrl+R replies to the selected message; Enter opens its photo, "
                                "file, voice message or location"));
}

} // namespace Serambi::Ui
