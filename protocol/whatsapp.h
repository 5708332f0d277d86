#pragma once

#include <QtGlobal>

// WhatsApp's own rules that the relay, the console and the simulator all apply
// (../shared/docs/whatsapp-cloud-api.md). Limits of media and interactive messages are in
// medialimits.h and interactivelimits.h.
namespace Serambi::Protocol::WhatsApp {

// The customer-service window: free-form messages may be sent only this long after the
// customer's last message; templates are always allowed.
inline constexpr qint64 ServiceWindowMs = 24LL * 60 * 60 * 1000;

} // namespace Serambi::Protocol::WhatsApp
