#pragma once

#include <QString>

namespace Serambi::Sim {

// Identifiers shaped like Meta's: opaque to the relay, but realistic enough to catch a relay
// that assumes a length or an alphabet.
QString newWamid(const QString &waId); // "wamid." + base64, ~60 characters
QString newFbTraceId();                // 11 base64url-ish characters
QString newMediaId();                  // 15-16 digits

} // namespace Serambi::Sim
