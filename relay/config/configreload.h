#pragma once

#include "relayconfig.h"

#include <QStringList>

namespace Serambi::Relay {

// A running relay re-reads its configuration on SIGHUP (docs/configuration.md, "Reloading").
// Some settings take effect at once; the rest only at the next start.

// Copies into running the settings a reload applies: business hours and the out-of-hours
// reply, routing and auto-assignment, the AI's thresholds and handoff keywords, Meta's rates.
void takeReloadable(RelayConfig &running, const RelayConfig &fresh);

// The settings fresh changes that only a restart applies, by the names docs/configuration.md
// uses (listen, data_dir, database, channels, llm, limits, woocommerce, metrics_token); empty
// when there are none.
QStringList restartOnlyChanges(const RelayConfig &running, const RelayConfig &fresh);

} // namespace Serambi::Relay
