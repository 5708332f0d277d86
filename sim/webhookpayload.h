#pragma once

#include "orderedjson.h"
#include "simconfig.h"
#include "simstate.h"

#include <QList>

namespace Serambi::Sim {

// The §4 envelope around inbound messages from one customer:
// {"object":"whatsapp_business_account","entry":[{"id":WABA,"changes":[{"value":{...},
// "field":"messages"}]}]} with metadata and contacts.
OrderedJson messageEnvelope(const SimConfig &config, const CustomerInfo &customer,
                            const QList<OrderedJson> &messages);

// The same envelope around statuses[] of outbound messages (no contacts).
OrderedJson statusEnvelope(const SimConfig &config, const QList<OrderedJson> &statuses);

} // namespace Serambi::Sim
