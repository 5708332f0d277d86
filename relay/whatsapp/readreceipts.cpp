#include "readreceipts.h"

#include "channels/channelset.h"
#include "logging/relaylogging.h"
#include "store/conversationrepo.h"
#include "store/statementcache.h"
#include "store/storereader.h"

namespace Serambi::Relay {

ReadReceipts::ReadReceipts(StoreReader *reader, const ChannelSet *channels, QObject *parent)
    : QObject(parent), m_reader(reader), m_channels(channels)
{}

QString ReadReceipts::newestCustomerWamid(qint64 conversationId)
{
    PreparedQuery newest(m_reader->db(),
                         QStringLiteral("SELECT wamid FROM messages WHERE conversation_id = ? AND "
                                        "direction = 'in' AND wamid IS NOT NULL "
                                        "ORDER BY id DESC LIMIT 1"));
    newest.addBindValue(conversationId);
    if (!execQuery(newest) || !newest.next())
        return {};
    const QString wamid = newest.value(0).toString();
    newest.finish();
    return wamid;
}

Channel *ReadReceipts::receiptChannel(qint64 conversationId)
{
    Channel *channel =
        m_channels->find(ConversationRepo::channelOf(m_reader->db(), conversationId));
    return channel && channel->capabilities().readReceipts ? channel : nullptr;
}

bool ReadReceipts::sendTyping(qint64 conversationId, qint64 nowMs)
{
    Channel *channel = receiptChannel(conversationId);
    if (!channel || !channel->capabilities().typing)
        return false;
    const auto last = m_lastTyping.constFind(conversationId);
    if (last != m_lastTyping.constEnd() && nowMs - *last < TypingIntervalMs)
        return false;
    const QString wamid = newestCustomerWamid(conversationId);
    if (wamid.isEmpty())
        return false;
    m_lastTyping.insert(conversationId, nowMs);
    channel->markRead(wamid, true, this, [conversationId](const GraphResult &result) {
        if (!result.ok())
            qCWarning(lcGraph) << "typing indicator for conversation" << conversationId
                               << "refused: HTTP" << result.httpStatus << "code"
                               << result.error.code;
    });
    return true;
}

void ReadReceipts::handleConversationRead(qint64 conversationId)
{
    Channel *channel = receiptChannel(conversationId);
    if (!channel)
        return;
    const QString wamid = newestCustomerWamid(conversationId);
    if (wamid.isEmpty())
        return;
    if (m_lastSent.value(conversationId) == wamid)
        return;
    m_lastSent.insert(conversationId, wamid);
    channel->markRead(wamid, false, this, [this, conversationId](const GraphResult &result) {
        if (!result.ok()) {
            qCWarning(lcGraph) << "read receipt for conversation" << conversationId
                               << "refused: HTTP" << result.httpStatus << "code"
                               << result.error.code;
            m_lastSent.remove(conversationId);
        }
    });
}

} // namespace Serambi::Relay
