#include "mediafiles.h"

#include "protocol/medialimits.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Serambi::Relay {

QString MediaFiles::keyOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool MediaFiles::isKey(const QString &key)
{
    return Protocol::isMediaKey(key);
}

QString MediaFiles::normalizedSha256(const QString &hash)
{
    const QString lower = hash.trimmed().toLower();
    if (isKey(lower))
        return lower;
    const auto decoded = QByteArray::fromBase64Encoding(hash.trimmed().toLatin1());
    if (decoded && decoded.decoded.size() == 32)
        return QString::fromLatin1(decoded.decoded.toHex());
    return {};
}

QString MediaFiles::pathOf(const QString &key) const
{
    return m_dir + QLatin1Char('/') + key.left(2) + QLatin1Char('/') + key;
}

bool MediaFiles::contains(const QString &key) const
{
    return isKey(key) && QFileInfo::exists(pathOf(key));
}

QString MediaFiles::write(const QByteArray &bytes) const
{
    const QString key = keyOf(bytes);
    if (contains(key))
        return key;
    if (!QDir().mkpath(m_dir + QLatin1Char('/') + key.left(2)))
        return {};
    QSaveFile file(pathOf(key)); // a temporary file, renamed on commit
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return {};
    return key;
}

} // namespace Serambi::Relay
