#include "conversationview.h"

#include "app/messagelistmodel.h"
#include "messagedelegate.h"

#include <QEvent>
#include <QScrollBar>
#include <QTimer>

namespace Serambi::Ui {

ConversationView::ConversationView(App::MessageListModel *messages, QWidget *parent)
    : QListView(parent), m_messages(messages)
{
    setObjectName(QStringLiteral("messageView"));
    m_proxy.setSourceModel(messages);
    setModel(&m_proxy);
    setItemDelegate(new MessageDelegate(this));
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
        m_stickToBottom = true;
        m_anchorFromBottom = -1;
        // The layout is delayed; settle it after the reset so the scroll range is real.
        QTimer::singleShot(0, this, [this] {
            scrollToBottom();
            fetchOlderIfNeeded();
        });
    });
    connect(&m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
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

void ConversationView::verticalScrollbarValueChanged(int value)
{
    // The base class fetches at the bottom, where the newest messages are; the proxy stops it.
    QListView::verticalScrollbarValueChanged(value);
    m_stickToBottom = isAtBottom();
    if (value == verticalScrollBar()->minimum())
        fetchOlderIfNeeded();
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
    if (event->type() == QEvent::LanguageChange) {
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
    if (m_messages->canFetchMore({}))
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
    setAccessibleDescription(tr("Ctrl+R replies to the selected message"));
}

} // namespace Serambi::Ui
