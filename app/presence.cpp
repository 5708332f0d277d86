#include "presence.h"

#include "relayclient.h"

#include "protocol/events.h"
#include "protocol/keys.h"

#include <QCoreApplication>
#include <QEvent>

namespace Serambi::App {

namespace Key = Protocol::Key;

Presence::Presence(RelayClient *relay, QObject *parent) : QObject(parent), m_relay(relay)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_mine == Protocol::Presence::Online && ask(Protocol::Presence::Away))
            m_awayByIdle = true;
    });
    connect(m_relay, &RelayClient::welcomed, this, [this](const CurrentUser &user) {
        m_userId = user.id;
        // A fresh connection is online at the relay; an away chosen by hand is asked again.
        setMine(Protocol::Presence::Online);
        if (m_awayByHand)
            ask(Protocol::Presence::Away);
        noteInput();
    });
    connect(m_relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state != ConnectionState::Online) {
            m_others.clear();
            setMine(Protocol::Presence::Offline);
        }
    });
    connect(m_relay, &RelayClient::eventReceived, this, &Presence::handleEvent);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool Presence::request(Protocol::Presence presence)
{
    if (!ask(presence))
        return false;
    m_awayByHand = presence == Protocol::Presence::Away;
    m_awayByIdle = false;
    return true;
}

bool Presence::ask(Protocol::Presence presence)
{
    if (presence == m_mine || presence == Protocol::Presence::Offline)
        return false;
    return m_relay->request(Protocol::Command::SetPresence,
                            {{Key::Presence, Protocol::presenceName(presence)}}, this,
                            [this, presence](const RelayResult &result) {
                                if (result.lost)
                                    return;
                                if (result.ok)
                                    setMine(presence);
                                else
                                    Q_EMIT requestFailed(result.errorCode);
                            });
}

void Presence::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = std::max(0, ms);
    m_idle.setInterval(m_idleTimeoutMs);
    noteInput();
}

void Presence::noteInput()
{
    if (m_awayByIdle && m_mine == Protocol::Presence::Away) {
        m_awayByIdle = false;
        ask(Protocol::Presence::Online);
    }
    if (m_idleTimeoutMs > 0 && m_mine == Protocol::Presence::Online)
        m_idle.start();
    else
        m_idle.stop();
}

bool Presence::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        noteInput();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void Presence::setMine(Protocol::Presence presence)
{
    if (presence == m_mine)
        return;
    m_mine = presence;
    if (presence != Protocol::Presence::Away)
        m_awayByIdle = false;
    if (presence == Protocol::Presence::Online && m_idleTimeoutMs > 0)
        m_idle.start();
    else
        m_idle.stop();
    Q_EMIT mineChanged(presence);
}

void Presence::handleEvent(qint64, const QString &kind, qint64, const QJsonObject &data)
{
    if (Protocol::eventKindFromName(kind) != Protocol::EventKind::PresenceChanged)
        return;
    const Protocol::PresencePayload payload = Protocol::PresencePayload::fromJson(data);
    if (payload.userId == m_userId) {
        // Set from another console of mine or by a supervisor.
        if (payload.presence == Protocol::Presence::Online)
            m_awayByHand = false;
        else if (payload.presence == Protocol::Presence::Away && !m_awayByIdle)
            m_awayByHand = true;
        setMine(payload.presence);
    } else {
        m_others.insert(payload.userId, payload.presence);
    }
    Q_EMIT changed(payload);
}

} // namespace Serambi::App
