#pragma once

#include <QByteArray>

namespace Serambi::Relay {

// The X-Hub-Signature-256 value Meta would send for body: "sha256=" + lowercase hex HMAC.
QByteArray webhookSignature(const QByteArray &body, const QByteArray &appSecret);

// Checks an X-Hub-Signature-256 header against the raw body, in constant time.
// False for a missing header, a wrong prefix, a wrong length or a mismatch, and always false
// for an empty app secret (anyone could forge that signature). Upper-case hex is accepted.
bool verifyWebhookSignature(const QByteArray &body, const QByteArray &header,
                            const QByteArray &appSecret);

// Compares two byte strings in time that depends only on their lengths.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Serambi::Relay
