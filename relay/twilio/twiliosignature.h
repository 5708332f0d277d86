#pragma once

#include "twilioform.h"

#include <QByteArray>
#include <QString>

namespace Serambi::Relay {

// X-Twilio-Signature (docs/providers/twilio.md §4.1): base64 of the HMAC-SHA1, keyed with the
// auth token, of url followed by every parameter's name and value, sorted by name then value.
QByteArray twilioSignature(const QString &url, const FormParams &params,
                           const QByteArray &authToken);

// Checks header in constant time against url as given and, when url names the scheme's default
// port (:443, :80), against url without it (§4.2). Always false for an empty auth token.
bool verifyTwilioSignature(const QString &url, const FormParams &params, const QByteArray &header,
                           const QByteArray &authToken);

} // namespace Serambi::Relay
