#include "ingest.h"

#include "ingest/webhookingest.h"
#include "store/writetxn.h"
#include "whatsapp/webhookparser.h"

#include <QJsonDocument>

namespace Serambi::Test {

std::optional<Relay::Message> ingest(Relay::WriteTxn &txn, const InboundText &message,
                                     Protocol::AiMode aiMode)
{
    const auto batch =
        Relay::parseWebhook(QJsonDocument(inbound(message)).toJson(QJsonDocument::Compact));
    if (!batch ||
        Relay::ingestWebhook(txn, *batch, Protocol::aiModeName(aiMode), {}).messagesStored != 1)
        return std::nullopt;
    return Relay::ConversationRepo::messageByWamid(txn.db(), message.wamid);
}

} // namespace Serambi::Test
