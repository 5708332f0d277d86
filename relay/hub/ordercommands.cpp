#include "ordercommands.h"

#include "auth/visibility.h"
#include "integrations/commerce/shoporderrepo.h"
#include "store/conversationrepo.h"

#include "protocol/keys.h"

#include <QJsonArray>

namespace Serambi::Relay {

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
        orders.append(order.toPayload().toJson());
    return CommandReply::success({{Protocol::Key::Orders, orders}});
}

} // namespace Serambi::Relay
