#include "twiliosignature.h"

#include "whatsapp/signature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace Serambi::Relay {

namespace {

// url without an explicit default port, or an empty string when it has none.
QString withoutDefaultPort(const QString &url)
{
    const QUrl parsed(url);
    const bool defaultPort = (parsed.scheme() == QLatin1String("https") && parsed.port() == 443) ||
                             (parsed.scheme() == QLatin1String("http") && parsed.port() == 80);
    if (!defaultPort)
        return {};
    const QString port = QStringLiteral(":%1").arg(parsed.port());
    const qsizetype authority = url.indexOf(QLatin1String("//"));
    const qsizetype at = url.indexOf(port, authority < 0 ? 0 : authority + 2);
    return at < 0 ? QString() : QString(url).remove(at, port.size());
}

} // namespace

QByteArray twilioSignature(const QString &url, const FormParams &params,
                           const QByteArray &authToken)
{
    QList<QPair<QByteArray, QByteArray>> sorted;
    sorted.reserve(params.size());
    for (const auto &[name, value] : params)
        sorted.append({name.toUtf8(), value.toUtf8()});
    std::sort(sorted.begin(), sorted.end());
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : std::as_const(sorted))
        data += name + value;
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

bool verifyTwilioSignature(const QString &url, const FormParams &params, const QByteArray &header,
                           const QByteArray &authToken)
{
    if (authToken.isEmpty() || header.isEmpty())
        return false;
    if (constantTimeEquals(twilioSignature(url, params, authToken), header))
        return true;
    const QString bare = withoutDefaultPort(url);
    return !bare.isEmpty() && constantTimeEquals(twilioSignature(bare, params, authToken), header);
}

} // namespace Serambi::Relay
