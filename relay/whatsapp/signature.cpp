#include "signature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace Serambi::Relay {

namespace {

constexpr char SignaturePrefix[] = "sha256=";
constexpr qsizetype SignaturePrefixLength = sizeof(SignaturePrefix) - 1;
constexpr qsizetype Sha256HexLength = 64;

} // namespace

QByteArray webhookSignature(const QByteArray &body, const QByteArray &appSecret)
{
    QByteArray signature(SignaturePrefix);
    signature +=
        QMessageAuthenticationCode::hash(body, appSecret, QCryptographicHash::Sha256).toHex();
    return signature;
}

bool verifyWebhookSignature(const QByteArray &body, const QByteArray &header,
                            const QByteArray &appSecret)
{
    // An empty secret would let anyone forge a valid signature, so it never verifies.
    if (appSecret.isEmpty())
        return false;
    // Shape checks come first: they only reveal what the attacker already sent, and they spare
    // the HMAC for junk requests.
    if (header.size() != SignaturePrefixLength + Sha256HexLength ||
        !header.startsWith(SignaturePrefix))
        return false;
    const QByteArray received = header.mid(SignaturePrefixLength).toLower();
    const QByteArray expected =
        QMessageAuthenticationCode::hash(body, appSecret, QCryptographicHash::Sha256).toHex();
    return constantTimeEquals(received, expected);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    const char *left = a.constData();
    const char *right = b.constData();
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(left[i] ^ right[i]);
    return difference == 0;
}

} // namespace Serambi::Relay
