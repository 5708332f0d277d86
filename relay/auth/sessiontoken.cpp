#include "sessiontoken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Serambi::Relay {

QString newSessionToken()
{
    constexpr int Bytes = 32;
    QByteArray raw(Bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()),
                                          Bytes / int(sizeof(quint32)));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray sessionTokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace Serambi::Relay
