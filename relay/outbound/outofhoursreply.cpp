#include "outofhoursreply.h"

#include "logging/relaylogging.h"
#include "outboundtext.h"
#include "protocol/keys.h"
#include "protocol/payloads.h"
#include "store/conversationrepo.h"
#include "store/outbound.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

namespace Serambi::Relay {

namespace {

// The sender name consoles show on the reply.
const QString SenderName = QStringLiteral("Jam layanan");
// Conversations remembered before the periods already over are forgotten.
constexpr qsizetype RememberedConversations = 4096;

} // namespace

OutOfHoursReply::OutOfHoursReply(StoreWriter *writer, OutOfHoursOptions options, Clock clock,
                                 QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_options(std::move(options))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{}

void OutOfHoursReply::handleEvents(const EventList &events)
{
    if (m_options.hours.alwaysOpen() || m_options.reply.isEmpty())
        return;
    const QDateTime now = m_clock();
    if (m_options.hours.isOpen(now))
        return;
    for (const Event &event : events) {
        if (event.kind == EventKind::MessageCreated &&
            event.data.value(Protocol::Key::Direction).toString() ==
                Protocol::directionName(Protocol::Direction::In))
            customerWrote(event.conversationId, now);
    }
}

void OutOfHoursReply::customerWrote(qint64 conversationId, const QDateTime &now)
{
    const auto opening = m_options.hours.nextOpening(now);
    const qint64 openingMs = opening ? opening->toMSecsSinceEpoch() : 0;
    if (m_told.value(conversationId, -1) == openingMs)
        return;
    if (m_told.size() >= RememberedConversations) {
        const qint64 nowMs = now.toMSecsSinceEpoch();
        m_told.removeIf([nowMs](const auto &told) { return told.value() <= nowMs; });
    }
    m_told.insert(conversationId, openingMs);
    QString text = m_options.reply;
    text.replace(
        QLatin1String("{opens}"),
        opening ? describeOpening(*opening, now, m_options.hours.timeZone(), m_options.language)
                : QString());
    m_writer->submit(
        [conversationId, text](WriteTxn &txn) {
            auto conversation = ConversationRepo::load(txn.db(), conversationId);
            if (!conversation)
                return WriteResult::failure(QStringLiteral("no such conversation"));
            Message message;
            message.type = QStringLiteral("text");
            message.text = text;
            message.senderKind = QStringLiteral("ai");
            message.senderName = SenderName;
            message.timestamp = txn.now();
            if (!queueOutbound(txn, *conversation, message, textMessageContent(text, QString())) ||
                !ConversationRepo::update(txn, *conversation))
                return WriteResult::failure(QStringLiteral("storage error"));
            ConversationRepo::publishMessage(txn, *conversation, message,
                                             EventKind::MessageCreated);
            ConversationRepo::publishConversation(txn, *conversation);
            return WriteResult::success(true);
        },
        this,
        [this, conversationId](const WriteResult &stored) {
            if (!stored.ok) {
                qCWarning(lcHours).noquote() << "out-of-hours reply to conversation"
                                             << conversationId << "not queued:" << stored.error;
                return;
            }
            ++m_replied;
            qCInfo(lcHours) << "out-of-hours reply queued for conversation" << conversationId;
            Q_EMIT replyQueued(conversationId);
        });
}

} // namespace Serambi::Relay
