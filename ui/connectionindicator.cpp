#include "connectionindicator.h"

#include "app/session.h"
#include "errortext.h"
#include "themecolors.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QPainter>

namespace Serambi::Ui {

using App::ConnectionState;

ConnectionIndicator::ConnectionIndicator(App::Session *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(session, &App::Session::connectionChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

QSize ConnectionIndicator::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.height() + 6 + metrics.horizontalAdvance(m_text) + 4, metrics.height() + 4};
}

void ConnectionIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const qreal dot = metrics.height() * 0.55;
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_dot);
    painter.drawEllipse(QRectF(2, (height() - dot) / 2, dot, dot));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(rect().adjusted(int(dot) + 8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     m_text);
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::refresh()
{
    const App::ConnectionStatus status = m_session->connectionStatus();
    const QPalette &pal = palette();
    const QDateTime now = QDateTime::currentDateTime();
    bool counting = false;
    switch (status.state) {
    case ConnectionState::SignedOut:
        m_text = tr("Signed out");
        m_dot = ThemeColors::mutedText(pal);
        break;
    case ConnectionState::Connecting:
        m_text = tr("Connecting…");
        m_dot = ThemeColors::warning(pal);
        break;
    case ConnectionState::Online:
        m_text = tr("Connected");
        m_dot = ThemeColors::positive(pal);
        break;
    case ConnectionState::Reconnecting: {
        const int seconds = int(qMax<qint64>(0, (now.msecsTo(status.nextRetryAt) + 999) / 1000));
        m_text = tr("Reconnecting in %n s", nullptr, seconds);
        m_dot = ThemeColors::warning(pal);
        counting = true;
        break;
    }
    case ConnectionState::Offline:
        m_text = tr("Offline since %1")
                     .arg(QLocale().toString(status.offlineSince.time(), QStringLiteral("HH:mm")));
        m_dot = ThemeColors::negative(pal);
        counting = true;
        break;
    }
    QString tip = m_text;
    if (!status.lastErrorCode.isEmpty() && status.state != ConnectionState::Online)
        tip += QLatin1Char('\n') + ErrorText::forName(status.lastErrorCode);
    setToolTip(tip);
    setAccessibleName(tr("Connection"));
    setAccessibleDescription(m_text);
    if (counting && !m_tick.isActive())
        m_tick.start();
    else if (!counting)
        m_tick.stop();
    updateGeometry();
    update();
}

} // namespace Serambi::Ui
