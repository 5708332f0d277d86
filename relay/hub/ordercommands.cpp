#include "ordercommands.h"

#include "auth/visibility.h"
#include "integrations/commerce/shoporderrepo.h"
#include "store/conversationrepo.h"

#include "protocol/keys.h"
#include "protocol/orderpayload.h"

#include <QJsonArray>

namespace Serambi::Relay {

namespace {

Protocol::OrderPayload toPayload(const ShopOrder &order)
{
    Protocol::OrderPayload payload;
    payload.shop = order.shop;
    payload.number = order.number;
    payload.status = order.status;
    payload.currency = order.currency;
    payload.totalHundredths = order.totalHundredths;
    payload.createdAt = order.createdUtc.isValid() ? order.createdUtc.toMSecsSinceEpoch() : 0;
    for (const ShopOrderItem &item : order.items)
        payload.items.append({item.name, item.quantity});
    payload.courier = order.courier;
    payload.trackingNumber = order.trackingNumber;
    return payload;
}

} // namespace

CommandReply customerOrdersCommand(QSqlDatabase &db, const User &user, const QJsonObject &args)
{
    CommandReply refusal;
    const auto conversationId = requireId(args, Protocol::Key::ConversationId, &refusal);
    if (!conversationId)
        return refusal;
    const auto conversation = ConversationRepo::load(db, *conversationId);
    if (!conversation)
        return CommandReply::refusal(Protocol::ErrorCode::NotFound);
    if (!canSeeConversation(user, conversation->assigneeId))
        return CommandReply::refusal(Protocol::ErrorCode::Forbidden);
    QJsonArray orders;
    for (const ShopOrder &order : ShopOrderRepo::forCustomer(db, conversation->contact.waId))
        orders.append(toPayload(order).toJson());
    return CommandReply::success({{Protocol::Key::Orders, orders}});
}

} // namespace Serambi::Relay
