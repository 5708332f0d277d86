#pragma once

#include "drafter.h"

#include <optional>

namespace Serambi::Relay {

class OrderLookup;

// In front of another drafter: a customer's question about their order is answered from their
// own orders (status, courier, tracking number, in their register); anything else, and any
// question from a customer no shop has orders of, goes to the drafter behind. An order number
// that is not one of the customer's is never told, only said not to be found (docs/ai.md,
// "Order questions").
class OrderDrafter final : public Drafter
{
public:
    OrderDrafter(OrderLookup *orders, Drafter *next);

    QString name() const override { return m_next->name(); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override;
    void draftStreaming(const DraftRequest &request, std::function<void(const QString &)> partial,
                        std::function<void(const DraftResult &)> done) override;

    // The answer to request when it asks about an order; nullopt otherwise.
    std::optional<DraftResult> answer(const DraftRequest &request) const;

private:
    OrderLookup *m_orders;
    Drafter *m_next;
};

} // namespace Serambi::Relay
