#pragma once

#include <QHash>
#include <QObject>

namespace Serambi::Relay {

class Channel;
class ChannelSet;
class StoreReader;

// Tells the customer an agent read a conversation (blue ticks for the customer): marks the newest
// customer message read, which marks every earlier one too (§8.4), when the channel has read
// receipts. Best effort: a failure is logged, not retried; the next read sends it again. Also sends
// the typing indicator, which Meta takes as the same kind of receipt.
class ReadReceipts : public QObject
{
    Q_OBJECT

public:
    ReadReceipts(StoreReader *reader, const ChannelSet *channels, QObject *parent = nullptr);

    // Shows the customer that an agent is typing (a read receipt of the newest customer message
    // with a typing indicator), at most once per TypingIntervalMs per conversation. True when
    // the request went out; the caller checks the window and the agent's rights.
    bool sendTyping(qint64 conversationId, qint64 nowMs);

    static constexpr qint64 TypingIntervalMs = 20000;

public Q_SLOTS:
    void handleConversationRead(qint64 conversationId);

private:
    QString newestCustomerWamid(qint64 conversationId);
    // The conversation's channel when it sends read receipts, else nullptr.
    Channel *receiptChannel(qint64 conversationId);

    StoreReader *m_reader;
    const ChannelSet *m_channels;
    QHash<qint64, QString> m_lastSent;  // conversation -> wamid already marked read
    QHash<qint64, qint64> m_lastTyping; // conversation -> when a typing indicator went out
};

} // namespace Serambi::Relay
