#pragma once

#include "commandargs.h"
#include "store/userrepo.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace Serambi::Relay {

// customer_orders {conversation_id}: {"orders": [<order>…]} newest first, the stored shop orders
// whose billing phone is the conversation's customer (docs/protocol.md). not_found for an
// unknown conversation, forbidden for one the caller may not see; read-only, not recorded.
CommandReply customerOrdersCommand(QSqlDatabase &db, const User &user, const QJsonObject &args);

} // namespace Serambi::Relay
