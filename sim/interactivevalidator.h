#pragma once

#include "grapherror.h"

#include <QJsonObject>

#include <optional>

namespace Serambi::Sim {

// The "interactive" object of a send: reply buttons, list, CTA URL (reference §8.3).
std::optional<GraphError> validateInteractive(const QJsonObject &interactive);

} // namespace Serambi::Sim
