#include "customerpanel.h"

#include "app/customerorders.h"
#include "errortext.h"

#include "protocol/ordertext.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {

constexpr int PanelWidth = 280;

// WooCommerce's core statuses for the agent; a status the shop invented is shown as it is.
QString statusLabel(const QString &status)
{
    if (status == QLatin1String("pending"))
        return CustomerPanel::tr("Awaiting payment");
    if (status == QLatin1String("processing"))
        return CustomerPanel::tr("Processing");
    if (status == QLatin1String("on-hold"))
        return CustomerPanel::tr("On hold");
    if (status == QLatin1String("completed"))
        return CustomerPanel::tr("Completed");
    if (status == QLatin1String("cancelled"))
        return CustomerPanel::tr("Cancelled");
    if (status == QLatin1String("refunded"))
        return CustomerPanel::tr("Refunded");
    if (status == QLatin1String("failed"))
        return CustomerPanel::tr("Failed");
    return status;
}

} // namespace

CustomerPanel::CustomerPanel(App::CustomerOrders *orders, QWidget *parent)
    : QWidget(parent)
    , m_orders(orders)
    , m_title(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_insert(new QPushButton(this))
{
    setObjectName(QStringLiteral("customerPanel"));
    m_title->setObjectName(QStringLiteral("customerOrdersTitle"));
    m_empty->setObjectName(QStringLiteral("customerOrdersEmpty"));
    m_list->setObjectName(QStringLiteral("customerOrders"));
    m_insert->setObjectName(QStringLiteral("insertOrderStatus"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMinimumWidth(PanelWidth - 60);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_insert);

    connect(m_orders, &App::CustomerOrders::ordersChanged, this, &CustomerPanel::refresh);
    connect(m_orders, &App::CustomerOrders::loadFailed, this, &CustomerPanel::showFailure);
    connect(m_list, &QListWidget::itemActivated, this, &CustomerPanel::insertSelected);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this](int row) { m_insert->setEnabled(row >= 0); });
    connect(m_insert, &QPushButton::clicked, this, &CustomerPanel::insertSelected);
    retranslateUi();
    setConversation(0);
}

QSize CustomerPanel::sizeHint() const
{
    return {PanelWidth, QWidget::sizeHint().height()};
}

void CustomerPanel::setConversation(qint64 conversationId)
{
    m_conversationId = conversationId;
    m_failure.clear();
    refresh(conversationId);
    if (conversationId != 0)
        m_orders->load(conversationId);
}

void CustomerPanel::focusOrders()
{
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void CustomerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CustomerPanel::retranslateUi()
{
    m_title->setText(tr("Customer's orders"));
    m_insert->setText(tr("Insert order status"));
    m_insert->setToolTip(tr("Put the selected order's status into the reply, in Indonesian for "
                            "the customer (Enter on an order does the same)"));
    m_list->setAccessibleName(tr("Customer's orders (Ctrl+Shift+O)"));
    refresh(m_conversationId);
}

void CustomerPanel::showFailure(qint64 conversationId, const QString &errorCode)
{
    if (conversationId != m_conversationId)
        return;
    m_failure = errorCode;
    refresh(conversationId);
}

void CustomerPanel::refresh(qint64 conversationId)
{
    if (conversationId != m_conversationId)
        return;
    const QList<App::Order> orders = m_orders->ordersOf(conversationId);
    const QString selected =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    const QLocale locale;
    for (const App::Order &order : orders) {
        QStringList lines;
        lines << tr("%1 · %2").arg(order.number, statusLabel(order.status));
        if (order.createdAt != 0)
            lines << locale.toString(QDateTime::fromMSecsSinceEpoch(order.createdAt).date(),
                                     QStringLiteral("d MMM yyyy"));
        for (const Protocol::OrderItemPayload &item : order.items)
            lines << tr("%1 × %2").arg(item.quantity).arg(item.name);
        lines << Protocol::formatRupiah(order.totalHundredths);
        if (!order.trackingNumber.isEmpty())
            lines << (order.courier.isEmpty()
                          ? tr("Tracking number %1").arg(order.trackingNumber)
                          : tr("%1, tracking number %2").arg(order.courier, order.trackingNumber));
        auto *item = new QListWidgetItem(lines.join(QLatin1Char('\n')), m_list);
        item->setData(Qt::UserRole, order.number);
        item->setData(Qt::UserRole + 1, Protocol::orderStatusSentence(order));
        if (order.number == selected)
            m_list->setCurrentItem(item);
    }
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (conversationId == 0)
        m_empty->setText(tr("Open a chat to see the customer's orders."));
    else if (!m_failure.isEmpty())
        m_empty->setText(ErrorText::forName(m_failure));
    else
        m_empty->setText(tr("No shop orders with this customer's phone number."));
    m_empty->setVisible(orders.isEmpty() || !m_failure.isEmpty());
    m_list->setVisible(!orders.isEmpty());
    m_insert->setEnabled(m_list->currentRow() >= 0);
}

void CustomerPanel::insertSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (item)
        Q_EMIT insertRequested(item->data(Qt::UserRole + 1).toString());
}

} // namespace Serambi::Ui
