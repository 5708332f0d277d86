#pragma once

#include "drafter.h"

namespace Serambi::Relay {

// The placeholder drafter: acknowledges the customer politely in Indonesian and says a
// person will follow up. It never claims confidence, so nothing is sent without an agent.
class AcknowledgementDrafter final : public Drafter
{
public:
    QString name() const override { return QStringLiteral("acknowledgement"); }
    void draft(const DraftRequest &request, std::function<void(const DraftResult &)> done) override;
};

} // namespace Serambi::Relay
