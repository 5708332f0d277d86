#pragma once

#include "contact.h"
#include "writetxn.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

struct Conversation;
struct Message;

// The Graph API body of a message to contact: content ({"type", "<type>": {…}, "context"?})
// plus messaging_product, recipient_type and "to" (+wa_id) or, when only a business-scoped
// user id is known, "recipient".
QJsonObject outboundRequest(const Contact &contact, const QJsonObject &content);
// What message objects carry as an outbound message's "content": the request without
// messaging_product, recipient_type, to/recipient and biz_opaque_callback_data.
QJsonObject outboundContent(const QJsonObject &request);
// content quoting replyTo (a wamid) when it is set.
QJsonObject withReplyContext(QJsonObject content, const QString &replyTo);

// The relay media key an outbound request names instead of Meta's media id: the media object of
// a media message ({"type": "image", "image": {"key"}}) or a template's header parameter
// ({"type": "image", "image": {"key"}}); empty when there is none. A "key" anywhere else (in an
// interactive object, a template's body) is never taken for media.
QString outboundMediaKey(const QJsonObject &request);
// request with that media object naming Meta's id instead of the key.
QJsonObject withMetaMediaId(QJsonObject request, const QString &metaMediaId);

// Stores message as an outbound message of conversation (direction out, status pending,
// payload = outboundRequest of content), queues it in the outbox and makes it the
// conversation's last message. The caller fills type, text, sender, timestamp and replyTo,
// then stores the conversation and publishes the events. False when the store failed.
bool queueOutbound(WriteTxn &txn, Conversation &conversation, Message &message,
                   const QJsonObject &content);

} // namespace Serambi::Relay
