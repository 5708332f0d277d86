#include "webhookpayload.h"

namespace Serambi::Sim {

namespace {

OrderedJson envelope(const SimConfig &config, const OrderedJson &value)
{
    const OrderedJson change = OrderedJson::object(
        {{QStringLiteral("value"), value}, {QStringLiteral("field"), QStringLiteral("messages")}});
    const OrderedJson entry =
        OrderedJson::object({{QStringLiteral("id"), config.wabaId},
                             {QStringLiteral("changes"), OrderedJson::array({change})}});
    return OrderedJson::object(
        {{QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
         {QStringLiteral("entry"), OrderedJson::array({entry})}});
}

OrderedJson valueHeader(const SimConfig &config)
{
    return OrderedJson::object(
        {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
         {QStringLiteral("metadata"),
          OrderedJson::object({{QStringLiteral("display_phone_number"), config.displayPhoneNumber},
                               {QStringLiteral("phone_number_id"), config.phoneNumberId}})}});
}

OrderedJson arrayOf(const QList<OrderedJson> &items)
{
    OrderedJson array = OrderedJson::array();
    for (const OrderedJson &item : items)
        array.append(item);
    return array;
}

} // namespace

OrderedJson messageEnvelope(const SimConfig &config, const CustomerInfo &customer,
                            const QList<OrderedJson> &messages)
{
    OrderedJson value = valueHeader(config);
    const OrderedJson contact =
        OrderedJson::object({{QStringLiteral("profile"),
                              OrderedJson::object({{QStringLiteral("name"), customer.name}})},
                             {QStringLiteral("wa_id"), customer.waId},
                             {QStringLiteral("user_id"), customer.userId}});
    value.insert(QStringLiteral("contacts"), OrderedJson::array({contact}));
    value.insert(QStringLiteral("messages"), arrayOf(messages));
    return envelope(config, value);
}

OrderedJson statusEnvelope(const SimConfig &config, const QList<OrderedJson> &statuses)
{
    OrderedJson value = valueHeader(config);
    value.insert(QStringLiteral("statuses"), arrayOf(statuses));
    return envelope(config, value);
}

} // namespace Serambi::Sim
