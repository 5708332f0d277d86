#pragma once

#include "config/orderstatustemplates.h"
#include "shoporder.h"

#include "protocol/types.h"

#include <QList>
#include <QString>

namespace Serambi::Relay {

class WriteTxn;

struct OrderNoticeOptions
{
    QString phoneNumberId; // the business number the notice is sent from
    Protocol::AiMode defaultAiMode = Protocol::AiMode::Draft; // of a chat the notice starts
    QList<OrderStatusTemplate> templates;
};

enum class OrderNotice {
    Queued,          // a template message is in the outbox and in the chat
    Unchanged,       // the order kept its status
    NoTemplate,      // no template was chosen for the new status
    NoConsent,       // the customer did not agree to order updates
    TemplateMissing, // the chosen template is not synced or not approved
    FieldMissing,    // the order lacks a field the template names (e.g. no tracking number)
    Failed,          // the store failed
};

// When a shop's webhook moved order from previousStatus to another status that has a chosen
// template and the customer consented, queues that template to the customer in their chat
// (created if they never wrote), through the outbox, with message.created and
// conversation.updated events (docs/integrations.md, "Status templates").
OrderNotice queueOrderStatusNotice(WriteTxn &txn, const OrderNoticeOptions &options,
                                   const ShopOrder &order, const QString &previousStatus);

} // namespace Serambi::Relay
