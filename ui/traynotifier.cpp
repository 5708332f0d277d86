#include "traynotifier.h"

#include "app/conversationlistmodel.h"
#include "appicon.h"
#include "consolesettings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QSystemTrayIcon>

namespace Serambi::Ui {

namespace {

// The app icon with the unread count in a red disc, drawn for each size asked.
QIcon badgedIcon(int unread)
{
    const QIcon base = appIcon();
    if (unread <= 0)
        return base;
    QIcon icon;
    const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(QSize(size, size));
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal disc = size * 0.6;
        const QRectF badge(size - disc, 0, disc, disc);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.drawEllipse(badge);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(disc * (count.size() > 2 ? 0.42 : 0.6))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, count);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

TrayNotifier::TrayNotifier(App::Attention *attention,
                           const App::ConversationListModel *conversations,
                           ConsoleSettings *settings, QObject *parent)
    : QObject(parent), m_attention(attention), m_conversations(conversations), m_settings(settings)
{
    setObjectName(QStringLiteral("trayNotifier"));
    connect(attention, &App::Attention::attentionRequested, this, &TrayNotifier::handleAttention);
    connect(this, &TrayNotifier::notificationRequested, this, &TrayNotifier::showNotification);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    updateIcon(attention->unreadTotal());
    connect(attention, &App::Attention::unreadTotalChanged, this, &TrayNotifier::updateIcon);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_lastNotified != 0)
            Q_EMIT chatRequested(m_lastNotified);
    });
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason) { Q_EMIT windowRequested(); });
    m_tray->show();
    // The tooltip is words too: follow a language switch (sent to the application object).
    QCoreApplication::instance()->installEventFilter(this);
}

bool TrayNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        updateIcon(m_attention->unreadTotal());
    return QObject::eventFilter(watched, event);
}

void TrayNotifier::handleAttention(qint64 conversationId, App::Attention::Reason reason)
{
    if (!m_settings->notificationsEnabled())
        return;
    if (m_settings->soundEnabled())
        QApplication::beep();
    const App::Conversation *conversation = m_conversations->conversation(conversationId);
    const QString name = conversation ? conversation->displayName() : QString();
    m_lastNotified = conversationId;
    switch (reason) {
    case App::Attention::Reason::AssignedToMe:
        Q_EMIT notificationRequested(conversationId, tr("Chat assigned to you"),
                                     tr("%1 is now yours to answer.").arg(name));
        return;
    case App::Attention::Reason::HumanRequested:
        Q_EMIT notificationRequested(conversationId, tr("A customer asks for a person"),
                                     tr("%1 is waiting for an agent.").arg(name));
        return;
    case App::Attention::Reason::Mentioned:
        Q_EMIT notificationRequested(conversationId, tr("A colleague mentioned you"),
                                     tr("A note in the chat with %1 mentions you.").arg(name));
        return;
    }
}

void TrayNotifier::showNotification(qint64, const QString &title, const QString &text)
{
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, appIcon());
}

void TrayNotifier::updateIcon(int unread)
{
    m_tray->setIcon(badgedIcon(unread));
    m_tray->setToolTip(unread > 0 ? tr("Serambi — %n unread message(s)", nullptr, unread)
                                  : tr("Serambi"));
}

} // namespace Serambi::Ui
