#pragma once

#include "orderedjson.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Sim {

class MediaStore;
struct CustomerInfo;
struct SimConfig;

// Builds the messages[] object (§5) a customer's phone would produce from a short spec such as
// {"type":"text","text":"Halo kak"} or {"type":"image","media":"paket_rusak","caption":"..."}.
// The full list of specs is in docs/simulator.md. Returns nothing (and an error) for a bad spec.
std::optional<OrderedJson> buildInboundMessage(const QJsonObject &spec,
                                               const CustomerInfo &customer, const QString &wamid,
                                               const SimConfig &config, const MediaStore &media,
                                               QString *error);

} // namespace Serambi::Sim
