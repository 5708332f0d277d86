#pragma once

#include "store/contact.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Serambi::Relay {

using WaContact = Contact;

// One inbound message (value.messages[]), any type. Unknown types are kept with their raw
// object so agents can be shown "unsupported" honestly.
// contextId is the wamid the message refers to: context.id for replies and button taps, but
// reaction.message_id for a reaction and original_message_id for a revoke or an edit. An
// edit's text is that of its new message (edit.message), read as a message of that type.
struct InboundMessage
{
    QString phoneNumberId;      // metadata.phone_number_id: the business number it reached
    QString displayPhoneNumber; // metadata.display_phone_number
    WaContact from;             // sender, merged from messages[].from* and value.contacts[]
    QString wamid;              // messages[].id (dedupe key)
    qint64 timestamp = 0;       // Unix seconds
    QString type;               // messages[].type, as sent ("text", "image", "poll_creation"...)
    QString text;               // text.body, media caption, button text, interactive reply title...
    QString contextId;          // context.id, or the wamid a reaction/revoke/edit acts on
    bool supported = true;      // false for "unsupported"/"unknown" and for types we do not parse
    int errorCode = 0;          // messages[].errors[0].code, if any
    QString errorTitle;         // messages[].errors[0].title
    QString errorDetails;       // messages[].errors[0].error_data.details
    QJsonObject raw;            // the whole message object as received
};

// One status of a message we sent (value.statuses[]).
struct StatusUpdate
{
    QString phoneNumberId;
    QString wamid;        // statuses[].id
    QString status;       // sent|delivered|read|played|failed|<unknown, kept as is>
    qint64 timestamp = 0; // Unix seconds
    QString recipientId;
    QString recipientUserId;
    QString callbackData; // biz_opaque_callback_data (the relay puts its outbox id here)
    int errorCode = 0;    // errors[0].code on failed
    QString errorTitle;   // errors[0].title (or message)
    QString errorDetails; // errors[0].error_data.details
    // pricing.category (service, utility, marketing, authentication, ...) and pricing.type
    // (regular = charged, free_customer_service, free_entry_point); empty when absent.
    QString pricingCategory;
    QString pricingType;
    QJsonObject raw;
};

// An error not tied to one message (value.errors[]).
struct AsyncError
{
    QString phoneNumberId;
    int code = 0;
    QString title;
    QString details;
};

// Everything one webhook POST carried, flattened over entry[] x changes[].
struct WebhookBatch
{
    // The channel whose webhook path it came to (set by the webhook endpoint); "main", the first
    // Cloud API number, is also the channel of every conversation stored before channels.
    QString channel = QStringLiteral("main");
    QList<InboundMessage> messages;
    QList<StatusUpdate> statuses;
    QList<AsyncError> errors;
    int ignoredChanges = 0; // changes for fields other than "messages"
    // metadata.phone_number_id of each "messages" change, in order (one entry per change).
    QStringList changeNumbers;
};

} // namespace Serambi::Relay
