#pragma once

#include "config/businesshours.h"
#include "store/event.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace Serambi::Relay {

class StoreWriter;

// What a customer who writes outside business hours is told (docs/configuration.md, "Business
// hours"): the reply text, {opens} standing for the next opening in `language` (id, en).
struct OutOfHoursOptions
{
    BusinessHours hours;
    QString reply;
    QString language = QStringLiteral("id");
};

// Answers a customer's message that arrives while the business is closed with the configured
// reply, once per conversation and closed period: the customer's further messages before the
// next opening get nothing more. The reply is an automatic message (sender ai, sender name
// "Jam layanan") queued like any other; it leaves the AI's draft and the chat's state alone.
// Which periods were answered is kept in memory: after a restart within a closed period a
// customer may be told once more.
class OutOfHoursReply : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    OutOfHoursReply(StoreWriter *writer, OutOfHoursOptions options, Clock clock = {},
                    QObject *parent = nullptr);

    // Replies queued since start.
    quint64 replied() const { return m_replied; }
    // A reloaded configuration's hours and reply (conversations already told stay told).
    void setOptions(OutOfHoursOptions options) { m_options = std::move(options); }

public Q_SLOTS:
    void handleEvents(const Serambi::Relay::EventList &events);

Q_SIGNALS:
    // The reply to conversationId is stored and queued in the outbox.
    void replyQueued(qint64 conversationId);

private:
    void customerWrote(qint64 conversationId, const QDateTime &now);

    StoreWriter *m_writer;
    OutOfHoursOptions m_options;
    Clock m_clock;
    // Conversation → the opening (ms since epoch) it was last told about.
    QHash<qint64, qint64> m_told;
    quint64 m_replied = 0;
};

} // namespace Serambi::Relay
