#include "orderstatusnotice.h"

#include "shoporderrepo.h"

#include "config/channelconfig.h"
#include "logging/relaylogging.h"
#include "outbound/templatemessage.h"
#include "store/conversationrepo.h"
#include "store/outbound.h"
#include "store/templaterepo.h"
#include "store/writetxn.h"

#include "protocol/ordertext.h"

#include <QJsonArray>

#include <optional>

namespace Serambi::Relay {

namespace {

const QString SenderName = QStringLiteral("Status pesanan");

std::optional<OrderStatusTemplate> chosenFor(const OrderNoticeOptions &options,
                                             const QString &status)
{
    for (const OrderStatusTemplate &chosen : options.templates) {
        if (chosen.status == status)
            return chosen;
    }
    return std::nullopt;
}

QString fieldText(const QString &field, const ShopOrder &order, const Conversation &conversation)
{
    if (field == QLatin1String("name"))
        return conversation.contact.profileName.isEmpty() ? QStringLiteral("Kak")
                                                          : conversation.contact.profileName;
    if (field == QLatin1String("number"))
        return order.number;
    if (field == QLatin1String("status"))
        return order.status;
    if (field == QLatin1String("total"))
        return Protocol::formatRupiah(order.totalHundredths);
    if (field == QLatin1String("courier"))
        return order.courier;
    return order.trackingNumber;
}

std::optional<Conversation> customerConversation(WriteTxn &txn, const OrderNoticeOptions &options,
                                                 const QString &waId)
{
    for (const qint64 id : ShopOrderRepo::customerConversations(txn.db(), waId)) {
        auto conversation = ConversationRepo::load(txn.db(), id);
        if (conversation && conversation->phoneNumberId == options.phoneNumberId)
            return conversation;
    }
    Contact contact;
    contact.waId = waId;
    // Order updates go out through the shop's number, the relay's main channel.
    return ConversationRepo::findOrCreate(txn, MainChannel, options.phoneNumberId, contact,
                                          options.defaultAiMode);
}

} // namespace

OrderNotice queueOrderStatusNotice(WriteTxn &txn, const OrderNoticeOptions &options,
                                   const ShopOrder &order, const QString &previousStatus)
{
    if (order.status == previousStatus)
        return OrderNotice::Unchanged;
    const auto chosen = chosenFor(options, order.status);
    if (!chosen)
        return OrderNotice::NoTemplate;
    if (order.billingWaId.isEmpty() ||
        !ShopOrderRepo::consentedToUpdates(txn.db(), order.billingWaId))
        return OrderNotice::NoConsent;
    const auto stored = TemplateRepo::find(txn.db(), chosen->name, chosen->language);
    if (!stored || stored->status != QLatin1String("APPROVED")) {
        qCWarning(lcCommerce) << "order status template" << chosen->name << chosen->language
                              << "is not an approved template; no notice sent";
        return OrderNotice::TemplateMissing;
    }
    auto conversation = customerConversation(txn, options, order.billingWaId);
    if (!conversation)
        return OrderNotice::Failed;
    QJsonArray body;
    for (const QString &field : chosen->fields) {
        const QString text = fieldText(field, order, *conversation);
        if (text.isEmpty()) {
            qCInfo(lcCommerce) << "order status template" << chosen->name << "not sent: the order"
                               << "has no" << field;
            return OrderNotice::FieldMissing;
        }
        body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                {QStringLiteral("text"), text}});
    }
    QString problem;
    const auto built =
        buildTemplateMessage(*stored, QJsonObject{{QStringLiteral("body"), body}}, &problem);
    if (!built) {
        qCWarning(lcCommerce) << "order status template" << chosen->name
                              << "does not fit its fields:" << problem;
        return OrderNotice::TemplateMissing;
    }
    Message message;
    message.type = QStringLiteral("template");
    message.text = built->text;
    message.senderKind = QStringLiteral("ai");
    message.senderName = SenderName;
    message.timestamp = txn.now();
    const QJsonObject content{{QStringLiteral("type"), QStringLiteral("template")},
                              {QStringLiteral("template"), built->templateObject}};
    if (!queueOutbound(txn, *conversation, message, content) ||
        !ConversationRepo::update(txn, *conversation))
        return OrderNotice::Failed;
    ConversationRepo::publishMessage(txn, *conversation, message, EventKind::MessageCreated);
    ConversationRepo::publishConversation(txn, *conversation);
    return OrderNotice::Queued;
}

} // namespace Serambi::Relay
