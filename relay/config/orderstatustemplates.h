#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Serambi::Relay {

// The template the business chose for one order status (docs/configuration.md,
// order_status_templates): sent to customers who opted in when a shop's webhook moves one of
// their orders to that status. fields fill the body's {{1}}, {{2}}, … in order.
struct OrderStatusTemplate
{
    QString status;     // the shop's word: completed, processing, …
    QString name;       // the approved template's name
    QString language;   // its language code, e.g. id
    QStringList fields; // name, number, status, total, courier, tracking_number

    bool operator==(const OrderStatusTemplate &other) const
    {
        return status == other.status && name == other.name && language == other.language &&
               fields == other.fields;
    }
};

// "completed: pesanan_dikirim id name number courier tracking_number; processing: …" as a list;
// nullopt with *problem for an entry without status, template name and language, an unknown
// field, or a status named twice.
std::optional<QList<OrderStatusTemplate>> parseOrderStatusTemplates(const QString &text,
                                                                    QString *problem);

// The fields a template may name, in the order docs/configuration.md lists them.
const QStringList &orderTemplateFields();

} // namespace Serambi::Relay
