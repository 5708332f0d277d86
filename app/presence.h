#pragma once

#include "protocol/floorpayloads.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Serambi::App {

class RelayClient;

// The signed-in agent's presence (docs/protocol.md, "Presence and teams") and, for supervisors,
// everyone's as presence.changed reports it. The relay decides; the console asks for online or
// away with set_presence: by hand, or away by itself after the idle time without keyboard or
// mouse input in the application, and online again at the next input after an idle away.
class Presence : public QObject
{
    Q_OBJECT

public:
    explicit Presence(RelayClient *relay, QObject *parent = nullptr);

    // What the relay said last; offline while the console is not connected.
    Protocol::Presence mine() const { return m_mine; }
    // Asks the relay by hand (an away chosen so survives reconnects and input); false when
    // offline or when it is already so.
    bool request(Protocol::Presence presence);
    // Away after this long without input; 0 turns it off. Default 5 minutes.
    void setIdleTimeoutMs(int ms);
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    // Counts as input (the application's key and mouse events call it; tests too).
    void noteInput();

    // Others' presence as the last presence.changed said (supervisors get them).
    Protocol::Presence of(qint64 userId) const
    {
        return m_others.value(userId, Protocol::Presence::Offline);
    }

Q_SIGNALS:
    void mineChanged(Serambi::Protocol::Presence presence);
    void changed(const Serambi::Protocol::PresencePayload &presence);
    void requestFailed(const QString &errorCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool ask(Protocol::Presence presence);
    void setMine(Protocol::Presence presence);
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);

    RelayClient *m_relay;
    qint64 m_userId = 0;
    Protocol::Presence m_mine = Protocol::Presence::Offline;
    // Away chosen by hand stays when the console reconnects; an idle away ends at the next input.
    bool m_awayByHand = false;
    bool m_awayByIdle = false;
    int m_idleTimeoutMs = 5 * 60 * 1000;
    QTimer m_idle;
    QHash<qint64, Protocol::Presence> m_others;
};

} // namespace Serambi::App
