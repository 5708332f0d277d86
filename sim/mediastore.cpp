#include "mediastore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>

namespace Serambi::Sim {

namespace {

constexpr qint64 KB = 1024;
constexpr qint64 MB = 1024 * 1024;

// Largest accepted size per MIME type, from reference §9.3.
qint64 sizeLimit(const QString &mimeType)
{
    static const QHash<QString, qint64> limits{
        {QStringLiteral("image/jpeg"), 5 * MB},
        {QStringLiteral("image/png"), 5 * MB},
        {QStringLiteral("video/mp4"), 16 * MB},
        {QStringLiteral("video/3gpp"), 16 * MB},
        {QStringLiteral("audio/aac"), 16 * MB},
        {QStringLiteral("audio/amr"), 16 * MB},
        {QStringLiteral("audio/mpeg"), 16 * MB},
        {QStringLiteral("audio/mp4"), 16 * MB},
        {QStringLiteral("audio/ogg"), 16 * MB},
        {QStringLiteral("text/plain"), 100 * MB},
        {QStringLiteral("application/pdf"), 100 * MB},
        {QStringLiteral("application/msword"), 100 * MB},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
         100 * MB},
        {QStringLiteral("application/vnd.ms-excel"), 100 * MB},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
         100 * MB},
        {QStringLiteral("application/vnd.ms-powerpoint"), 100 * MB},
        {QStringLiteral(
             "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
         100 * MB},
        {QStringLiteral("image/webp"), 500 * KB},
    };
    return limits.value(mimeType, -1);
}

// The magic bytes of the formats where a mislabelled file is easy to spot.
bool contentMatches(const QString &mimeType, const QByteArray &data)
{
    if (mimeType == QLatin1String("image/png"))
        return data.startsWith("\x89PNG\r\n\x1a\n");
    if (mimeType == QLatin1String("image/jpeg"))
        return data.startsWith("\xff\xd8\xff");
    if (mimeType == QLatin1String("image/webp"))
        return data.startsWith("RIFF") && data.mid(8, 4) == "WEBP";
    if (mimeType == QLatin1String("application/pdf"))
        return data.startsWith("%PDF-");
    if (mimeType == QLatin1String("audio/ogg"))
        return data.startsWith("OggS");
    return true;
}

QString baseType(const QString &mimeType)
{
    return mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

} // namespace

QString MediaItem::sha256Hex() const
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString MediaItem::sha256Base64() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64());
}

MediaStore::MediaStore()
{
    addSeed(QStringLiteral("7100000000000001"), QStringLiteral("paket_rusak"),
            QStringLiteral(":/sim/media/paket_rusak.png"), QStringLiteral("image/png"), QString(),
            false);
    addSeed(QStringLiteral("7100000000000002"), QStringLiteral("voice_note"),
            QStringLiteral(":/sim/media/voice_note.ogg"), QStringLiteral("audio/ogg; codecs=opus"),
            QString(), true);
    addSeed(QStringLiteral("7100000000000003"), QStringLiteral("bukti_transfer"),
            QStringLiteral(":/sim/media/bukti_transfer.pdf"), QStringLiteral("application/pdf"),
            QStringLiteral("bukti_transfer.pdf"), false);
}

void MediaStore::addSeed(const QString &id, const QString &seedName, const QString &resource,
                         const QString &mimeType, const QString &filename, bool voice)
{
    QFile file(resource);
    MediaItem item;
    item.id = id;
    item.data = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    item.mimeType = mimeType;
    item.filename = filename;
    item.seedName = seedName;
    item.voice = voice;
    m_items.insert(id, item);
}

std::optional<GraphError> MediaStore::checkUpload(const QString &mimeType, const QByteArray &data)
{
    const QString type = baseType(mimeType);
    const qint64 limit = sizeLimit(type);
    if (limit < 0)
        return GraphError::mediaError(
            QStringLiteral("Param file must be a file with one of the supported MIME types; "
                           "'%1' is not supported.")
                .arg(type));
    if (data.isEmpty() || data.size() > limit)
        return GraphError::mediaError(
            QStringLiteral("The file is %1 bytes; %2 files must be 1 to %3 bytes.")
                .arg(data.size())
                .arg(type)
                .arg(limit));
    if (!contentMatches(type, data))
        return GraphError::mediaError(
            QStringLiteral("The file's content does not match its MIME type %1.").arg(type));
    return std::nullopt;
}

QString MediaStore::add(const QByteArray &data, const QString &mimeType, const QString &filename)
{
    MediaItem item;
    do {
        item.id = QString::number(QRandomGenerator::global()->bounded(Q_INT64_C(1000000000000000),
                                                                      Q_INT64_C(9999999999999999)));
    } while (m_items.contains(item.id));
    item.data = data;
    item.mimeType = mimeType;
    item.filename = filename;
    m_items.insert(item.id, item);
    return item.id;
}

const MediaItem *MediaStore::find(const QString &id) const
{
    const auto it = m_items.constFind(id);
    return it == m_items.constEnd() ? nullptr : &it.value();
}

const MediaItem *MediaStore::findSeed(const QString &seedName) const
{
    for (const MediaItem &item : m_items) {
        if (item.seedName == seedName)
            return &item;
    }
    return nullptr;
}

const MediaItem *MediaStore::defaultSeed(const QString &messageType) const
{
    if (messageType == QLatin1String("image"))
        return findSeed(QStringLiteral("paket_rusak"));
    if (messageType == QLatin1String("audio"))
        return findSeed(QStringLiteral("voice_note"));
    if (messageType == QLatin1String("document"))
        return findSeed(QStringLiteral("bukti_transfer"));
    return nullptr;
}

bool MediaStore::remove(const QString &id)
{
    return m_items.remove(id) > 0;
}

void MediaStore::removeUploads()
{
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (it->seedName.isEmpty())
            it = m_items.erase(it);
        else
            ++it;
    }
    m_tokens.clear();
}

QString MediaStore::issueDownloadToken(const QString &id)
{
    QByteArray random(18, Qt::Uninitialized);
    for (char &byte : random)
        byte = char(QRandomGenerator::global()->bounded(256));
    const QString token = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_tokens.insert(token, {id, QDateTime::currentDateTimeUtc().addSecs(5 * 60)});
    return token;
}

bool MediaStore::isDownloadTokenValid(const QString &id, const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    return it != m_tokens.constEnd() && it->first == id &&
           it->second > QDateTime::currentDateTimeUtc();
}

} // namespace Serambi::Sim
