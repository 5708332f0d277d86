#include "presenceselector.h"

#include "app/presence.h"

#include <QEvent>
#include <QSignalBlocker>

namespace Serambi::Ui {

using Protocol::Presence;

PresenceSelector::PresenceSelector(App::Presence *presence, QWidget *parent)
    : QComboBox(parent), m_presence(presence)
{
    setObjectName(QStringLiteral("presenceSelector"));
    for (const Presence value : {Presence::Online, Presence::Away, Presence::Offline})
        addItem(QString(), int(value));
    retranslate();
    refresh();
    connect(presence, &App::Presence::mineChanged, this, &PresenceSelector::refresh);
    connect(this, &QComboBox::activated, this, [this](int index) {
        const auto wanted = Presence(itemData(index).toInt());
        if (!m_presence->request(wanted))
            refresh();
    });
}

void PresenceSelector::toggle()
{
    if (m_presence->mine() == Presence::Offline)
        return;
    m_presence->request(m_presence->mine() == Presence::Away ? Presence::Online : Presence::Away);
}

void PresenceSelector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void PresenceSelector::retranslate()
{
    setItemText(findData(int(Presence::Online)), tr("Online"));
    setItemText(findData(int(Presence::Away)), tr("Away"));
    setItemText(findData(int(Presence::Offline)), tr("Offline"));
    setToolTip(tr("Your presence: only online agents are given new chats (Ctrl+Shift+P)"));
    setAccessibleName(tr("Presence"));
}

void PresenceSelector::refresh()
{
    const QSignalBlocker blocker(this);
    const Presence mine = m_presence->mine();
    setCurrentIndex(findData(int(mine)));
    setEnabled(mine != Presence::Offline);
}

} // namespace Serambi::Ui
