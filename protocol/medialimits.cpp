#include "medialimits.h"

#include <array>

namespace Serambi::Protocol {

namespace {

constexpr qint64 MB = 1024 * 1024;

struct KindInfo
{
    MediaKind kind;
    const char *name;
    qint64 maxBytes;
};

constexpr std::array<KindInfo, 5> Kinds{{
    {MediaKind::Image, "image", 5 * MB},
    {MediaKind::Video, "video", 16 * MB},
    {MediaKind::Audio, "audio", 16 * MB},
    {MediaKind::Document, "document", 100 * MB},
    {MediaKind::Sticker, "sticker", MaxAnimatedStickerBytes},
}};

struct TypeInfo
{
    const char *mimeType;
    MediaKind kind;
};

constexpr std::array<TypeInfo, 17> Types{{
    {"image/jpeg", MediaKind::Image},
    {"image/png", MediaKind::Image},
    {"video/mp4", MediaKind::Video},
    {"video/3gpp", MediaKind::Video},
    {"audio/aac", MediaKind::Audio},
    {"audio/amr", MediaKind::Audio},
    {"audio/mpeg", MediaKind::Audio},
    {"audio/mp4", MediaKind::Audio},
    {"audio/ogg", MediaKind::Audio},
    {"text/plain", MediaKind::Document},
    {"application/pdf", MediaKind::Document},
    {"application/msword", MediaKind::Document},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     MediaKind::Document},
    {"application/vnd.ms-excel", MediaKind::Document},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind::Document},
    {"application/vnd.ms-powerpoint", MediaKind::Document},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation",
     MediaKind::Document},
}};

const KindInfo &info(MediaKind kind)
{
    for (const KindInfo &item : Kinds) {
        if (item.kind == kind)
            return item;
    }
    return Kinds.front();
}

bool isIsoMedia(const QByteArray &bytes) // MP4, 3GPP, M4A: a "ftyp" box first
{
    return bytes.size() >= 12 && bytes.mid(4, 4) == "ftyp";
}

bool isOggOpus(const QByteArray &bytes)
{
    // The first Ogg page (27-byte header, then the segment table) carries the OpusHead packet.
    if (!bytes.startsWith("OggS") || bytes.size() < 27)
        return false;
    const int segments = quint8(bytes.at(26));
    return bytes.mid(27 + segments, 8) == "OpusHead";
}

bool isAdts(const QByteArray &bytes)
{
    return bytes.size() >= 2 && quint8(bytes.at(0)) == 0xff && (quint8(bytes.at(1)) & 0xf6) == 0xf0;
}

bool isMpegAudio(const QByteArray &bytes)
{
    return bytes.startsWith("ID3") || (bytes.size() >= 2 && quint8(bytes.at(0)) == 0xff &&
                                       (quint8(bytes.at(1)) & 0xe0) == 0xe0);
}

bool isZip(const QByteArray &bytes)
{
    return bytes.startsWith("PK\x03\x04");
}

bool isOle(const QByteArray &bytes)
{
    return bytes.startsWith("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
}

} // namespace

QString mediaKindName(MediaKind kind)
{
    return QLatin1String(info(kind).name);
}

std::optional<MediaKind> mediaKindFromName(const QString &name)
{
    for (const KindInfo &item : Kinds) {
        if (name == QLatin1String(item.name))
            return item.kind;
    }
    return std::nullopt;
}

QString baseMimeType(const QString &mimeType)
{
    return mimeType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

QStringList mimeTypesOf(MediaKind kind)
{
    if (kind == MediaKind::Sticker)
        return {QStringLiteral("image/webp")};
    QStringList types;
    for (const TypeInfo &item : Types) {
        if (item.kind == kind)
            types.append(QLatin1String(item.mimeType));
    }
    return types;
}

std::optional<MediaKind> mediaKindOfMimeType(const QString &mimeType)
{
    const QString type = baseMimeType(mimeType);
    if (type == QLatin1String("image/webp"))
        return MediaKind::Sticker;
    for (const TypeInfo &item : Types) {
        if (type == QLatin1String(item.mimeType))
            return item.kind;
    }
    return std::nullopt;
}

qint64 maxMediaBytes(MediaKind kind)
{
    return info(kind).maxBytes;
}

bool isAnimatedWebp(const QByteArray &bytes)
{
    // RIFF <size> WEBP VP8X <chunk size> <flags>: bit 1 of the flags byte is "animation".
    return bytes.size() >= 21 && bytes.startsWith("RIFF") && bytes.mid(8, 8) == "WEBPVP8X" &&
           (quint8(bytes.at(20)) & 0x02) != 0;
}

qint64 maxMediaBytesFor(const QString &mimeType, const QByteArray &bytes)
{
    const auto kind = mediaKindOfMimeType(mimeType);
    if (!kind)
        return -1;
    if (*kind == MediaKind::Sticker && !isAnimatedWebp(bytes))
        return MaxStaticStickerBytes;
    return maxMediaBytes(*kind);
}

bool mediaBytesMatchType(const QString &mimeType, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    const QString type = baseMimeType(mimeType);
    if (type == QLatin1String("image/png"))
        return bytes.startsWith("\x89PNG\r\n\x1a\n");
    if (type == QLatin1String("image/jpeg"))
        return bytes.startsWith("\xff\xd8\xff");
    if (type == QLatin1String("image/webp"))
        return bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP";
    if (type == QLatin1String("application/pdf"))
        return bytes.startsWith("%PDF-");
    if (type == QLatin1String("audio/ogg"))
        return isOggOpus(bytes);
    if (type == QLatin1String("video/mp4") || type == QLatin1String("video/3gpp") ||
        type == QLatin1String("audio/mp4"))
        return isIsoMedia(bytes);
    if (type == QLatin1String("audio/aac"))
        return isAdts(bytes) || bytes.startsWith("ADIF");
    if (type == QLatin1String("audio/mpeg"))
        return isMpegAudio(bytes);
    if (type == QLatin1String("audio/amr"))
        return bytes.startsWith("#!AMR");
    if (type.startsWith(QLatin1String("application/vnd.openxmlformats-officedocument.")))
        return isZip(bytes);
    if (type == QLatin1String("application/msword") ||
        type == QLatin1String("application/vnd.ms-excel") ||
        type == QLatin1String("application/vnd.ms-powerpoint"))
        return isOle(bytes);
    return true;
}

MediaCheck checkMedia(const QString &mimeType, const QByteArray &bytes)
{
    const qint64 limit = maxMediaBytesFor(mimeType, bytes);
    if (limit < 0)
        return MediaCheck::UnsupportedType;
    if (bytes.isEmpty())
        return MediaCheck::Empty;
    if (bytes.size() > limit)
        return MediaCheck::TooLarge;
    if (!mediaBytesMatchType(mimeType, bytes))
        return MediaCheck::ContentMismatch;
    return MediaCheck::Ok;
}

bool mediaKindTakesCaption(MediaKind kind)
{
    return kind == MediaKind::Image || kind == MediaKind::Video || kind == MediaKind::Document;
}

bool mediaKindTakesFilename(MediaKind kind)
{
    return kind == MediaKind::Document;
}

bool mayBeVoice(const QString &mimeType)
{
    return baseMimeType(mimeType) == QLatin1String("audio/ogg");
}

bool isMediaKey(const QString &key)
{
    if (key.size() != 64)
        return false;
    for (const QChar c : key) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace Serambi::Protocol
