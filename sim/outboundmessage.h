#pragma once

#include "grapherror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Sim {

// A send the fake Graph API accepted (HTTP 200), as the status reporter and the transcript need it.
struct OutboundMessage
{
    QString wamid;
    QString waId;   // the recipient's digits (empty when addressed by an unknown BSUID)
    QString userId; // the recipient's BSUID when known
    QString type;
    QString bizOpaqueCallbackData;
    QString templateCategory; // UTILITY/MARKETING/... for templates, empty otherwise
    bool windowOpen = false;
    std::optional<GraphError> failure; // accepted, but will fail asynchronously (131026, ...)
    QJsonObject body;                  // the request body as sent
};

} // namespace Serambi::Sim
