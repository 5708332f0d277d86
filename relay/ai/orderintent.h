#pragma once

#include <QString>

#include <optional>

namespace Serambi::Relay {

// A customer's question about their order, as the offline drafter reads it (docs/ai.md,
// "Order questions"): "pesanan saya INV-0117 sudah dikirim belum?", "paket sy udh sampe mana".
struct OrderQuestion
{
    // The digits of the order number the customer wrote, leading zeros dropped ("117" for
    // "INV-0117", "#0117", "order 117"); empty when they gave none.
    QString reference;
};

// nullopt when the message does not ask about an order (a new order, a return, shipping costs,
// a thank-you for a parcel that arrived).
std::optional<OrderQuestion> recogniseOrderQuestion(const QString &text);

// Whether an order number ("INV-0117") is the one a reference ("117") names.
bool orderNumberMatches(const QString &number, const QString &reference);

} // namespace Serambi::Relay
